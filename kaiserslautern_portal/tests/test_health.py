import time

import pytest
from django.db import OperationalError, connection

from kaiserslautern_portal import views
from kaiserslautern_portal.celery import app as celery_app

from .outage import SilentServer, closed_port


def test_healthz_answers_while_the_process_runs(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_names_each_healthy_check(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "broker": "ok"}}


@pytest.mark.django_db
def test_readyz_stays_ready_but_reports_a_degraded_broker(client, monkeypatch):
    # Mail waits in the database while the broker is away: the instance can still serve everyone.
    monkeypatch.setattr(celery_app.conf, "broker_url", f"redis://127.0.0.1:{closed_port()}/0")
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "checks": {"database": "ok", "cache": "ok", "broker": "degraded"}}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "backend",
    ["kaiserslautern_portal.lib.cache_backend.ResilientRedisCache", "django.core.cache.backends.redis.RedisCache"],
)
def test_readyz_stays_ready_but_reports_a_degraded_cache(client, settings, backend):
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": f"redis://127.0.0.1:{closed_port()}/0"}}
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == "degraded"


@pytest.mark.django_db
def test_readyz_answers_503_when_the_database_refuses(client, monkeypatch):
    def refuse():
        raise OperationalError("connection refused")

    monkeypatch.setitem(views.CHECKS, "database", refuse)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "failed", "checks": {"database": "failed", "cache": "ok", "broker": "ok"}}


@pytest.mark.django_db
def test_readyz_answers_within_three_seconds_when_a_check_hangs(client, monkeypatch):
    monkeypatch.setitem(views.CHECKS, "database", lambda: time.sleep(4))
    started = time.monotonic()
    response = client.get("/readyz")
    assert time.monotonic() - started < 3
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "failed"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL connection to hang")
@pytest.mark.parametrize("hang", [True, False], ids=["hanging", "refusing"])
def test_readyz_answers_503_within_three_seconds_from_a_real_database_that_hangs_or_refuses(client, monkeypatch, hang):
    silent = SilentServer() if hang else None
    port = silent.port if hang else closed_port()
    monkeypatch.setitem(connection.settings_dict, "HOST", "127.0.0.1")
    monkeypatch.setitem(connection.settings_dict, "PORT", port)
    try:
        started = time.monotonic()
        response = client.get("/readyz")
        elapsed = time.monotonic() - started
    finally:
        if silent:
            silent.close()
    assert elapsed < 3
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "failed"
