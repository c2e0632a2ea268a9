"""Any city by configuration: with a second city's identity and content, nothing the portal shows or sends names
Kaiserslautern or its programme; with the demo content, the same collection does (so the check can fail).

The pages come from the URL resolver itself: a new named URL is fetched without a change here, or fails the
coverage check until it is. Addresses with a token (confirmation, unsubscribe, password reset) are reached through
the links in the emails.
"""

import contextlib
import datetime
import pathlib
import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from django.contrib.auth.models import Group
from django.core import mail
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.test import Client, RequestFactory
from django.urls import Resolver404, get_resolver, resolve, reverse
from django.utils import timezone, translation

from citizens import notifications
from citizens.tests.helpers import make_subscription
from kaiserslautern_portal import views
from kaiserslautern_portal.demo.loader import CONTENT, load_demo
from kaiserslautern_portal.demo.reports import load_reports
from kaiserslautern_portal.lib.identity.current import site_identity
from kaiserslautern_portal.lib.middleware import database_unavailable
from kaiserslautern_portal.models import LegalPage
from news.models import NewsItem, ProgrammeReport
from projects.models import FieldOfAction, Project
from projects.services import update_reminders_send

pytestmark = pytest.mark.django_db

MUSTERSTADT = pathlib.Path(__file__).parent / "musterstadt"
# The Python package (kaiserslautern_portal, in the admin's CSS classes) is code, not the site's identity.
FORBIDDEN = re.compile(r"kaiserslautern(?!_portal)|herzlich-digitale stadt", re.IGNORECASE)
# Kaiserslautern's identity colours (demo/content/site.toml): a chart or an email drawn in them is the wrong city's.
FOREIGN_COLOURS = re.compile(r"#a3001b|#7a0014|#ff6b81|#ff8fa0", re.IGNORECASE)
LANGUAGES = ("de", "en")
PASSWORD = "musterstadt-2026!"
# Named URLs whose parameters only an email knows; the emails' links reach them.
FROM_EMAILS = {"account_confirm_email", "account_reset_password_from_key", "citizens:confirm", "citizens:unsubscribe"}
# One subject of each kind of email, German and English (allauth's, then ours).
EMAIL_SUBJECTS = [
    "Bitte bestätigen Sie Ihre E-Mail-Adresse", "Please Confirm Your Email Address", "Konto existiert bereits",
    "Zurücksetzen des Passworts", "Unbekanntes Konto", "Unknown Account", "Passwort geändert",
    "Bitte bestätigen Sie Ihr Abonnement", "Please confirm your subscription", "Wochenübersicht", "weekly digest",
    "Neuer Programmbericht", "New program report", "Aktualisierung überfällig",
]  # fmt: skip
# Not pages of the portal: the admin has its own test; these only redirect.
NOT_FETCHED = re.compile(r"^admin:")


def url_names(resolver=None, namespace=""):
    """Every named URL with its parameter names, namespaces included."""
    resolver = resolver or get_resolver()
    for key in resolver.reverse_dict:
        if isinstance(key, str):
            yield f"{namespace}{key}", resolver.reverse_dict.getlist(key)[0][0][0][1]
    for name, (_prefix, sub) in resolver.namespace_dict.items():
        yield from url_names(sub, f"{namespace}{name}:")


def slugs_for(name: str) -> list[str]:
    """The records a slug in this URL names, judged by the URL's own name, then by its namespace."""
    models = {"report": ProgrammeReport, "project": Project, "field": FieldOfAction, "news": NewsItem}
    for part in reversed(name.split(":")):
        for word, model in models.items():
            if word in part:
                return list(model.objects.values_list("slug", flat=True).order_by("slug"))
    raise AssertionError(f"{name}: no record kind for its slug")


def arguments(name: str, params: list[str], limit: int) -> list[dict]:
    if not params:
        return [{}]
    if params == ["slug"]:
        return [{"slug": slug} for slug in slugs_for(name)[:limit]]
    if params == ["kind"]:
        return [{"kind": kind} for kind in LegalPage.Kind.values]
    if params == ["language"]:
        return [{"language": language} for language in LANGUAGES]
    raise AssertionError(f"{name}: no values for {params}; add them here or to FROM_EMAILS")


