"""Security across the portal: headers on every response, cookies, rate limits and who may do what.

Per-app authorization tests live beside their views (citizens/tests, projects/tests); this module adds what spans
the apps or was missing there.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, override_settings

from citizens.models import Subscription
from citizens.tests.helpers import make_subscription
from citizens.tokens import confirmation_token, unsubscribe_token
from conftest import make_field, make_news, make_project

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "k3y-for-tests-" + "x7Qp2Lm9Vb" * 6,
    "DJANGO_ALLOWED_HOSTS": "digital.kaiserslautern.example",
}
# What production sets (DJANGO_DEBUG=0); test_production_settings_switch_these_on proves it.
PRODUCTION_SECURITY = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "LANGUAGE_COOKIE_SECURE": True,
}
# Strictly necessary cookies only (§ 25 TDDDG): no consent banner needed, and the privacy notice lists exactly these.
ALLOWED_COOKIES = {"sessionid", "csrftoken", "django_language", "messages"}
PASSWORD = "kaiserslautern-2026!"


@pytest.fixture
def content():
    field = make_field()
    project = make_project(field=field)
    item = make_news(projects=[project])
    return {"field": field, "project": project, "item": item}


def public_urls(content):
    return [
        "/",
        "/projekte/",
        "/projekte/?status=unbekannt",
        content["project"].get_absolute_url(),
        content["field"].get_absolute_url(),
        "/neuigkeiten/",
        content["item"].get_absolute_url(),
        "/suche/?q=Tresor",
        "/abonnieren/",
        "/abmelden/gefaelscht/",
        "/abonnieren/bestaetigen/gefaelscht/",
        "/konto/login/",
        "/konto/signup/",
        "/konto/password/reset/",
        "/konto/",
        "/impressum/",
        "/gibt-es-nicht/",
        "/neuigkeiten/rss/",
        "/projekte/meilensteine.ics",
        "/sitemap.xml",
        "/robots.txt",
        "/healthz",
        "/api/v1/",
        "/api/v1/projects/?status=unbekannt",
        "/api/v1/docs/",
        "/sprache/en/?next=/",
    ]


def assert_security_headers(response, url):
    csp = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
    assert directives["default-src"] == "'self'", url
    assert directives["frame-ancestors"] == "'none'", url
    assert directives["object-src"] == "'none'", url
    assert directives["base-uri"] == "'self'", url
    assert directives["form-action"] == "'self'", url
    assert response["X-Frame-Options"] == "DENY", url
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy, url


def test_every_kind_of_response_carries_the_security_headers(client, content):
    for url in public_urls(content):
        assert_security_headers(client.get(url), url)
    responses = {
        "subscribe, errors (400)": client.post("/abonnieren/", {"email": "kaputt"}),
        "login, errors": client.post("/konto/login/", {"login": "x@example.org", "password": "falsch"}),
        "unsubscribe, one click": client.post("/abmelden/gefaelscht/"),
    }
    for label, response in responses.items():
        assert_security_headers(response, label)


def test_missing_csrf_token_gets_the_portals_clear_403_page_with_the_headers(content):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/abonnieren/", {"email": "press@example.org", "scope": "alles", "consent": "on"})
    assert response.status_code == 403
    assert_security_headers(response, "csrf failure")
    html = response.content.decode()
    assert "Formular nicht gesendet" in html and '<html lang="de">' in html
    assert "<style" not in html  # Django's default page has inline styles, which the CSP blocks


@override_settings(**PRODUCTION_SECURITY)
def test_in_production_https_is_enforced_with_hsts(client, content):
    response = client.get("/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert_security_headers(response, "/ over https")
    plain = client.get("/projekte/")
    assert plain.status_code == 301
    assert plain["Location"] == "https://testserver/projekte/"
    assert client.get("/healthz").status_code == 200  # probes inside the network speak plain HTTP


def test_production_settings_switch_these_on():
    names = [*sorted(PRODUCTION_SECURITY), "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_HTTPONLY", "X_FRAME_OPTIONS"]
    code = f"import json; from django.conf import settings; print(json.dumps([getattr(settings, n) for n in {names}]))"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**clean, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    values = dict(zip(names, json.loads(result.stdout.strip().splitlines()[-1]), strict=True))
    assert values == {
        **PRODUCTION_SECURITY,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "X_FRAME_OPTIONS": "DENY",
    }


# Cookies


def test_reading_the_public_pages_sets_no_cookie_at_all(client, content):
    for url in ("/", "/projekte/", content["project"].get_absolute_url(), "/neuigkeiten/", "/suche/?q=Tresor"):
        response = client.get(url)
        assert not response.cookies, (url, list(response.cookies))


@override_settings(**PRODUCTION_SECURITY)
def test_every_cookie_is_necessary_secure_httponly_and_same_site(content):
    """A whole visit: switch the language, sign up, log in, follow, see the flash message."""
    client = Client(enforce_csrf_checks=False)
    seen = {}

    def visit(method, url, data=None):
        response = getattr(client, method)(url, data or {}, secure=True)
        for name, morsel in response.cookies.items():
            seen[name] = morsel
        return response

    visit("get", "/sprache/en/", {"next": "/"})
    visit("get", "/sprache/de/", {"next": "/"})
    visit("get", "/konto/signup/")
    visit("post", "/konto/signup/", {"email": "dora@example.org", "password1": PASSWORD, "password2": PASSWORD})
    user = get_user_model().objects.get(email="dora@example.org")
    EmailAddress.objects.filter(user=user).update(verified=True)
    visit("post", "/konto/login/", {"login": "dora@example.org", "password": PASSWORD})
    visit("post", "/konto/folgen/", {"topic": "projekt", "slug": content["project"].slug})
    visit("get", content["project"].get_absolute_url())

    assert {"sessionid", "csrftoken", "django_language", "messages"} <= set(seen)
    assert set(seen) <= ALLOWED_COOKIES
    for name, morsel in seen.items():
        if not morsel.value:  # a deletion
            continue
        assert morsel["secure"], name
        assert morsel["httponly"], name
        assert morsel["samesite"] == "Lax", name


# Rate limits (login with a lowered limit, the subscription form and the API have theirs beside their views)


def test_sign_up_is_rate_limited_by_default(client):
    for n in range(20):
        client.post("/konto/signup/", {"email": f"bot{n}@example.org", "password1": "x", "password2": "y"})
    response = client.post("/konto/signup/", {"email": "bot@example.org", "password1": "x", "password2": "y"})
    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.content.decode()


def test_password_reset_for_one_address_is_rate_limited_by_default(client, citizen):
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    for _attempt in range(5):
        assert client.post("/konto/password/reset/", {"email": citizen.email}).status_code == 302
    response = client.post("/konto/password/reset/", {"email": citizen.email})
    assert response.status_code == 429
    assert "Bitte warten Sie einige Minuten" in response.content.decode()
    assert len(mail.outbox) == 5


def test_guessing_one_accounts_password_is_rate_limited_by_default(client, citizen):
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    for _attempt in range(5):
        client.post("/konto/login/", {"login": citizen.email, "password": "falsch-geraten"})
    # Even the right password is refused now; allauth says why in the form rather than with a 429.
    response = client.post("/konto/login/", {"login": citizen.email, "password": "alice-secret-123"})
    assert "Zu viele gescheiterte Anmeldeversuche" in response.content.decode()
    assert "_auth_user_id" not in client.session


# Authorization


@pytest.mark.parametrize(
    "url",
    [
        "/admin/citizens/user/",
        "/admin/citizens/user/add/",
        "/admin/citizens/subscription/",
        "/admin/citizens/delivery/",
        "/admin/auth/group/add/",
        "/admin/account/emailaddress/",
        "/admin/mfa/authenticator/",
    ],
)
def test_an_editor_cannot_see_or_manage_people(client, editor, url):
    client.force_login(editor)
    assert client.get(url).status_code == 403


def test_an_editor_cannot_make_themselves_or_anyone_an_administrator(client, editor, citizen):
    client.force_login(editor)
    for user in (editor, citizen):
        response = client.post(
            f"/admin/citizens/user/{user.pk}/change/", {"email": user.email, "is_staff": "on", "is_superuser": "on"}
        )
        assert response.status_code == 403
        user.refresh_from_db()
        assert not user.is_superuser
    assert not editor.user_permissions.exists()


def test_a_confirmation_token_is_no_unsubscribe_token_and_the_reverse(client):
    pending = make_subscription(email="press@example.org", confirmed_at=None, everything=True)
    confirmed = make_subscription(email="other@example.org", everything=True)
    assert client.post(f"/abmelden/{confirmation_token(pending)}/").status_code == 400
    assert client.post(f"/abonnieren/bestaetigen/{unsubscribe_token(confirmed)}/").status_code == 400
    assert Subscription.objects.count() == 2
    assert Subscription.objects.get(pk=pending.pk).confirmed_at is None


def test_an_unsubscribe_link_only_ever_ends_its_own_subscription(client):
    mine = make_subscription(email="press@example.org", everything=True)
    theirs = make_subscription(email="other@example.org", everything=True)
    client.post(f"/abmelden/{unsubscribe_token(mine)}/")
    assert list(Subscription.objects.all()) == [theirs]


def test_a_citizen_cannot_unfollow_or_export_for_someone_else(client, citizen, outsider):
    project = make_project()
    EmailAddress.objects.create(user=outsider, email=outsider.email, verified=True, primary=True)
    theirs = make_subscription(email=outsider.email, user=outsider, projects=[project])
    client.force_login(citizen)
    # Nothing in a request names the account: the forms act on the logged-in person only.
    client.post("/konto/nicht-mehr-folgen/", {"topic": "projekt", "slug": project.slug, "email": outsider.email})
    assert list(theirs.projects.all()) == [project]
    export = client.get("/konto/meine-daten/", {"email": outsider.email}).content.decode()
    assert outsider.email not in export


def test_staff_preview_of_drafts_needs_the_editors_permissions(client, django_user_model):
    draft = make_project(title_de="Geheimprojekt", is_published=False)
    staff_without_rights = django_user_model.objects.create_user(
        email="praktikum@kaiserslautern.example", password="x-secret-123", is_staff=True
    )
    client.force_login(staff_without_rights)
    assert client.get(draft.get_absolute_url()).status_code == 404
