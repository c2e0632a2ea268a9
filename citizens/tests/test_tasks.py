import datetime

import pytest
import time_machine

from citizens.models import Delivery, Subscription
from citizens.notifications import send_notifications
from citizens.tasks import purge_unconfirmed_subscriptions

from .helpers import make_subscription

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 25, 10, tzinfo=datetime.UTC)


@time_machine.travel(NOW, tick=False)
def test_purge_deletes_unconfirmed_requests_older_than_seven_days():
    old = make_subscription(
        email="old@example.org", requested_at=NOW - datetime.timedelta(days=7, minutes=1), confirmed_at=None
    )
    fresh = make_subscription(
        email="fresh@example.org", requested_at=NOW - datetime.timedelta(days=6), confirmed_at=None
    )
    confirmed = make_subscription(email="kept@example.org", requested_at=NOW - datetime.timedelta(days=300))

    assert purge_unconfirmed_subscriptions.delay().get() == 1
    assert set(Subscription.objects.all()) == {fresh, confirmed}
    assert not Subscription.objects.filter(pk=old.pk).exists()
    assert purge_unconfirmed_subscriptions.delay().get() == 0  # safe to run again


def test_purge_runs_from_celery_beat(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["citizens-purge-unconfirmed-subscriptions"]
    assert entry["task"] == purge_unconfirmed_subscriptions.name


def test_confirmation_is_not_sent_for_a_request_that_is_gone_or_confirmed(mailoutbox):
    confirmed = make_subscription()
    gone = make_subscription(email="gone@example.org", confirmed_at=None)
    for subscription in (confirmed, gone):
        Delivery.objects.create(kind=Delivery.Kind.CONFIRM, subscription=subscription, email=subscription.email)
    gone.delete()
    send_notifications.delay()
    assert mailoutbox == []
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SKIPPED}