class Collection:
    """What the portal showed and sent, by kind (page, feed, api, email), and which named URLs it reached."""

    def __init__(self):
        self.texts: dict[str, list[tuple[str, str]]] = {}
        self.reached: set[str] = set()

    def add(self, kind: str, where: str, text: str) -> None:
        self.texts.setdefault(kind, []).append((where, text))

    def fetch(self, client: Client, path: str, **headers) -> None:
        response = client.get(path, **headers)
        with contextlib.suppress(Resolver404):  # the 404 page's address names no URL
            self.reached.add(resolve(urlsplit(path).path).view_name)
        kind = kind_of(path, response.get("Content-Type", ""))
        body = response.content.decode("utf-8", "replace") if not response.streaming else ""
        self.add(kind, f"{path} {headers or ''} {response.status_code}", body + str(dict(response.items())))

    def hits(self, pattern: re.Pattern) -> dict[str, list[str]]:
        found = {}
        for kind, texts in self.texts.items():
            where = [f"{where}: …{match_context(text, pattern)}…" for where, text in texts if pattern.search(text)]
            if where:
                found[kind] = where
        return found


def match_context(text: str, pattern: re.Pattern) -> str:
    match = pattern.search(text)
    return text[max(0, match.start() - 60) : match.end() + 60]


def kind_of(path: str, content_type: str) -> str:
    if path.startswith("/api/"):
        return "api"
    if any(word in content_type for word in ("rss", "atom", "calendar", "xml")):
        return "feed"
    return "page"


def load(content: pathlib.Path) -> None:
    today = timezone.localdate()
    load_demo(today=today, content=content)
    load_reports(today=today)


def people(django_user_model):
    citizen = django_user_model.objects.create_user(email="anna@example.org", password=PASSWORD, language="de")
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    editor = django_user_model.objects.create_user(email="ben@example.org", password=PASSWORD, is_staff=True)
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    editor.groups.add(Group.objects.get(name="Redaktion"))
    editor.edited_projects.set(Project.objects.all())
    return citizen, editor


def collect_pages(collection: Collection, citizen, editor, *, limit: int) -> None:
    anonymous, signed_in, staff = Client(), Client(), Client()
    signed_in.force_login(citizen, backend="django.contrib.auth.backends.ModelBackend")
    staff.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    for name, params in sorted({(name, tuple(params)) for name, params in url_names()}):
        if name in FROM_EMAILS or NOT_FETCHED.match(name):
            continue
        for kwargs in arguments(name, list(params), limit):
            for language in LANGUAGES:
                with translation.override(language):
                    path = reverse(name, kwargs=kwargs)
                for client in (anonymous, signed_in):
                    collection.fetch(client, path, HTTP_ACCEPT_LANGUAGE=language)
    for language in LANGUAGES:
        prefix = "/en" if language == "en" else ""
        for path in (f"{prefix}/suche/?q=Projekt", f"{prefix}/gibt-es-nicht/", "/api/v1/schema/?format=json"):
            collection.fetch(anonymous, path, HTTP_ACCEPT_LANGUAGE=language)
        collection.fetch(staff, "/admin/", HTTP_ACCEPT_LANGUAGE=language)
        collection.fetch(staff, "/admin/identity/siteidentity/1/change/", HTTP_ACCEPT_LANGUAGE=language)
        with translation.override(language):
            request = RequestFactory().get(f"{prefix}/", HTTP_ACCEPT_LANGUAGE=language)
            request.LANGUAGE_CODE = language
            for template in ("400.html", "403.html", "403_csrf.html", "404.html", "429.html"):
                collection.add("page", template, render_to_string(template, request=request))
            collection.add("page", "500", views.server_error(request).content.decode())
            collection.add("page", "503", database_unavailable(request).content.decode())


