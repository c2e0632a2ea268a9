"""Redis down: pages from the database, limits still counted, admin saves committed, recovery without a restart."""

import logging
import os
import signal
import time

import pytest
from django.core.cache import cache

from citizens.models import Subscription
from citizens.tests.helpers import subscribe_data
from conftest import make_project
from kaiserslautern_portal.lib.cache import VERSION_KEY, content_version

from .outage import RedisServer, closed_port, needs_redis_server

pytestmark = [pytest.mark.django_db, needs_redis_server]

RETRY_SECONDS = 0.3


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture
def redis(redis_server, settings):
    if redis_server.process is None:
        redis_server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "kaiserslautern_portal.lib.cache_backend.ResilientRedisCache",
            "LOCATION": redis_server.url(),
            "OPTIONS": {
                "socket_connect_timeout": 0.5,
                "socket_timeout": 0.5,
                "RETRY_SECONDS": RETRY_SECONDS,
                "NO_FALLBACK_PREFIXES": ["portal:"],
                "FORGET_ON_RECOVERY": [VERSION_KEY],
            },
        }
    }
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield redis_server
    if redis_server.process is None:
        redis_server.start()


def test_with_redis_stopped_reads_miss_and_writes_are_dropped_without_an_error(redis):
    cache.set("portal:page:x", "cached page", 60)
    redis.stop()
    assert cache.get("portal:page:x") is None
    cache.set("portal:page:y", "new page", 60)
    assert cache.get("portal:page:y") is None, "a page must never be kept in one process only"
    assert content_version() is None


def test_with_redis_stopped_counters_keep_counting_in_the_process(redis):
    redis.stop()
    assert cache.add("citizens:ratelimit:subscribe:1.2.3.4", 0, 60)
    assert [cache.incr("citizens:ratelimit:subscribe:1.2.3.4") for _ in range(3)] == [1, 2, 3]


def test_public_pages_answer_200_from_the_database_while_redis_is_stopped(client, redis):
    make_project(title_de="Handyparken")
    redis.stop()
    for url in ["/", "/projekte/", "/projekte/handyparken/", "/neuigkeiten/", "/neuigkeiten/rss/", "/sitemap.xml"]:
        assert client.get(url).status_code == 200, url
    assert "Handyparken" in client.get("/projekte/handyparken/").content.decode()


def test_the_subscription_form_keeps_its_rate_limit_while_redis_is_stopped(
    client, redis, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("citizens.views.SUBSCRIBE_REQUESTS_PER_HOUR", 2)
    redis.stop()
    answers = []
    for number in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            answers.append(client.post("/abonnieren/", subscribe_data(email=f"p{number}@example.org")).status_code)
    assert answers == [302, 302, 429]
    assert Subscription.objects.count() == 2


def test_login_keeps_working_and_allauth_keeps_its_rate_limit_while_redis_is_stopped(client, redis, settings, citizen):
    settings.ACCOUNT_RATE_LIMITS = {"login": "3/m/ip"}
    redis.stop()
    wrong = {"login": citizen.email, "password": "wrong-password"}
    answers = [client.post("/konto/login/", wrong).status_code for _ in range(3)]
    assert answers == [200, 200, 200]
    assert client.post("/konto/login/", {"login": citizen.email, "password": "alice-secret-123"}).status_code == 429


def test_an_admin_save_commits_while_redis_is_stopped(client, redis, editor, django_capture_on_commit_callbacks):
    from projects.tests.test_admin import project_form

    project = make_project(title_de="Handyparken", progress=30)
    client.force_login(editor)
    redis.stop()
    data = project_form(project.field, title_de="Handyparken", slug="handyparken", progress="55")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/projects/project/{project.pk}/change/", data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.progress == 55


def test_a_cache_that_raises_is_logged_and_never_rolls_back_the_save(
    settings, caplog, django_capture_on_commit_callbacks
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        project = make_project(title_de="Handyparken")
    assert project.pk is not None
    assert any("on_commit" in record.getMessage() for record in caplog.records)


def test_redis_is_used_again_after_it_comes_back_without_a_restart(redis):
    redis.stop()
    cache.get("anything")
    redis.start()
    time.sleep(RETRY_SECONDS + 0.1)
    cache.set("portal:page:x", "cached page", 60)
    assert cache.get("portal:page:x") == "cached page"  # never kept locally, so it came from Redis
    cache.ping()


def test_pages_edited_while_redis_hung_are_fresh_once_it_answers_again(
    client, redis, settings, django_capture_on_commit_callbacks, caplog
):
    settings.CACHES["default"]["OPTIONS"]["RETRY_SECONDS"] = 2
    project = make_project(title_de="Handyparken", progress=30)
    assert "30 %" in client.get("/projekte/handyparken/").content.decode()
    os.kill(redis.process.pid, signal.SIGSTOP)  # Redis keeps its data, it only stops answering
    try:
        started = time.monotonic()
        assert "30 %" in client.get("/projekte/handyparken/").content.decode()  # a timeout: Redis is left alone
        assert time.monotonic() - started < 2, "one socket timeout, then no more waiting for Redis"
        project.progress = 55
        with django_capture_on_commit_callbacks(execute=True):
            project.save()  # so this version bump never reaches Redis
        assert "55 %" in client.get("/projekte/handyparken/").content.decode()
    finally:
        os.kill(redis.process.pid, signal.SIGCONT)
    time.sleep(2.1)
    assert "55 %" in client.get("/projekte/handyparken/").content.decode()
    assert "Redis answers again" in caplog.text
