"""Bad input on every form and query parameter: a clear error and a 4xx, never a 500, never garbage in the database.

Hypothesis sends overlong strings, invalid and odd email addresses, control characters, NUL bytes, right-to-left
marks and other odd Unicode to the public forms, the account forms and the query parameters of the lists, the
search and the API. Missing CSRF tokens are refused on every form that changes something.
"""

from urllib.parse import quote

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citizens.models import Subscription
from conftest import make_field, make_news, make_project

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

ODD = [
    "",
    " ",
    "\x00",
    "a\x00b@example.org",
    "\u202eevil@example.org",
    "ä@example.org",
    "presse@bücher.example",
    "presse@example",
    "presse@@example.org",
    "<script>alert(1)</script>@example.org",
    "'; DROP TABLE citizens_subscription; --",
    "𝕶𝖆𝖎𝖘𝖊𝖗𝖘𝖑𝖆𝖚𝖙𝖊𝖗𝖓",
    "\ufeff\u200b\u200d",
    "../../etc/passwd",
    "%00",
    "x" * 255 + "@example.org",
    "a" * 5000,
]
# Any Unicode that can be sent as UTF-8 (no lone surrogates), control characters and NUL included.
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
values = st.one_of(text, st.sampled_from(ODD), st.emails(), st.text(min_size=250, max_size=3000))
numbers = st.one_of(st.integers(-10, 10**20).map(str), values)


@pytest.fixture
def programme():
    field = make_field(name_de="Verwaltung")
    project = make_project(field=field)
    make_news(projects=[project])
    return {"field": field, "project": project}


def assert_clear_refusal_or_success(response, *success_codes):
    assert response.status_code < 500, response.content[:500]
    if response.status_code not in success_codes:
        assert 400 <= response.status_code < 500 or response.status_code == 200, response.status_code


def assert_no_garbage_stored():
    for subscription in Subscription.objects.all():
        subscription.full_clean(validate_constraints=False)
        validate_email(subscription.email)
        assert subscription.email == subscription.email.strip().lower()


# Public forms


@FUZZ
@given(
    email=values,
    scope=st.one_of(st.sampled_from(["alles", "handlungsfelder", "projekte"]), values),
    fields=st.lists(numbers, max_size=3),
    projects=st.lists(numbers, max_size=3),
    frequency=st.one_of(st.sampled_from(["immediately", "weekly"]), values),
    language=st.one_of(st.sampled_from(["de", "en"]), values),
    consent=st.one_of(st.just("on"), st.none(), values),
)
def test_subscribe_form_refuses_bad_input_clearly(
    client, programme, email, scope, fields, projects, frequency, language, consent
):
    cache.clear()  # the form's rate limit is not what this test is about
    before = Subscription.objects.count()
    data = {
        "email": email,
        "scope": scope,
        "fields_of_action": fields,
        "projects": projects,
        "frequency": frequency,
        "language": language,
    }
    if consent is not None:
        data["consent"] = consent
    response = client.post("/abonnieren/", data)
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        assert "Bitte prüfen Sie Ihre Angaben" in response.content.decode()
        assert Subscription.objects.count() == before
    assert_no_garbage_stored()


@FUZZ
@given(email=values, password1=values, password2=values)
def test_sign_up_refuses_bad_input_clearly(client, email, password1, password2):
    cache.clear()
    response = client.post("/konto/signup/", {"email": email, "password1": password1, "password2": password2})
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:
        assert "Bitte prüfen Sie Ihre Angaben" in response.content.decode()
    for address in EmailAddress.objects.all():
        validate_email(address.email)
        assert address.user.email == address.email


@FUZZ
@given(login=values, password=values)
def test_login_refuses_bad_input_clearly(client, citizen, login, password):
    cache.clear()
    response = client.post("/konto/login/", {"login": login, "password": password})
    assert response.status_code == 200, response.status_code
    assert "_auth_user_id" not in client.session


@FUZZ
@given(email=values)
def test_password_reset_refuses_bad_input_clearly(client, email):
    cache.clear()
    response = client.post("/konto/password/reset/", {"email": email})
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:
        assert "Bitte prüfen Sie Ihre Angaben" in response.content.decode()


@FUZZ
@given(token=values, method=st.sampled_from(["get", "post"]))
def test_confirmation_and_unsubscribe_links_refuse_any_forged_token(client, token, method):
    for prefix in ("/abonnieren/bestaetigen/", "/abmelden/"):
        response = getattr(client, method)(f"{prefix}{quote(token, safe='')}/")
        # An empty token matches no URL (404); anything else is an invalid link (400).
        assert response.status_code in (400, 404), (prefix, token, response.status_code)


# Account forms


