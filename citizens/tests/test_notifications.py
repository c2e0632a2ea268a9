import datetime
import smtplib

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.utils import timezone
from kombu.exceptions import OperationalError

from citizens import notifications
from citizens.models import Delivery
from citizens.services import subscription_unsubscribe, user_delete
from citizens.tests.helpers import make_subscription
from conftest import make_field, make_news, make_project
from news.services import news_publish

pytestmark = pytest.mark.django_db
NOON = datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC)


@pytest.fixture
def programme():
    mobility = make_field(name_de="Verkehr", slug="verkehr")
    parking = make_project(title_de="Handyparken", field=mobility)
    navi = make_project(title_de="KL Navi", field=mobility)
    safe = make_project(title_de="Bürgertresor")
    return {"mobility": mobility, "parking": parking, "navi": navi, "safe": safe}


def sweep(capture, now=None):
    with capture(execute=True):
        return notifications.notifications_sweep(now=now)


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_each_matching_subscriber_gets_exactly_one_email(programme, django_capture_on_commit_callbacks):
    make_subscription(email="all@example.org", everything=True)
    make_subscription(email="field@example.org", fields=[programme["mobility"]])
    make_subscription(email="project@example.org", projects=[programme["parking"]])
    make_subscription(email="both@example.org", fields=[programme["mobility"]], projects=[programme["parking"]])
    make_subscription(email="other@example.org", projects=[programme["safe"]])
    make_subscription(email="weekly@example.org", everything=True, frequency="weekly")
    make_subscription(email="pending@example.org", everything=True, confirmed_at=None)
    make_news(title_de="Mehr Parkzonen", projects=[programme["parking"]])

    assert sweep(django_capture_on_commit_callbacks)["announced"] == 4
    assert recipients() == ["all@example.org", "both@example.org", "field@example.org", "project@example.org"]
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}

    sweep(django_capture_on_commit_callbacks)  # a second sweep sends nothing again
    assert len(mail.outbox) == 4


