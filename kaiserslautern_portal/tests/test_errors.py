"""Errors reach people: ADMINS and Sentry from the environment; the 500 page promises only what happens."""

import pytest
from django.core import mail
from django.test import Client

from .test_settings import PRODUCTION, manage

pytestmark = [pytest.mark.django_db, pytest.mark.urls("kaiserslautern_portal.tests.urls_with_failure")]

SHOW = "from django.conf import settings; import sentry_sdk; c = sentry_sdk.get_client(); "


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


def test_without_anyone_to_notify_the_500_page_promises_no_notification(browser, settings):
    settings.ADMINS, settings.SENTRY_DSN = [], ""
    response = browser.get("/kaputt/")
    assert response.status_code == 500
    text = response.content.decode()
    assert "benachrichtigt" not in text
    assert "Bleibt der Fehler, schreiben Sie uns bitte" in text
    assert 'href="/impressum/"' in text
    assert mail.outbox == []


def test_with_admins_the_500_page_says_they_were_notified_and_they_are(browser, settings):
    settings.ADMINS, settings.SENTRY_DSN = [("Team", "team@kaiserslautern.example")], ""
    response = browser.get("/kaputt/")
    assert response.status_code == 500
    assert "Wir wurden benachrichtigt." in response.content.decode()
    [report] = mail.outbox
    assert report.to == ["team@kaiserslautern.example"]
    assert "A deliberate failure" in report.body


def test_with_sentry_the_500_page_says_the_team_was_notified(browser, settings):
    settings.ADMINS, settings.SENTRY_DSN = [], "https://key@sentry.kaiserslautern.example/1"
    assert "Wir wurden benachrichtigt." in browser.get("/kaputt/").content.decode()


def test_a_failure_under_the_api_answers_500_in_json(browser):
    response = browser.get("/api/v1/kaputt/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Interner Fehler"}


def test_admins_and_the_server_address_come_from_the_environment():
    env = {**PRODUCTION, "ADMINS": "Digitalteam <team@kaiserslautern.example>, ops@kaiserslautern.example",
           "SERVER_EMAIL": "fehler@kaiserslautern.example"}  # fmt: skip
    result = manage("shell", "-c", SHOW + "print(settings.ADMINS, settings.SERVER_EMAIL)", **env)
    assert result.returncode == 0, result.stderr
    expected = "[('Digitalteam', 'team@kaiserslautern.example'), ('', 'ops@kaiserslautern.example')]"
    assert result.stdout.strip().splitlines()[-1] == f"{expected} fehler@kaiserslautern.example"


def test_without_a_dsn_sentry_stays_off():
    result = manage("shell", "-c", SHOW + "print(c.is_active())", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_with_a_dsn_sentry_reports_from_django_and_celery_without_personal_data():
    env = {**PRODUCTION, "SENTRY_DSN": "https://key@sentry.kaiserslautern.example/1"}
    code = (
        SHOW
        + "print(c.is_active(), c.options['send_default_pii'], *sorted({'django', 'celery'} & set(c.integrations)))"
    )
    result = manage("shell", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True False celery django"
