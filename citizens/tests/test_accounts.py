"""allauth's flows as the portal configures them: email login, mandatory verification, our templates, in German."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from citizens.models import User

from .helpers import link_in, make_subscription

pytestmark = pytest.mark.django_db

PASSWORD = "kaiserslautern-2026!"


def sign_up(client, email="dora@example.org", prefix=""):
    return client.post(f"{prefix}/konto/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def test_sign_up_needs_email_verification_before_login(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    user = User.objects.get(email="dora@example.org")
    assert not EmailAddress.objects.get(user=user).verified

    # Until the address is verified, logging in only sends the verification again.
    client.logout()
    response = client.post("/konto/login/", {"login": "dora@example.org", "password": PASSWORD})
    assert response["Location"] == "/konto/confirm-email/"
    assert "_auth_user_id" not in client.session

    assert mail.outbox[0].to == ["dora@example.org"]
    confirm_path = link_in(mail.outbox[0], "/konto/confirm-email/")
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "E-Mail-Adresse bestätigen" in page.content.decode()
    client.post(confirm_path)
    assert EmailAddress.objects.get(user=user).verified

    response = client.post("/konto/login/", {"login": "DORA@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/konto/"
    assert client.get("/konto/").status_code == 200


def test_sign_up_records_the_language_of_the_page(client):
    sign_up(client, prefix="/en")
    assert User.objects.get(email="dora@example.org").language == "en"
    assert "Please confirm" in mail.outbox[0].body or "confirm" in mail.outbox[0].subject.lower()


def test_sign_up_page_uses_the_portal_layout_with_labels(client):
    html = client.get("/konto/signup/").content.decode()
    assert 'aria-label="Hauptnavigation"' in html
    assert "<h1>" in html and "Registrieren" in html
    assert '<label for="id_email">' in html
    assert '<label for="id_password1">' in html
    assert 'class="field"' in html
    assert "style=" not in html.split("<main", 1)[1]


def test_invalid_sign_up_shows_errors_linked_to_the_fields(client):
    response = client.post("/konto/signup/", {"email": "not-an-address", "password1": "a", "password2": "b"})
    assert response.status_code == 200  # allauth's own views re-render with 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'aria-invalid="true"' in html
    assert 'id="id_email_error"' in html
    assert not User.objects.filter(email="not-an-address").exists()


def test_sign_up_with_a_taken_address_does_not_reveal_it(client, verified_citizen):
    response = sign_up(client, email="alice@example.org")
    assert response["Location"] == "/konto/confirm-email/"
    assert User.objects.filter(email__iexact="alice@example.org").count() == 1
    # The owner of the address hears about it; the visitor learns nothing.
    assert mail.outbox[0].to == ["alice@example.org"]


def test_login_with_wrong_password_fails(client, verified_citizen):
    response = client.post("/konto/login/", {"login": "alice@example.org", "password": "wrong"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_needs_a_post(client, verified_citizen):
    client.force_login(verified_citizen)
    assert client.get("/konto/logout/").status_code == 200
    assert "_auth_user_id" in client.session
    response = client.post("/konto/logout/")
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email(client, verified_citizen):
    response = client.post("/konto/password/reset/", {"email": "alice@example.org"})
    assert response.status_code == 302
    reset_path = link_in(mail.outbox[0], "/konto/password/reset/key/")
    form_page = client.get(reset_path, follow=True)
    assert form_page.status_code == 200
    form_path = form_page.redirect_chain[-1][0]
    response = client.post(form_path, {"password1": "ganz-neues-passwort-42", "password2": "ganz-neues-passwort-42"})
    assert response.status_code == 302

    client.logout()
    assert client.login(email="alice@example.org", password="ganz-neues-passwort-42")


def test_password_reset_for_an_unknown_address_looks_the_same(client):
    response = client.post("/konto/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/konto/password/reset/done/"


def test_email_change_takes_effect_after_verifying_the_new_address(client, verified_citizen):
    subscription = make_subscription(email="alice@example.org", user=verified_citizen, everything=True)
    client.force_login(verified_citizen)
    page = client.get("/konto/email/")
    assert page.status_code == 200
    assert "Zurück zu Ihrem Konto" in page.content.decode()

    response = client.post("/konto/email/", {"email": "alice.neu@example.org", "action_add": ""})
    assert response.status_code == 302
    verified_citizen.refresh_from_db()
    assert verified_citizen.email == "alice@example.org"  # not before verification

    confirm_path = link_in(mail.outbox[-1], "/konto/confirm-email/")
    assert mail.outbox[-1].to == ["alice.neu@example.org"]
    client.post(confirm_path)

    verified_citizen.refresh_from_db()
    assert verified_citizen.email == "alice.neu@example.org"
    assert list(EmailAddress.objects.filter(user=verified_citizen).values_list("email", flat=True)) == [
        "alice.neu@example.org"
    ]
    subscription.refresh_from_db()
    assert subscription.email == "alice.neu@example.org"


def test_allauth_rate_limits_answer_with_the_portals_429_page(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "2/m/ip"}
    for _attempt in range(2):
        client.post("/konto/login/", {"login": "x@example.org", "password": "y"})
    response = client.post("/konto/login/", {"login": "x@example.org", "password": "y"})
    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.content.decode()


def test_signing_up_twice_with_an_overlong_address_is_refused_not_a_crash(client):
    email = "x" * 255 + "@example.org"
    for _ in range(2):
        response = client.post("/konto/signup/", {"email": email, "password1": "Sehr-geheim-12345",
                                                  "password2": "Sehr-geheim-12345"})  # fmt: skip
        assert response.status_code == 200
        assert "Diese E-Mail-Adresse ist zu lang." in response.content.decode()


def test_account_emails_name_the_site_not_the_requests_host_and_port(client, settings, smtp_server):
    settings.SITE_URL = "https://digital.kaiserslautern.example"
    sign_up(client)
    [(_recipients, message)] = smtp_server.messages
    text = message.get_payload(decode=True).decode()
    assert "testserver" not in text and "testserver" not in message["Subject"]
    assert "https://digital.kaiserslautern.example/konto/confirm-email/" in text
    assert message["Message-ID"].endswith("@digital.kaiserslautern.example>")


def test_the_account_exists_email_links_to_the_site_not_the_requests_host(client, settings, smtp_server, citizen):
    settings.SITE_URL = "https://digital.kaiserslautern.example"
    sign_up(client, email=citizen.email)
    [(_recipients, message)] = smtp_server.messages
    text = message.get_payload(decode=True).decode()
    assert "testserver" not in text
    assert "https://digital.kaiserslautern.example/konto/password/reset/" in text