def collect_emails(collection: Collection, capture, citizen) -> None:
    """Every kind of email, in both languages: double opt-in, news item, digest, report, reminder, allauth's."""
    mail.outbox.clear()
    for language in LANGUAGES:
        for frequency in ("immediately", "weekly"):
            make_subscription(email=f"{frequency}-{language}@example.org", everything=True, reports=True,
                              frequency=frequency, language=language)  # fmt: skip
    visitor = Client()
    with capture(execute=True):
        for language in LANGUAGES:
            prefix = "/en" if language == "en" else ""
            data = {"email": f"neu-{language}@example.org", "scope": "alles", "frequency": "immediately",
                    "language": language, "consent": "on"}  # fmt: skip
            visitor.post(f"{prefix}/abonnieren/", data)
            visitor.post(f"{prefix}/konto/signup/", {"email": f"neu-{language}@example.org", "password1": PASSWORD,
                                                     "password2": PASSWORD})  # fmt: skip
            visitor.post(f"{prefix}/konto/signup/", {"email": citizen.email, "password1": PASSWORD,
                                                     "password2": PASSWORD})  # fmt: skip
            visitor.post(f"{prefix}/konto/password/reset/", {"email": citizen.email})
            visitor.post(f"{prefix}/konto/password/reset/", {"email": f"niemand-{language}@example.org"})
        item = NewsItem.objects.public().order_by("-published_at").first()
        notifications.announcement_fan_out(item=item)
        notifications.digest_fan_out()
        notifications.report_fan_out(report=ProgrammeReport.objects.order_by("-period_end").first())
        assert update_reminders_send(today=timezone.localdate() + datetime.timedelta(days=400)) == 1
        member = Client()
        member.force_login(citizen, backend="django.contrib.auth.backends.ModelBackend")
        member.post("/konto/password/change/", {"oldpassword": PASSWORD, "password1": "neu-" + PASSWORD,
                                                "password2": "neu-" + PASSWORD})  # fmt: skip
    subjects = [message.subject for message in mail.outbox]
    # The news item's own email, in both languages; subjects are plain text, never HTML-escaped.
    news_subjects = []
    for language in LANGUAGES:
        with translation.override(language):
            news_subjects.append(f"{item.topic}: {item.title}")
    for message in mail.outbox:
        html = "".join(content for content, _type in message.alternatives)
        headers = f"{message.from_email} {message.reply_to} {message.extra_headers}"
        collection.add("email", message.subject, f"{message.subject}\n{headers}\n{message.body}\n{html}")
        for link in re.findall(r"https?://[^\s\"<>]+", message.body):
            path = urlsplit(link).path
            if path.startswith(
                ("/konto/", "/en/konto/", "/abonnieren/", "/en/abonnieren/", "/abmelden/", "/en/abmelden/")
            ):
                collection.fetch(Client(), path)
    for kind in [*EMAIL_SUBJECTS, *map(re.escape, news_subjects)]:
        assert any(re.search(kind, subject) for subject in subjects), (kind, subjects)


def collect_everything(content, django_user_model, capture, *, limit=100) -> Collection:
    load(content)
    citizen, editor = people(django_user_model)
    collection = Collection()
    collect_pages(collection, citizen, editor, limit=limit)
    collect_emails(collection, capture, citizen)
    identity = site_identity()
    collection.add("page", "authenticator app", get_mfa_adapter().get_totp_issuer())
    assert identity.issuer == get_mfa_adapter().get_totp_issuer()
    return collection


def test_a_second_city_shows_and_sends_nothing_of_kaiserslautern(
    settings, tmp_path, django_user_model, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://portal.musterstadt.example"
    settings.MEDIA_ROOT = tmp_path  # Musterstadt's logo is stored as an upload
    collection = collect_everything(MUSTERSTADT, django_user_model, django_capture_on_commit_callbacks)
    assert collection.hits(FORBIDDEN) == {}
    assert collection.hits(FOREIGN_COLOURS) == {}
    assert set(collection.hits(re.compile("#00495b"))) == {"page", "email"}  # Musterstadt's link colour
    # The pages, feeds, API answers and emails were there, and they are Musterstadt's.
    assert set(collection.hits(re.compile("Musterstadt"))) == {"page", "feed", "api", "email"}
    expected = {name for name, _params in url_names() if not NOT_FETCHED.match(name)}
    assert expected - collection.reached == set(), "named URLs neither fetched nor reached from an email"


def test_the_same_collection_finds_kaiserslautern_with_the_demo_content(
    settings, django_user_model, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://portal.example.org"
    collection = collect_everything(CONTENT, django_user_model, django_capture_on_commit_callbacks, limit=1)
    assert set(collection.hits(FORBIDDEN)) == {"page", "feed", "api", "email"}
    assert "herzlich-digitale Stadt Kaiserslautern" in "".join(text for _where, text in collection.texts["page"])


def test_a_second_city_shows_its_own_logo_which_make_run_serves(client, debug_urls):
    load(MUSTERSTADT)
    logo = site_identity().logo
    assert logo.url == "/media/identity/logo.svg"
    project = Project.objects.published().order_by("slug").first()
    for path, alt in [
        ("/", "Logo von Musterstadt: ein Stadttor"),
        (f"/en{project.get_absolute_url()}", "Musterstadt logo: a city gate"),
    ]:
        html = client.get(path).content.decode()
        assert f'<img src="/media/identity/logo.svg" alt="{alt}" width="40" height="40">' in html
        assert '<link rel="icon" href="/media/identity/logo.svg" type="image/svg+xml">' in html
        assert static("img/logo.svg") not in html and static("img/favicon.svg") not in html
    response = client.get(logo.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == (MUSTERSTADT / "logo.svg").read_bytes()
