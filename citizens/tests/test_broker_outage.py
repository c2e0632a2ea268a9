"""The broker down: requests answer as usual, the owed mail waits in the database for the sweep."""

import datetime
import time

import pytest
import time_machine

from citizens import notifications
from citizens.models import Delivery, Subscription
from citizens.tasks import send_weekly_digest
from conftest import make_news, make_project
from kaiserslautern_portal.celery import app as celery_app
from kaiserslautern_portal.tests.outage import SilentServer, closed_port

from .helpers import make_subscription, subscribe_data

pytestmark = pytest.mark.django_db


def use_broker(monkeypatch, port):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setattr(celery_app.conf, "broker_url", f"redis://127.0.0.1:{port}/0")
    monkeypatch.setattr(celery_app, "_pool", None)
    monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)


@pytest.fixture
def broker_down(monkeypatch):
    use_broker(monkeypatch, closed_port())


def test_a_broker_that_accepts_and_never_answers_holds_a_subscription_for_seconds_only(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    silent = SilentServer()
    use_broker(monkeypatch, silent.port)
    try:
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/abonnieren/", subscribe_data())
        elapsed = time.monotonic() - started
    finally:
        silent.close()
    assert response.status_code == 302
    assert elapsed < 4, f"the subscription took {elapsed:.1f} s"
    assert Delivery.objects.get().status == "pending"


def test_a_subscription_is_answered_and_its_confirmation_waits_in_the_database(
    client, broker_down, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/abonnieren/", subscribe_data())
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    delivery = Delivery.objects.get()
    assert (delivery.kind, delivery.subscription, delivery.status) == ("confirm", subscription, "pending")
    assert mailoutbox == []


def test_the_sweep_sends_the_waiting_confirmation_exactly_once_when_the_broker_is_back(
    client, broker_down, django_capture_on_commit_callbacks, mailoutbox, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/abonnieren/", subscribe_data())
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)  # the broker is back
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.notifications_sweep()["due"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.notifications_sweep()["due"] == 0
    assert [message.to for message in mailoutbox] == [["press@example.org"]]
    assert "bestätigen" in mailoutbox[0].body.lower()
    assert Delivery.objects.get().status == "sent"


def test_a_weekly_digest_beat_missed_at_eight_goes_out_at_a_later_run_that_monday_once(
    settings, django_capture_on_commit_callbacks, mailoutbox
):
    monday_eight = datetime.datetime(2026, 11, 23, 7, tzinfo=datetime.UTC)  # 08:00 in Kaiserslautern
    make_subscription(email="weekly@example.org", everything=True, frequency="weekly")
    with time_machine.travel(monday_eight, tick=False):
        make_news(projects=[make_project()], published_at=monday_eight - datetime.timedelta(days=2))
    schedule = settings.CELERY_BEAT_SCHEDULE["citizens-weekly-digest"]["schedule"]
    # Beat runs it again on Mondays at 08:15 and at noon, among others (crontab fields, in CELERY_TIMEZONE).
    assert (schedule.day_of_week, {8, 12} <= schedule.hour, {0, 15} <= schedule.minute) == ({1}, True, True)
    runs = [monday_eight + datetime.timedelta(minutes=minutes) for minutes in (15, 4 * 60)]
    for run in runs:  # 08:00 was lost with the broker; 08:15 and noon come
        with time_machine.travel(run, tick=False), django_capture_on_commit_callbacks(execute=True):
            send_weekly_digest.apply()
    assert [message.to for message in mailoutbox] == [["weekly@example.org"]]
