"""A real Celery worker against the real Redis and PostgreSQL, killed in the middle of a fan-out."""

import collections
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from citizens import notifications
from citizens.models import Delivery, Subscription
from conftest import make_news, make_project
from kaiserslautern_portal.celery import app as celery_app

ROOT = Path(__file__).resolve().parents[2]
RECIPIENTS = 2000
CLAIM_TIMEOUT = 3

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL") or connection.vendor != "postgresql",
        reason="needs REDIS_URL and PostgreSQL (DATABASE_URL), as in CI",
    ),
]


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(smtp_server, settings):
    settings.NOTIFICATION_CLAIM_TIMEOUT = CLAIM_TIMEOUT
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_server.port),
        "NOTIFICATION_CLAIM_TIMEOUT": str(CLAIM_TIMEOUT),
    }
    command = [sys.executable, "-m", "celery", "-A", "kaiserslautern_portal", "worker", "--concurrency", "1",
               "--loglevel", "WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat"]  # fmt: skip
    processes = []

    def start():
        process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
        processes.append(process)
        return process

    def kill(process):
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    celery_app.conf.task_always_eager = False
    celery_app.control.purge()
    yield start, kill
    for process in processes:
        if process.poll() is None:
            kill(process)


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.2)


def test_a_worker_killed_mid_fan_out_loses_nothing_and_repeats_at_most_the_in_flight_message(worker, smtp_server):
    start, kill = worker
    now = timezone.now()
    Subscription.objects.bulk_create(
        Subscription(email=f"reader{n}@example.org", everything=True, consent_text="Ja.", requested_at=now,
                     confirmed_at=now)
        for n in range(RECIPIENTS)
    )  # fmt: skip
    make_news(projects=[make_project()])

    process = start()
    notifications.notifications_sweep()
    wait_for(lambda: len(smtp_server.messages) >= 300, 60, "the first messages")
    kill(process)
    received_at_crash = len(smtp_server.messages)
    assert received_at_crash < RECIPIENTS, "the fan-out finished before the crash; nothing was tested"

    start()
    time.sleep(CLAIM_TIMEOUT + 1)  # rows the dead worker claimed become due again

    notifications.notifications_sweep()  # what beat does every half minute
    wait_for(lambda: not Delivery.objects.exclude(status="sent").exists(), 120, "every delivery to be sent")
    assert Delivery.objects.count() == RECIPIENTS
    seen = collections.Counter(address for recipients, _message in smtp_server.messages for address in recipients)
    assert set(seen) == {f"reader{n}@example.org" for n in range(RECIPIENTS)}
    duplicates = sum(count - 1 for count in seen.values())
    assert duplicates <= 1, f"{duplicates} duplicates after one crash"
