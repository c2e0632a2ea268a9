"""/api/v1/me/subscriptions/: a citizen's own follows through the API, and the API token on /konto/."""

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from citizens.models import Subscription
from conftest import make_field, make_project

from .helpers import make_subscription

pytestmark = pytest.mark.django_db

URL = "/api/v1/me/subscriptions/"


def data_of(response, status=200):
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


def token_for(user):
    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=user).key}"}


@pytest.fixture
def topics():
    verkehr = make_field(name_de="Verkehr", name_en="Mobility", slug="verkehr")
    navi = make_project(title_de="KL Navi", slug="kl-navi", field=verkehr)
    tresor = make_project(title_de="Bürgertresor", slug="buergertresor", field=verkehr)
    make_project(title_de="Geheim", slug="geheim", field=verkehr, is_published=False)
    return {"verkehr": verkehr, "navi": navi, "tresor": tresor}


@pytest.fixture
def alice(client, verified_citizen):
    client.force_login(verified_citizen)
    return client


# Who may


@pytest.mark.parametrize(
    ("method", "url"),
    [("get", URL), ("post", URL), ("delete", f"{URL}everything/"), ("delete", f"{URL}project/kl-navi/")],
)
def test_anonymous_clients_get_401_in_json(client, topics, method, url):
    response = getattr(client, method)(url, content_type="application/json")
    assert data_of(response, 401) == {"detail": "Anmeldedaten fehlen."}
    assert response["WWW-Authenticate"] == "Token"
    assert response["Cache-Control"] == "private, no-store"


def test_a_wrong_token_gets_401(client, topics):
    response = client.get(URL, HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")
    assert data_of(response, 401) == {"detail": "Ungültiges Token"}


def test_an_account_without_verified_address_gets_403(client, citizen, topics):
    client.force_login(citizen)
    for response in (client.get(URL), client.post(URL, {"type": "everything"}, content_type="application/json")):
        assert data_of(response, 403) == {
            "detail": "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse; dann können Sie Themen folgen."
        }
    assert not Subscription.objects.exists()


def test_nobody_sees_or_changes_the_follows_of_another_person(client, verified_citizen, verified_outsider, topics):
    make_subscription(email="alice@example.org", user=verified_citizen, projects=[topics["navi"]], everything=True)
    charlie = token_for(verified_outsider)

    data = data_of(client.get(URL, **charlie))
    assert data["email"] == "charlie@example.org"
    assert (data["everything"], data["projects"], data["frequency"]) == (False, [], None)

    assert client.delete(f"{URL}project/kl-navi/", **charlie).status_code == 204
    assert client.delete(f"{URL}everything/", **charlie).status_code == 204
    alice = Subscription.objects.get(email="alice@example.org")
    assert alice.everything and list(alice.projects.all()) == [topics["navi"]]

    data_of(client.post(URL, {"type": "field", "slug": "verkehr"}, content_type="application/json", **charlie), 201)
    assert not Subscription.objects.get(email="alice@example.org").fields.exists()
    assert list(Subscription.objects.get(email="charlie@example.org").fields.all()) == [topics["verkehr"]]


def test_a_subscription_from_the_public_form_for_the_own_address_is_shown(alice, topics):
    make_subscription(email="alice@example.org", fields=[topics["verkehr"]], frequency="weekly")
    make_subscription(email="someone@example.org", everything=True)
    data = data_of(alice.get(URL))
    assert [f["slug"] for f in data["fields_of_action"]] == ["verkehr"]
    assert (data["everything"], data["frequency"]) == (False, "weekly")


# What it does


def test_follow_list_and_unfollow_with_the_browser_session(alice, verified_citizen, topics):
    assert data_of(alice.get(URL)) == {
        "email": "alice@example.org",
        "everything": False,
        "fields_of_action": [],
        "projects": [],
        "frequency": None,
        "language": "de",
    }

    response = alice.post(URL, {"type": "project", "slug": "kl-navi"}, content_type="application/json")
    data = data_of(response, 201)
    assert response["Location"] == "http://testserver/api/v1/me/subscriptions/project/kl-navi/"
    assert data["projects"] == [
        {
            "slug": "kl-navi",
            "title": "KL Navi",
            "url": "http://testserver/api/v1/projects/kl-navi/",
            "html_url": "http://testserver/projekte/kl-navi/",
        }
    ]
    assert data["frequency"] == "immediately"
    # The same confirmed subscription the follow buttons make, with the follow consent as proof.
    subscription = Subscription.objects.confirmed().get()
    assert (subscription.user, subscription.email) == (verified_citizen, "alice@example.org")
    assert "Ich folge diesem Thema" in subscription.consent_text

    alice.post(URL, {"type": "field", "slug": "verkehr"}, content_type="application/json")
    response = alice.post(URL, {"type": "everything"}, content_type="application/json")
    assert response["Location"] == "http://testserver/api/v1/me/subscriptions/everything/"
    data = data_of(alice.get(URL))
    assert data["everything"] is True
    assert data["fields_of_action"] == [
        {"slug": "verkehr", "name": "Verkehr", "url": "http://testserver/api/v1/fields-of-action/verkehr/"}
    ]
    assert [p["slug"] for p in data["projects"]] == ["kl-navi"]

    assert alice.delete(f"{URL}everything/").status_code == 204
    assert alice.delete(f"{URL}field/verkehr/").status_code == 204
    assert data_of(alice.get(URL))["projects"][0]["slug"] == "kl-navi"
    response = alice.delete(f"{URL}project/kl-navi/")
    assert response.status_code == 204 and response.content == b""
    assert not Subscription.objects.exists()  # nothing left to send about


def test_following_twice_changes_nothing(alice, topics):
    for _ in range(2):
        data_of(alice.post(URL, {"type": "project", "slug": "kl-navi"}, content_type="application/json"), 201)
    assert Subscription.objects.get().projects.count() == 1


def test_form_encoded_requests_work_as_well(alice, topics):
    data_of(alice.post(URL, {"type": "project", "slug": "buergertresor"}), 201)
    assert Subscription.objects.get().projects.get().slug == "buergertresor"


def test_a_form_body_that_repeats_a_key_gets_400(alice, topics):
    body = "type=everything&slug=verkehr&slug=kl-navi"
    response = alice.post(URL, body, content_type="application/x-www-form-urlencoded")
    assert data_of(response, 400) == {"slug": ["Nur ein Wert ist erlaubt."]}
    assert not Subscription.objects.exists()


def test_the_frequency_set_on_the_account_page_is_shown(alice, topics):
    alice.post(URL, {"type": "everything"}, content_type="application/json")
    alice.post("/konto/haeufigkeit/", {"frequency": "weekly"})
    assert data_of(alice.get(URL))["frequency"] == "weekly"


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        ({}, "type"),
        ({"type": "alles"}, "type"),
        ({"type": "project"}, "slug"),
        ({"type": "project", "slug": "gibt-es-nicht"}, "slug"),
        ({"type": "project", "slug": "geheim"}, "slug"),  # unpublished projects cannot be followed
        ({"type": "field", "slug": "gibt-es-nicht"}, "slug"),
        ({"type": "field", "slug": "kein slug!"}, "slug"),
        ({"type": "everything", "slug": 0}, "slug"),  # the schema promises a string
        ({"type": "everything", "slug": "\x85"}, "slug"),  # whitespace is not trimmed to an empty slug
    ],
)
def test_invalid_follows_get_400_naming_the_parameter(alice, topics, body, parameter):
    data = data_of(alice.post(URL, body, content_type="application/json"), 400)
    assert list(data) == [parameter]
    assert not Subscription.objects.exists()


