"""Emails that anyone can make the portal send are capped per address and day and for everyone per hour, counted
in the database; the answers stay the same whether or not an email went out."""

import datetime
import logging

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from citizens.models import MailQuota
from citizens.tasks import purge_unconfirmed_subscriptions

from .helpers import subscribe_data

pytestmark = pytest.mark.django_db

PASSWORD = "kaiserslautern-2026!"


@pytest.fixture(autouse=True)
def caps(settings):
    settings.MAIL_CAP_PER_ADDRESS, settings.MAIL_CAP_PER_HOUR = 3, 100
    return settings


def reset(client, email="nobody@example.org"):
    response = client.post("/konto/password/reset/", {"email": email})
    return response.status_code, response["Location"]


def subscribe(client, captured, email):
    with captured(execute=True):
        response = client.post("/abonnieren/", subscribe_data(email=email))
    return response.status_code, response["Location"]


def test_password_resets_to_an_unknown_address_stop_at_the_cap_with_the_same_answer(client, caplog):
    with caplog.at_level(logging.WARNING, logger="citizens.services"):
        answers = {reset(client) for _attempt in range(5)}
    assert answers == {(302, "/konto/password/reset/done/")}
    assert [message.to for message in mail.outbox] == [["nobody@example.org"]] * 3
    assert "Mail cap hit: 3 emails today to address" in caplog.text
    assert "nobody@example.org" not in caplog.text


def test_the_cap_counts_subscription_sign_up_and_password_reset_together(client, django_capture_on_commit_callbacks):
    assert subscribe(client, django_capture_on_commit_callbacks, "dora@example.org")[0] == 302
    client.post("/konto/signup/", {"email": "dora@example.org", "password1": PASSWORD, "password2": PASSWORD})
    client.logout()
    reset(client, "dora@example.org")
    assert len(mail.outbox) == 3
    reset(client, "dora@example.org")
    assert len(mail.outbox) == 3
    mail.outbox.clear()
    reset(client, "other@example.org")
    assert [message.to for message in mail.outbox] == [["other@example.org"]]


def test_a_sign_up_with_a_taken_address_counts_too(client, citizen):
    start = timezone.now().replace(hour=1)
    for attempt in range(4):
        # allauth itself sends "you already have an account" once in three minutes per address.
        with time_machine.travel(start + datetime.timedelta(minutes=4 * attempt), tick=False):
            client.post("/konto/signup/", {"email": citizen.email, "password1": PASSWORD, "password2": PASSWORD})
    assert [message.to for message in mail.outbox] == [[citizen.email]] * 3


def test_all_addresses_together_are_capped_per_hour(client, caps, caplog, django_capture_on_commit_callbacks):
    caps.MAIL_CAP_PER_HOUR = 2
    with caplog.at_level(logging.WARNING, logger="citizens.services"):
        answers = {subscribe(client, django_capture_on_commit_callbacks, f"p{n}@example.org") for n in range(4)}
    assert answers == {(302, "/abonnieren/gesendet/")}
    assert len(mail.outbox) == 2
    assert "Mail cap hit: 2 emails this hour" in caplog.text


def test_the_hourly_cap_opens_again_the_next_hour_and_the_daily_one_the_next_day(client, caps):
    caps.MAIL_CAP_PER_HOUR = 1
    start = timezone.now().replace(minute=5)
    with time_machine.travel(start, tick=False):
        reset(client, "a@example.org")
        reset(client, "b@example.org")
    with time_machine.travel(start + datetime.timedelta(hours=1), tick=False):
        reset(client, "b@example.org")
    assert [message.to for message in mail.outbox] == [["a@example.org"], ["b@example.org"]]


def test_the_counts_live_in_the_database_and_survive_losing_the_cache(client):
    for _attempt in range(3):
        reset(client)
        cache.clear()  # allauth's own rate limits are gone, as with Redis restarted
    reset(client)
    assert len(mail.outbox) == 3
    assert not MailQuota.objects.filter(key__contains="nobody").exists()


def test_old_counts_are_purged(client):
    reset(client)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3)):
        purge_unconfirmed_subscriptions()
        assert not MailQuota.objects.exists()
        reset(client)
    assert len(mail.outbox) == 2
