"""Break Redis, the broker and the database under a real worker; afterwards every owed email arrives exactly once.

Its own cache Redis and broker Redis (as in docker-compose), a real Celery worker against the test database, and
an SMTP sink. For each fault the public pages, a subscription, an admin save and a publication are tried; then the
service comes back and beat's sweep (sent through the broker, as beat does) delivers what is owed.
"""

import collections
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from citizens.models import Delivery, Subscription
from citizens.tasks import notifications_sweep
from citizens.tests.helpers import subscribe_data
from conftest import make_news, make_project
from kaiserslautern_portal.celery import app as celery_app
from kaiserslautern_portal.lib.cache import VERSION_KEY
from news.models import NewsItem
from projects.tests.test_admin import project_form

from .outage import RedisServer, SilentServer, closed_port, needs_redis_server

ROOT = Path(__file__).resolve().parents[2]
RETRY_SECONDS = 1
CONNECT_TIMEOUT = 2
PAGES = ["/", "/projekte/", "/projekte/handyparken/", "/neuigkeiten/"]
READERS = ["reader1@example.org", "reader2@example.org"]

logger = logging.getLogger(__name__)

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),  # the editors group from its migration
    needs_redis_server,
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL") or connection.vendor != "postgresql",
        reason="needs REDIS_URL and PostgreSQL (DATABASE_URL), as in CI",
    ),
]


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def use_broker(url):
    """Point this process's Celery at another broker; its connection pools are built anew."""
    celery_app.conf.broker_url = url
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def stack(smtp_server, settings):
    cache_redis = RedisServer("--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru").start()
    broker = RedisServer("--maxmemory-policy", "noeviction").start()
    settings.CACHES = {
        "default": {
            "BACKEND": "kaiserslautern_portal.lib.cache_backend.ResilientRedisCache",
            "LOCATION": cache_redis.url(),
            "OPTIONS": {
                "socket_connect_timeout": 0.5,
                "socket_timeout": 1,
                "RETRY_SECONDS": RETRY_SECONDS,
                "NO_FALLBACK_PREFIXES": ["portal:"],
                "FORGET_ON_RECOVERY": [VERSION_KEY],
            },
        }
    }
    settings.PAGE_CACHE_SECONDS = 300
    broker_url, eager = celery_app.conf.broker_url, celery_app.conf.task_always_eager
    use_broker(broker.url())
    celery_app.conf.task_always_eager = False
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "REDIS_URL": cache_redis.url(),
        "CELERY_BROKER_URL": broker.url(),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_server.port),
        "CACHE_RETRY_SECONDS": str(RETRY_SECONDS),
    }
    command = [sys.executable, "-m", "celery", "-A", "kaiserslautern_portal", "worker", "--concurrency", "1",
               "--loglevel", "WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat"]  # fmt: skip
    worker = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    try:
        yield cache_redis, broker
    finally:
        os.killpg(worker.pid, signal.SIGKILL)  # the pool's child too, or it would keep its database connection
        worker.wait(timeout=10)
        cache_redis.stop()
        broker.stop()
        use_broker(broker_url)
        celery_app.conf.task_always_eager = eager


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.2)


def publish(draft):
    return {"action": "publish_now", "_selected_action": [draft.pk]}


def timed(request, *args, **kwargs):
    started = time.monotonic()
    response = request(*args, **kwargs)
    return response, time.monotonic() - started


class Visit:
    """What people do during a fault: read, subscribe, edit, publish. Keeps each answer and its time."""

    def __init__(self, editor):
        self.anonymous, self.staff = Client(), Client()
        self.staff.force_login(editor)
        self.answers = {}

    def record(self, name, request, *args, **kwargs):
        response, seconds = timed(request, *args, **kwargs)
        self.answers[name] = response
        logger.info("%-40s %d in %.2f s", name, response.status_code, seconds)
        return response, seconds

    def everything(self, fault, *, project, draft, progress):
        slowest = 0.0
        for url in PAGES:
            _response, seconds = self.record(f"{fault} GET {url}", self.anonymous.get, url)
            slowest = max(slowest, seconds)
        for name, request, args in [
            ("subscribe", self.anonymous.post, ("/abonnieren/", subscribe_data(email=f"{fault}@example.org"))),
            ("admin save", self.staff.post, (f"/admin/projects/project/{project.pk}/change/", progress)),
            ("publish", self.staff.post, ("/admin/news/newsitem/", publish(draft))),
            ("readyz", self.anonymous.get, ("/readyz",)),
        ]:  # fmt: skip
            _response, seconds = self.record(f"{fault} {name}", request, *args)
            slowest = max(slowest, seconds)
        return {url: self.answers[f"{fault} GET {url}"].status_code for url in PAGES}, slowest

    def status(self, fault, name):
        return self.answers[f"{fault} {name}"].status_code