@FUZZ
@given(
    action=st.sampled_from(["folgen", "nicht-mehr-folgen", "sprache", "haeufigkeit", "loeschen"]),
    topic=st.one_of(st.sampled_from(["alles", "handlungsfeld", "projekt"]), values),
    slug=values,
    next_url=st.one_of(st.sampled_from(["//evil.example/", "https://evil.example/", "javascript:alert(1)"]), values),
    language=values,
    frequency=values,
    confirm=st.one_of(st.none(), st.just("")),
)
def test_account_forms_refuse_bad_input_clearly(
    client, verified_user, programme, action, topic, slug, next_url, language, frequency, confirm
):
    client.force_login(verified_user)
    data = {"topic": topic, "slug": slug, "next": next_url, "language": language, "frequency": frequency}
    if confirm is not None:
        data["confirm"] = confirm
    response = client.post(f"/konto/{action}/", data)
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 302:
        location = response["Location"]
        assert location.startswith("/") and not location.startswith("//"), location
    assert_no_garbage_stored()
    verified_user.refresh_from_db()
    assert verified_user.language in ("de", "en")


@pytest.fixture
def verified_user(citizen):
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    return citizen


# Query parameters


@FUZZ
@given(q=values, field=values, status=values, sort=values, page=numbers)
def test_project_list_refuses_bad_parameters_clearly(client, programme, q, field, status, sort, page):
    params = {"q": q, "handlungsfeld": field, "status": status, "sortierung": sort, "seite": page}
    assert client.get("/projekte/", params).status_code in (200, 400, 404)
    assert client.get(programme["field"].get_absolute_url(), {"seite": page}).status_code in (200, 404)


@FUZZ
@given(kind=values, project=values, field=values, page=numbers, q=values)
def test_news_list_and_search_refuse_bad_parameters_clearly(client, programme, kind, project, field, page, q):
    params = {"art": kind, "projekt": project, "handlungsfeld": field, "seite": page}
    assert client.get("/neuigkeiten/", params).status_code in (200, 400, 404)
    assert client.get("/suche/", {"q": q, "seite": page}).status_code in (200, 400, 404)


@FUZZ
@given(
    endpoint=st.sampled_from(["projects", "milestones", "fields-of-action"]),
    params=st.dictionaries(
        st.sampled_from(
            ["field", "status", "q", "updated_since", "ordering", "page", "page_size", "project", "state", "format"]
        ),
        numbers,
        max_size=4,
    ),
)
def test_api_refuses_bad_parameters_clearly(client, programme, endpoint, params):
    cache.clear()  # the API's throttle is not what this test is about
    response = client.get(f"/api/v1/{endpoint}/", params)
    assert response.status_code in (200, 400, 404), (params, response.status_code)


@FUZZ
@given(next_url=values)
def test_language_switch_never_leaves_the_site(client, next_url):
    response = client.get("/sprache/en/", {"next": next_url})
    assert response.status_code == 302
    location = response["Location"]
    assert not location.startswith("//") and "://" not in location.split("?")[0], location


# CSRF


@pytest.mark.parametrize(
    ("url", "data"),
    [
        (
            "/abonnieren/",
            {
                "email": "press@example.org",
                "scope": "alles",
                "frequency": "immediately",
                "language": "de",
                "consent": "on",
            },
        ),
        (
            "/konto/signup/",
            {"email": "dora@example.org", "password1": "kaiserslautern-2026!", "password2": "kaiserslautern-2026!"},
        ),
        ("/konto/login/", {"login": "alice@example.org", "password": "alice-secret-123"}),
        ("/konto/password/reset/", {"email": "alice@example.org"}),
        ("/konto/folgen/", {"topic": "alles"}),
        ("/konto/nicht-mehr-folgen/", {"topic": "alles"}),
        ("/konto/sprache/", {"language": "en"}),
        ("/konto/haeufigkeit/", {"frequency": "weekly"}),
        ("/konto/loeschen/", {"confirm": "on"}),
        ("/konto/logout/", {}),
    ],
)
def test_every_form_that_changes_something_needs_the_csrf_token(verified_user, url, data):
    client = Client(enforce_csrf_checks=True)
    if url.startswith(
        ("/konto/folgen", "/konto/nicht", "/konto/sprache", "/konto/haeu", "/konto/loe", "/konto/logout")
    ):
        client.force_login(verified_user)
    response = client.post(url, data)
    assert response.status_code == 403
    assert "Formular nicht gesendet" in response.content.decode()
    verified_user.refresh_from_db()
    assert verified_user.language == "de"
    assert not Subscription.objects.exists()


def test_the_csrf_check_also_holds_for_confirming_a_subscription():
    from citizens.tests.helpers import make_subscription
    from citizens.tokens import confirmation_token

    pending = make_subscription(email="press@example.org", confirmed_at=None, everything=True)
    response = Client(enforce_csrf_checks=True).post(f"/abonnieren/bestaetigen/{confirmation_token(pending)}/")
    assert response.status_code == 403
    pending.refresh_from_db()
    assert pending.confirmed_at is None


def test_odd_unicode_is_stored_exactly_as_given_where_it_is_valid(client, programme):
    """Valid but unusual input (an internationalised domain) is kept as typed, lower-cased, nothing else."""
    client.post(
        "/abonnieren/",
        {
            "email": " Presse@Bücher.Example ",
            "scope": "alles",
            "frequency": "immediately",
            "language": "de",
            "consent": "on",
        },
    )
    assert Subscription.objects.get().email == "presse@bücher.example"


def test_validate_email_refuses_what_the_forms_refuse():
    with pytest.raises(ValidationError):
        validate_email("a\x00b@example.org")