def test_unknown_topics_cannot_be_unfollowed(alice, topics):
    assert data_of(alice.delete(f"{URL}project/gibt-es-nicht/"), 404) == {"detail": "Nicht gefunden."}
    assert data_of(alice.delete(f"{URL}field/gibt-es-nicht/"), 404) == {"detail": "Nicht gefunden."}


def test_a_project_unpublished_since_can_still_be_unfollowed(alice, topics):
    alice.post(URL, {"type": "project", "slug": "kl-navi"}, content_type="application/json")
    alice.post(URL, {"type": "everything"}, content_type="application/json")
    topics["navi"].is_published = False
    topics["navi"].save()
    assert alice.delete(f"{URL}project/kl-navi/").status_code == 204
    assert not Subscription.objects.get().projects.exists()


def test_a_single_follow_cannot_be_read(alice, topics):
    assert alice.get(f"{URL}project/kl-navi/").status_code == 405


# Browser and scripts


def test_the_browser_session_needs_the_csrf_token(verified_citizen, topics):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(verified_citizen)
    response = browser.post(URL, {"type": "everything"}, content_type="application/json")
    assert data_of(response, 403)["detail"].startswith("CSRF")
    assert browser.delete(f"{URL}everything/").status_code == 403
    assert not Subscription.objects.exists()

    browser.get("/konto/")  # sets the CSRF cookie, as the page with the form would
    token = browser.cookies["csrftoken"].value
    response = browser.post(URL, {"type": "everything"}, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 201


def test_scripts_use_the_token_without_csrf(verified_citizen, topics):
    script = Client(enforce_csrf_checks=True)
    auth = token_for(verified_citizen)
    response = script.post(URL, {"type": "project", "slug": "kl-navi"}, content_type="application/json", **auth)
    assert data_of(response, 201)["projects"][0]["slug"] == "kl-navi"
    assert data_of(script.get(URL, **auth))["email"] == "alice@example.org"
    assert script.delete(f"{URL}project/kl-navi/", **auth).status_code == 204


def test_personal_answers_are_never_cached(alice, topics):
    response = alice.get(URL)
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response
    assert {"Authorization", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}
    created = alice.post(URL, {"type": "everything"}, content_type="application/json")
    assert created["Cache-Control"] == "private, no-store"


def test_personal_requests_are_counted_per_account_not_as_anonymous(
    client, verified_citizen, verified_outsider, topics, monkeypatch
):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1/min"})
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "3/min"})
    alice, charlie = token_for(verified_citizen), token_for(verified_outsider)
    for _ in range(3):
        assert client.get(URL, **alice).status_code == 200
    response = client.get(URL, **alice)
    assert data_of(response, 429)["detail"].startswith("Die Anfrage wurde gedrosselt.")
    assert response["Cache-Control"] == "private, no-store"
    assert client.get(URL, **charlie).status_code == 200  # another account, same address


