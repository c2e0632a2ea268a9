"""Emails link to the pages in the reader's language: /en/… for English readers, unprefixed for German ones."""

import pytest
from django.core import mail

from .helpers import link_in, subscribe_data

pytestmark = pytest.mark.django_db
SITE = "https://digital.kaiserslautern.example"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE


@pytest.mark.parametrize(("language", "prefix"), [("de", ""), ("en", "/en")])
def test_confirmation_email_links_the_confirmation_and_privacy_pages_in_the_readers_language(
    client, django_capture_on_commit_callbacks, language, prefix
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{prefix}/abonnieren/", subscribe_data(language=language))
    [message] = mail.outbox
    assert link_in(message, f"{prefix}/abonnieren/bestaetigen/")
    assert f"{SITE}{prefix}/datenschutz/" in message.body
    assert f'href="{SITE}{prefix}/datenschutz/"' in message.alternatives[0][0]


def test_the_chosen_language_decides_the_links_not_the_page_it_was_chosen_on(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/abonnieren/", subscribe_data(language="en"))
    assert link_in(mail.outbox[0], "/en/abonnieren/bestaetigen/")


def test_account_email_from_an_english_sign_up_links_the_english_page(client):
    password = "a-long-secret-for-dora"
    client.post("/en/konto/signup/", {"email": "dora@example.org", "password1": password, "password2": password})
    [message] = mail.outbox
    assert "/en/konto/confirm-email/" in message.body