def test_notification_is_in_the_subscribers_language_with_one_click_unsubscribe(
    programme, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://digital.kaiserslautern.example"
    make_subscription(email="gi@example.org", everything=True, language="en")
    item = make_news(
        title_de="Mehr Parkzonen",
        title_en="More parking zones",
        teaser_de="Handyparken wächst.",
        teaser_en="Mobile parking grows.",
        projects=[programme["parking"]],
    )
    sweep(django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.subject == "Handyparken: More parking zones"
    assert "Mobile parking grows." in message.body
    assert f"https://digital.kaiserslautern.example/en{item.get_absolute_url()}" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "More parking zones" in html
    assert 'href="https://digital.kaiserslautern.example/en/projekte/handyparken/"' in html
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<https://digital.kaiserslautern.example/en/abmelden/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.strip("<>") in message.body and unsubscribe.strip("<>") in html


def test_german_and_english_readers_of_one_item_get_links_to_the_pages_in_their_language(
    programme, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://digital.kaiserslautern.example"
    make_subscription(email="de@example.org", everything=True, language="de")
    make_subscription(email="en@example.org", everything=True, language="en")
    make_news(title_de="Mehr Parkzonen", slug="mehr-parkzonen", projects=[programme["parking"]])
    sweep(django_capture_on_commit_callbacks)
    by_reader = {message.to[0]: message for message in mail.outbox}
    site = "https://digital.kaiserslautern.example"
    assert f"{site}/neuigkeiten/mehr-parkzonen/" in by_reader["de@example.org"].body
    assert f"{site}/abmelden/" in by_reader["de@example.org"].extra_headers["List-Unsubscribe"]
    assert f"{site}/en/neuigkeiten/mehr-parkzonen/" in by_reader["en@example.org"].body
    assert f"{site}/en/abmelden/" in by_reader["en@example.org"].extra_headers["List-Unsubscribe"]


def test_drafts_are_never_announced(programme, django_capture_on_commit_callbacks):
    make_subscription(everything=True)
    make_news(status="draft", projects=[programme["parking"]])
    sweep(django_capture_on_commit_callbacks)
    assert mail.outbox == [] and not Delivery.objects.exists()


def test_scheduled_item_is_announced_when_it_goes_live(programme, django_capture_on_commit_callbacks):
    make_subscription(everything=True)
    with time_machine.travel(NOON, tick=False):
        make_news(published_at=NOON + datetime.timedelta(hours=1))
        sweep(django_capture_on_commit_callbacks)
        assert mail.outbox == []
    with time_machine.travel(NOON + datetime.timedelta(hours=1, seconds=30), tick=False):
        sweep(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_old_items_are_not_mailed_when_first_seen_late(django_capture_on_commit_callbacks):
    make_subscription(everything=True)
    make_news(published_at=timezone.now() - datetime.timedelta(days=30))
    sweep(django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_nothing_is_lost_when_the_broker_is_down_at_publish_time(
    programme, django_capture_on_commit_callbacks, monkeypatch
):
    make_subscription(everything=True)
    item = make_news(status="draft", projects=[programme["parking"]])
    news_publish(item=item)

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    with monkeypatch.context() as patch:
        patch.setattr(notifications.send_notifications, "apply_async", broker_down)
        sweep(django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert Delivery.objects.get().status == "pending"

    sweep(django_capture_on_commit_callbacks)  # the broker is back
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().status == "sent"


def test_rows_a_dead_worker_claimed_are_sent_after_the_claim_timeout(programme, settings):
    settings.NOTIFICATION_CLAIM_TIMEOUT = 60
    make_subscription(everything=True)
    make_news(projects=[programme["parking"]])
    with time_machine.travel(NOON, tick=False):
        notifications.announcement_fan_out(item=make_news(title_de="Zweite", projects=[programme["safe"]]))
        notifications.claim_batch(now=NOON)  # a worker claims, then dies before sending
        assert notifications.deliveries_send_batch(now=NOON + datetime.timedelta(seconds=30)) == 0
    assert notifications.deliveries_send_batch(now=NOON + datetime.timedelta(seconds=61)) == 1
    assert len(mail.outbox) == 1


def test_failed_sends_are_retried_with_backoff_and_finally_marked_failed(programme, monkeypatch):
    make_subscription(everything=True)
    item = make_news(projects=[programme["parking"]])
    notifications.announcement_fan_out(item=item)

    def refuse(self, messages):
        raise smtplib.SMTPRecipientsRefused({"press@example.org": (550, b"mailbox unavailable")})

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    now = timezone.now()
    for attempt in range(1, notifications.MAX_ATTEMPTS + 1):
        now += datetime.timedelta(minutes=2**attempt)
        assert notifications.deliveries_send_batch(now=now) == 1
        delivery = Delivery.objects.get()
        assert delivery.attempts == attempt
    assert delivery.status == "failed"
    assert "mailbox unavailable" in delivery.last_error
    assert notifications.deliveries_send_batch(now=now + datetime.timedelta(days=1)) == 0


def test_backoff_waits_before_the_next_attempt(programme, monkeypatch):
    make_subscription(everything=True)
    notifications.announcement_fan_out(item=make_news(projects=[programme["parking"]]))
    monkeypatch.setattr(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        lambda self, messages: (_ for _ in ()).throw(smtplib.SMTPServerDisconnected("gone")),
    )
    notifications.deliveries_send_batch()
    assert notifications.deliveries_send_batch() == 0  # not yet due again
    assert Delivery.objects.get().status == "pending"


def test_subscribers_who_left_after_the_fan_out_get_nothing(programme):
    subscription = make_subscription(everything=True)
    notifications.announcement_fan_out(item=make_news(projects=[programme["parking"]]))
    subscription_unsubscribe(subscription=subscription)
    notifications.deliveries_send_batch()
    assert mail.outbox == []
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.email) == ("skipped", "")


def test_weekly_digest_lists_the_weeks_items_in_scope_and_skips_those_with_nothing_new(
    programme, django_capture_on_commit_callbacks
):
    make_subscription(email="weekly@example.org", fields=[programme["mobility"]], frequency="weekly")
    make_subscription(email="quiet@example.org", projects=[programme["safe"]], frequency="weekly")
    make_subscription(email="instant@example.org", everything=True)
    with time_machine.travel(NOON, tick=False):
        make_news(
            title_de="Parken neu", projects=[programme["parking"]], published_at=NOON - datetime.timedelta(days=2)
        )
        make_news(title_de="Navi neu", projects=[programme["navi"]], published_at=NOON - datetime.timedelta(days=3))
        make_news(title_de="Zu alt", projects=[programme["navi"]], published_at=NOON - datetime.timedelta(days=9))
        with django_capture_on_commit_callbacks(execute=True):
            assert notifications.digest_fan_out() == 1
        with django_capture_on_commit_callbacks(execute=True):
            assert notifications.digest_fan_out() == 0  # once per week
    [message] = mail.outbox
    assert message.to == ["weekly@example.org"]
    assert "2 Neuigkeiten" in message.subject
    assert "Parken neu" in message.body and "Navi neu" in message.body and "Zu alt" not in message.body
    assert "List-Unsubscribe" in message.extra_headers


def test_emails_go_over_real_smtp(programme, django_capture_on_commit_callbacks, smtp_server):
    for n in range(3):
        make_subscription(email=f"reader{n}@example.org", everything=True)
    make_news(projects=[programme["parking"]])
    sweep(django_capture_on_commit_callbacks)
    assert sorted(r for rcpts, _ in smtp_server.messages for r in rcpts) == [
        "reader0@example.org",
        "reader1@example.org",
        "reader2@example.org",
    ]
    assert smtp_server.messages[0][1]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_deleting_the_account_removes_the_address_from_delivery_records(programme, citizen):
    make_subscription(email=citizen.email, user=citizen, everything=True)
    notifications.announcement_fan_out(item=make_news(projects=[programme["parking"]]))
    notifications.deliveries_send_batch()
    user_delete(user=citizen)
    assert list(Delivery.objects.values_list("email", "status")) == [("", "sent")]


def test_addresses_in_old_delivery_records_are_anonymised_after_a_year(programme):
    make_subscription(everything=True)
    notifications.announcement_fan_out(item=make_news(projects=[programme["parking"]]))
    assert notifications.deliveries_anonymise(now=timezone.now() + datetime.timedelta(days=364)) == 0
    assert notifications.deliveries_anonymise(now=timezone.now() + datetime.timedelta(days=366)) == 1
    assert Delivery.objects.get().email == ""


def test_staff_see_pending_sent_and_failed_counts_per_item(programme, client, editor):
    for n in range(3):
        make_subscription(email=f"reader{n}@example.org", everything=True)
    item = make_news(projects=[programme["parking"]])
    notifications.announcement_fan_out(item=item)
    Delivery.objects.filter(email="reader0@example.org").update(status="sent")
    Delivery.objects.filter(email="reader1@example.org").update(status="failed")
    client.force_login(editor)
    expected = "1 wartend, 1 gesendet, 1 fehlgeschlagen"
    assert expected in client.get("/admin/news/newsitem/").content.decode()
    assert expected in client.get(f"/admin/news/newsitem/{item.pk}/change/").content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite splits bulk inserts by its variable limit")
def test_fan_out_runs_a_fixed_number_of_queries_however_many_subscribers(programme, django_assert_max_num_queries):
    for n in range(2500):
        make_subscription(email=f"reader{n}@example.org", everything=True)
    item = make_news(projects=[programme["parking"]])
    # 14: the fan-out first locks the item and reads its pending progress values (none here).
    with django_assert_max_num_queries(14):
        assert notifications.announcement_fan_out(item=item) == 2500


def test_scheduled_report_moves_its_project_once_in_the_sweep_that_announces_it(
    programme, django_capture_on_commit_callbacks
):
    from news.models import ProgressUpdate

    parking = programme["parking"]
    parking.progress, parking.status = 20, "in_progress"
    parking.save()
    make_subscription(email="parking@example.org", projects=[parking])
    with time_machine.travel(NOON, tick=False):
        report = make_news(status="draft")
        ProgressUpdate.objects.create(news_item=report, project=parking, progress=70, status="in_progress")
        news_publish(item=report, at=NOON + datetime.timedelta(hours=1))
        sweep(django_capture_on_commit_callbacks)
        parking.refresh_from_db()
        assert (parking.progress, mail.outbox) == (20, [])
    with time_machine.travel(NOON + datetime.timedelta(hours=1, seconds=30), tick=False):
        sweep(django_capture_on_commit_callbacks)
        sweep(django_capture_on_commit_callbacks)
    parking.refresh_from_db()
    assert parking.progress == 70
    assert parking.progress_entries.count() == 1
    # The project came with the progress value: its subscriber hears of the report.
    assert recipients() == ["parking@example.org"]


def test_a_due_report_too_old_to_announce_still_moves_its_project(programme, django_capture_on_commit_callbacks):
    from news.models import ProgressUpdate

    parking = programme["parking"]
    report = make_news(published_at=timezone.now() - datetime.timedelta(days=30))
    ProgressUpdate.objects.create(news_item=report, project=parking, progress=55, status="in_progress")
    sweep(django_capture_on_commit_callbacks)
    parking.refresh_from_db()
    assert parking.progress == 55
    assert mail.outbox == []
