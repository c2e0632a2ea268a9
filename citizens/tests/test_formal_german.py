"""Every allauth page and email a person can meet addresses them formally ("Sie"), like the rest of the portal."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils.html import strip_tags

pytestmark = pytest.mark.django_db

PASSWORD = "kaiserslautern-2026!"
INFORMAL = re.compile(r"\b(du|dich|dir|dein|deine|deinen|deinem|deiner|deines|bist|hast|kannst|musst|möchtest)\b", re.I)


def informal_words(text: str) -> list[str]:
    return INFORMAL.findall(strip_tags(text))


def page_text(response) -> str:
    return response.content.decode()


ANONYMOUS_PAGES = [
    "/konto/login/",
    "/konto/signup/",
    "/konto/password/reset/",
    "/konto/password/reset/done/",
    "/konto/confirm-email/",
    "/konto/confirm-email/ungueltig/",
    "/konto/password/reset/key/1-ungueltig/",
    "/konto/password/reset/key/done/",
]
CITIZEN_PAGES = [
    "/konto/logout/",
    "/konto/email/",
    "/konto/password/change/",
    "/konto/reauthenticate/",
    "/konto/2fa/",
    "/konto/2fa/totp/activate/",
    "/konto/login/",
    "/konto/signup/",
]


@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_allauth_pages_for_visitors_say_sie(client, path):
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert informal_words(page_text(response)) == []


@pytest.mark.parametrize("path", CITIZEN_PAGES)
def test_allauth_pages_for_citizens_say_sie(client, citizen, path):
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    client.force_login(citizen)
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert informal_words(page_text(response)) == []


def test_allauth_form_errors_and_messages_say_sie(client, citizen):
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    mismatch = client.post("/konto/signup/", {"email": "dora@example.org", "password1": PASSWORD, "password2": "x"})
    assert "Bitte geben Sie zweimal dasselbe Passwort ein." in page_text(mismatch)
    wrong = client.post("/konto/login/", {"login": citizen.email, "password": "falsch-falsch"})
    client.force_login(citizen)
    logged_out = client.post("/konto/logout/", follow=True)
    assert "Sie haben sich abgemeldet." in page_text(logged_out)
    for response in (mismatch, wrong, logged_out):
        assert informal_words(page_text(response)) == []


def test_allauth_emails_say_sie(client, citizen):
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    client.post("/konto/signup/", {"email": "dora@example.org", "password1": PASSWORD, "password2": PASSWORD})
    client.post("/konto/signup/", {"email": citizen.email, "password1": PASSWORD, "password2": PASSWORD})
    client.post("/konto/password/reset/", {"email": citizen.email})
    client.post("/konto/password/reset/", {"email": "niemand@example.org"})
    client.force_login(citizen)
    client.post(
        "/konto/password/change/", {"oldpassword": "alice-secret-123", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert len(mail.outbox) >= 5
    # allauth's subject prefix is the identity's programme name.
    assert mail.outbox[0].subject == "[Digitale Stadt] Bitte bestätigen Sie Ihre E-Mail-Adresse"
    for message in mail.outbox:
        html = message.alternatives[0][0] if message.alternatives else ""
        assert informal_words(f"{message.subject}\n{message.body}\n{html}") == [], message.subject