def test_outages_of_redis_the_broker_and_the_database_lose_nothing_and_repeat_nothing(stack, smtp_server, editor):
    cache_redis, broker = stack
    now = timezone.now()
    for email in READERS:
        Subscription.objects.create(
            email=email, everything=True, consent_text="Ja.", requested_at=now, confirmed_at=now
        )
    project = make_project(title_de="Handyparken", slug="handyparken", progress=10)
    drafts = {
        fault: make_news(title_de=f"Meldung während {fault}", status="draft", projects=[project])
        for fault in ("cache", "broker")
    }
    visit = Visit(editor)

    def edit(value):
        return project_form(
            project.field,
            title_de="Handyparken",
            slug="handyparken",
            progress=str(value),
            **{"milestones-TOTAL_FORMS": "0"},
        )

    for url in PAGES:  # warm: templates loaded, pages in the cache before it goes
        assert visit.anonymous.get(url).status_code == 200

    # Redis (the cache) stopped: everything works from the database; the worker sends at once.
    cache_redis.stop()
    pages, slowest = visit.everything("cache", project=project, draft=drafts["cache"], progress=edit(20))
    assert pages == dict.fromkeys(PAGES, 200)
    assert [visit.status("cache", name) for name in ("subscribe", "admin save", "publish", "readyz")] == [302] * 3 + [
        200
    ]
    assert visit.answers["cache readyz"].json()["checks"]["cache"] == "degraded"
    assert slowest < 2, f"a request took {slowest:.2f} s with Redis stopped"
    assert "20 %" in visit.anonymous.get("/projekte/handyparken/").content.decode()
    cache_redis.start()
    time.sleep(RETRY_SECONDS + 0.2)
    visit.anonymous.get("/projekte/handyparken/")
    with CaptureQueriesContext(connection) as queries:
        again = visit.anonymous.get("/projekte/handyparken/")
    assert (again.status_code, len(queries)) == (200, 0), "the page cache is in use again without a restart"
    notifications_sweep.delay()  # beat, every half minute
    wait_for(lambda: len(smtp_server.messages) >= 1 + len(READERS), 60, "the mail owed during the cache outage")

    # The broker stopped: every answer as usual, the owed mail waits in the database.
    broker.stop()
    pages, slowest = visit.everything("broker", project=project, draft=drafts["broker"], progress=edit(30))
    assert pages == dict.fromkeys(PAGES, 200)
    assert [visit.status("broker", name) for name in ("subscribe", "admin save", "publish", "readyz")] == [302] * 3 + [
        200
    ]
    assert visit.answers["broker readyz"].json()["checks"]["broker"] == "degraded"
    assert slowest < 3, f"a request took {slowest:.2f} s with the broker stopped"
    assert Delivery.objects.filter(kind=Delivery.Kind.CONFIRM, email="broker@example.org", status="pending").exists()
    broker.start()
    time.sleep(1)
    notifications_sweep.delay()  # beat's next tick once the broker is back
    wait_for(lambda: len(smtp_server.messages) >= 2 + 2 * len(READERS), 60, "the mail owed during the broker outage")
    assert not Delivery.objects.exclude(status="sent").exists()

    # The database refusing, then hanging: cached pages still serve, everything else is a 503 with Retry-After.
    assert visit.anonymous.get("/projekte/handyparken/").status_code == 200  # cached
    saved = dict(connection.settings_dict), dict(connection.settings_dict["OPTIONS"])
    silent = SilentServer()
    try:
        for fault, port in [("db-refusing", closed_port()), ("db-hanging", silent.port)]:
            connection.close()
            connection.settings_dict.update(HOST="127.0.0.1", PORT=port)
            connection.settings_dict["OPTIONS"]["connect_timeout"] = CONNECT_TIMEOUT
            cached, seconds = visit.record(f"{fault} GET cached page", visit.anonymous.get, "/projekte/handyparken/")
            assert (cached.status_code, "30 %" in cached.content.decode()) == (200, True)
            pages, slowest = visit.everything(fault, project=project, draft=drafts["cache"], progress=edit(40))
            assert set(pages.values()) <= {200, 503}
            assert pages["/projekte/"] == 503
            for name in ("subscribe", "admin save", "publish", "readyz"):
                assert visit.status(fault, name) == 503, name
            assert visit.answers[f"{fault} GET /projekte/"]["Retry-After"]
            assert "Vorübergehend nicht erreichbar" in visit.answers[f"{fault} GET /projekte/"].content.decode()
            assert slowest < CONNECT_TIMEOUT + 1, f"a request took {slowest:.2f} s with the database {fault}"
            _response, seconds = timed(visit.anonymous.get, "/readyz")
            assert seconds < 3
    finally:
        silent.close()
        connection.close()
        connection.settings_dict.update(saved[0])
        connection.settings_dict["OPTIONS"] = saved[1]
    assert visit.anonymous.get("/projekte/").status_code == 200
    assert not Subscription.objects.filter(email__startswith="db-").exists()
    project.refresh_from_db()
    assert project.progress == 30, "nothing was written while the database was away"

    # Every email owed, exactly once: two confirmations, and each reader both news items.
    time.sleep(1)
    seen = collections.Counter(recipient for recipients, _message in smtp_server.messages for recipient in recipients)
    assert seen == {"cache@example.org": 1, "broker@example.org": 1, **dict.fromkeys(READERS, 2)}
    subjects = collections.Counter((r, m["Subject"]) for recipients, m in smtp_server.messages for r in recipients)
    assert all(count == 1 for count in subjects.values()), subjects
    assert NewsItem.objects.filter(status="published").count() == 2
