"""The broker down: requests answer as usual, the owed mail waits in the database for the sweep."""

import pytest

from citizens import notifications
from citizens.models import Delivery, Subscription
from kaiserslautern_portal.celery import app as celery_app
from kaiserslautern_portal.tests.outage import closed_port

from .helpers import subscribe_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_down(monkeypatch):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setattr(celery_app.conf, "broker_url", f"redis://127.0.0.1:{closed_port()}/0")
    monkeypatch.setattr(celery_app, "_pool", None)
    monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)


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
