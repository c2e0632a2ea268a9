import datetime

import pytest
import time_machine
from django.core import mail

from citizens import notifications
from citizens.models import Delivery, Subscription
from citizens.services import subscription_confirm
from citizens.tests.helpers import make_subscription, subscribe_data
from news.services import report_publish, report_publish_due
from news.tests.report_history import AFTER_Q3, build_history, make_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribers():
    with time_machine.travel(AFTER_Q3, tick=False):
        build_history()
        return {
            "de": make_subscription(email="rat@example.org", reports=True, frequency="weekly"),
            "en": make_subscription(email="press@example.org", reports=True, language="en"),
            "news only": make_subscription(email="news@example.org", everything=True),
            "pending": make_subscription(email="later@example.org", reports=True, confirmed_at=None),
        }


def sweep(capture, now):
    with time_machine.travel(now, tick=False), capture(execute=True):
        return notifications.notifications_sweep(now=now)


def report_mails():
    """The history's news items are announced as well; these are the report's emails."""
    subjects = ("Neuer Programmbericht", "New program report")
    return {message.to[0]: message for message in mail.outbox if message.subject.startswith(subjects)}


def test_publication_mails_the_summary_to_report_subscribers_in_their_language(
    subscribers, django_capture_on_commit_callbacks
):
    with time_machine.travel(AFTER_Q3, tick=False):
        report_publish(report=make_report())
    sweep(django_capture_on_commit_callbacks, AFTER_Q3)
    messages = report_mails()
    assert set(messages) == {"rat@example.org", "press@example.org"}
    german, english = messages["rat@example.org"], messages["press@example.org"]
    assert german.subject == "Neuer Programmbericht: Programmbericht 3. Quartal 2026"
    assert "Vom 1. Juli 2026 bis 30. September 2026: 5 Projekte, im Durchschnitt zu 55,0 % umgesetzt" in german.body
    assert "/berichte/2026-q3/" in german.body
    assert english.subject == "New program report: Program report Q3 2026"
    assert "From July 1, 2026 to September 30, 2026: 5 projects, 55.0% complete on average" in english.body
    assert "/en/berichte/2026-q3/" in english.alternatives[0][0] and "/en/berichte/2026-q3/" in english.body
    assert "/en/" not in german.body.split("/abmelden/")[0]
    for message in (german, english):
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert "/abmelden/" in message.extra_headers["List-Unsubscribe"]
    deliveries = Delivery.objects.filter(kind="report")
    assert deliveries.count() == 2 and set(deliveries.values_list("status", flat=True)) == {"sent"}
    sweep(django_capture_on_commit_callbacks, AFTER_Q3 + datetime.timedelta(minutes=1))
    assert len(report_mails()) == 2 and Delivery.objects.filter(kind="report").count() == 2


def test_a_scheduled_report_is_mailed_once_it_is_published(subscribers, django_capture_on_commit_callbacks):
    later = AFTER_Q3 + datetime.timedelta(days=1)
    with time_machine.travel(AFTER_Q3, tick=False):
        report_publish(report=make_report(), at=later)
    sweep(django_capture_on_commit_callbacks, AFTER_Q3)
    assert report_mails() == {}
    with time_machine.travel(later, tick=False):
        report_publish_due()
    sweep(django_capture_on_commit_callbacks, later)
    assert set(report_mails()) == {"rat@example.org", "press@example.org"}


def test_a_claimed_report_delivery_of_a_crashed_worker_is_sent_later(subscribers, django_capture_on_commit_callbacks):
    with time_machine.travel(AFTER_Q3, tick=False):
        report = report_publish(report=make_report())
        with django_capture_on_commit_callbacks(execute=False):
            notifications.report_fan_out(report=report, now=AFTER_Q3)
        # A worker claimed the rows and died before sending.
        notifications.claim_batch(now=AFTER_Q3)
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sending"}
    assert len(mail.outbox) == 0
    much_later = AFTER_Q3 + datetime.timedelta(hours=2)
    with time_machine.travel(much_later, tick=False):
        notifications.deliveries_send_batch(now=much_later)
    assert sorted(message.to[0] for message in mail.outbox) == ["press@example.org", "rat@example.org"]


def test_subscribers_choose_programme_reports_in_the_form_and_confirm_them(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/abonnieren/", subscribe_data(reports="on"))
    assert response.status_code == 302
    pending = Subscription.objects.get()
    assert pending.reports and not pending.is_confirmed
    assert "- Programmberichte" in mail.outbox[0].body
    assert subscription_confirm(subscription=pending).reports


def test_the_form_offers_programme_reports(client):
    page = client.get("/abonnieren/").content.decode()
    assert 'name="reports"' in page and "Auch jeden neuen Programmbericht" in page


def test_an_account_follows_the_reports_from_the_archive_with_one_click(client, verified_citizen, project_followed):
    client.force_login(verified_citizen)
    page = client.get("/berichte/").content.decode()
    assert 'name="topic" value="berichte"' in page and "alice@example.org" in page
    response = client.post("/konto/folgen/", {"topic": "berichte", "next": "/berichte/"})
    assert response["Location"] == "/berichte/"
    subscription = Subscription.objects.confirmed().get()
    assert subscription.reports and list(subscription.projects.all()) == [project_followed]
    page = client.get("/berichte/").content.decode()
    assert "Sie folgen jetzt „Programmberichte“" in page and "Programmberichte nicht mehr bekommen" in page
    client.post("/konto/nicht-mehr-folgen/", {"topic": "berichte"})
    subscription.refresh_from_db()
    assert not subscription.reports and list(subscription.projects.all()) == [project_followed]


def test_an_account_that_follows_only_the_reports_ends_its_subscription_by_unfollowing(client, verified_citizen):
    client.force_login(verified_citizen)
    client.post("/konto/folgen/", {"topic": "berichte"})
    assert Subscription.objects.get().reports
    client.post("/konto/nicht-mehr-folgen/", {"topic": "berichte"})
    assert not Subscription.objects.exists()


def test_anonymous_visitors_get_links_to_subscribe_or_log_in(client):
    page = client.get("/berichte/").content.decode()
    assert 'href="/abonnieren/"' in page and "/konto/login/?next=/berichte/" in page
    assert 'value="berichte"' not in page


@pytest.fixture
def project_followed(verified_citizen):
    from citizens.services import subscription_follow
    from conftest import make_project

    project = make_project(slug="kl-navi")
    subscription_follow(user=verified_citizen, project=project)
    return project