def test_reading_the_follows_runs_a_fixed_number_of_queries(client, verified_citizen, django_assert_max_num_queries):
    fields = [make_field(name_de=f"Feld {n}", slug=f"feld-{n}") for n in range(10)]
    projects = [make_project(title_de=f"Projekt {n}", field=fields[0]) for n in range(20)]
    make_subscription(email="alice@example.org", user=verified_citizen, fields=fields, projects=projects)
    auth = token_for(verified_citizen)
    # token with its user, verified address, subscription, its fields, its projects
    with django_assert_max_num_queries(5):
        data = data_of(client.get(URL, **auth))
    assert len(data["fields_of_action"]) == 10 and len(data["projects"]) == 20


def test_schema_documents_login_and_its_errors(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    operations = schema["paths"]["/api/v1/me/subscriptions/"]
    assert operations["get"]["security"] == [{"tokenAuth": []}, {"cookieAuth": []}]
    assert set(operations["get"]["responses"]) == {"200", "401", "403", "404", "429"}
    assert set(operations["post"]["responses"]) == {"201", "400", "401", "403", "404", "415", "429"}
    delete = schema["paths"]["/api/v1/me/subscriptions/project/{slug}/"]["delete"]
    assert set(delete["responses"]) == {"204", "401", "403", "404", "429"}
    assert "/api/v1/me/subscriptions/" not in client.get("/api/v1/").json()["endpoints"].values()


# The API token on /konto/


def test_a_citizen_creates_a_token_and_sees_it_once(client, verified_citizen):
    client.force_login(verified_citizen)
    assert "API-Schlüssel erstellen" in client.get("/konto/").content.decode()

    response = client.post("/konto/api-schluessel/")
    token = Token.objects.get(user=verified_citizen)
    html = response.content.decode()
    assert response.status_code == 200
    assert token.key in html
    assert f'curl -H "Authorization: Token {token.key}" http://testserver/api/v1/me/subscriptions/' in html
    assert "no-store" in response["Cache-Control"]

    account = client.get("/konto/").content.decode()
    assert token.key not in account
    assert "Ihr API-Schlüssel wurde am" in account
    assert 'action="/konto/api-schluessel/widerrufen/"' in account
    assert client.get(URL, HTTP_AUTHORIZATION=f"Token {token.key}").status_code == 200


def test_a_new_token_replaces_the_old_one(client, verified_citizen):
    client.force_login(verified_citizen)
    client.post("/konto/api-schluessel/")
    old = Token.objects.get(user=verified_citizen).key
    client.post("/konto/api-schluessel/")
    new = Token.objects.get(user=verified_citizen).key
    assert new != old
    assert Client().get(URL, HTTP_AUTHORIZATION=f"Token {old}").status_code == 401
    assert Client().get(URL, HTTP_AUTHORIZATION=f"Token {new}").status_code == 200


def test_revoking_the_token_locks_scripts_out(client, verified_citizen):
    auth = token_for(verified_citizen)
    client.force_login(verified_citizen)
    response = client.post("/konto/api-schluessel/widerrufen/", follow=True)
    assert response.redirect_chain == [("/konto/", 302)]
    assert "Ihr API-Schlüssel ist widerrufen." in response.content.decode()
    assert not Token.objects.exists()
    assert Client().get(URL, **auth).status_code == 401


def test_each_citizen_creates_and_revokes_only_their_own_token(client, verified_citizen, verified_outsider):
    charlie = token_for(verified_outsider)
    client.force_login(verified_citizen)
    client.post("/konto/api-schluessel/")
    client.post("/konto/api-schluessel/widerrufen/")
    assert list(Token.objects.values_list("user__email", flat=True)) == ["charlie@example.org"]
    assert Client().get(URL, **charlie).status_code == 200


@pytest.mark.parametrize("url", ["/konto/api-schluessel/", "/konto/api-schluessel/widerrufen/"])
def test_token_pages_need_login_and_a_post(client, verified_citizen, url):
    response = client.post(url)
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")
    client.force_login(verified_citizen)
    assert client.get(url).status_code == 405
    assert not Token.objects.exists()


def test_token_forms_need_the_csrf_token(verified_citizen):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(verified_citizen)
    assert browser.post("/konto/api-schluessel/").status_code == 403
    assert not Token.objects.exists()


def test_deleting_the_account_deletes_its_token(client, verified_citizen):
    auth = token_for(verified_citizen)
    client.force_login(verified_citizen)
    client.post("/konto/loeschen/", {"confirm": "on"})
    assert not Token.objects.exists()
    assert Client().get(URL, **auth).status_code == 401
