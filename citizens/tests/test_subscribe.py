"""/abonnieren/: double opt-in without an account."""

import datetime
import re

import pytest
import time_machine
from django.core import mail

from citizens.models import Subscription
from conftest import make_field, make_news, make_project

from .helpers import link_in, make_subscription, subscribe_data

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 25, 10, tzinfo=datetime.UTC)


def post(client, captured, **overrides):
    with captured(execute=True):
        return client.post("/abonnieren/", subscribe_data(**overrides))


def test_a_news_item_links_to_the_subscription_in_both_languages(client):
    url = make_news(title_de="Parken per App").get_absolute_url()
    assert '<p><a href="/abonnieren/">Neuigkeiten abonnieren</a></p>' in client.get(url).content.decode()
    assert '<a href="/en/abonnieren/">Subscribe to news</a>' in client.get(f"/en{url}").content.decode()


def test_form_offers_fields_published_projects_and_the_consent(client):
    field = make_field(name_de="Verkehr", slug="verkehr")
    make_project(title_de="KL Navi", field=field)
    make_project(title_de="Geheimprojekt", field=field, is_published=False)
    response = client.get("/abonnieren/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Verkehr" in html
    assert "KL Navi" in html
    assert "Geheimprojekt" not in html
    assert "Ich möchte E-Mails über Neuigkeiten" in html
    assert 'href="/datenschutz/"' in html
    assert '<label for="id_email">' in html


def test_nothing_is_subscribed_before_the_address_confirms(client, django_capture_on_commit_callbacks):
    response = post(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == "/abonnieren/gesendet/"
    subscription = Subscription.objects.get()
    assert subscription.email == "press@example.org"
    assert subscription.confirmed_at is None
    assert not Subscription.objects.confirmed().exists()
    assert "Ich möchte E-Mails über Neuigkeiten" in subscription.consent_text

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["press@example.org"]
    assert message.subject == "Bitte bestätigen Sie Ihr Abonnement"
    assert "/abonnieren/bestaetigen/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "/abonnieren/bestaetigen/" in html
    assert "List-Unsubscribe" not in message.extra_headers  # nothing to unsubscribe from yet


def test_confirmation_email_is_in_the_chosen_language(client, django_capture_on_commit_callbacks):
    field = make_field(name_de="Verkehr", name_en="Mobility", slug="verkehr")
    post(
        client, django_capture_on_commit_callbacks, language="en", scope="handlungsfelder", fields_of_action=[field.pk]
    )
    assert "Mobility" in mail.outbox[0].body
    assert Subscription.objects.get().language == "en"


def test_the_answer_is_the_same_for_new_pending_and_subscribed_addresses(client, django_capture_on_commit_callbacks):
    make_subscription(email="subscribed@example.org", everything=True)
    with time_machine.travel(NOW - datetime.timedelta(hours=1)):
        post(client, django_capture_on_commit_callbacks, email="pending@example.org")

    redirects, pages = set(), set()
    with time_machine.travel(NOW):
        for email in ("new@example.org", "pending@example.org", "subscribed@example.org"):
            response = post(client, django_capture_on_commit_callbacks, email=email)
            redirects.add((response.status_code, response["Location"]))
            pages.add(client.get(response["Location"]).content)
    assert redirects == {(302, "/abonnieren/gesendet/")}
    assert len(pages) == 1
    assert "Wenn die Adresse gültig ist, haben wir eine E-Mail" in pages.pop().decode()
    # Behind the scenes: a fresh link for the pending address, a change request to the subscribed one.
    assert [message.to for message in mail.outbox[1:]] == [
        ["new@example.org"],
        ["pending@example.org"],
        ["subscribed@example.org"],
    ]


def test_an_already_subscribed_address_keeps_its_choice_until_it_confirms(client, django_capture_on_commit_callbacks):
    project = make_project()
    subscription = make_subscription(email="press@example.org", projects=[project])
    post(client, django_capture_on_commit_callbacks, email="Press@Example.org", scope="alles")

    subscription.refresh_from_db()
    assert not subscription.everything
    assert list(subscription.projects.all()) == [project]
    message = mail.outbox[0]
    assert message.subject == "Bitte bestätigen Sie die Änderung Ihres Abonnements"
    assert "bereits abonniert" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/abmelden/" in message.body


def test_asking_again_replaces_the_pending_request_and_its_link(client, django_capture_on_commit_callbacks):
    with time_machine.travel(NOW - datetime.timedelta(hours=1)):
        post(client, django_capture_on_commit_callbacks)
    first_link = link_in(mail.outbox[0], "/abonnieren/bestaetigen/")
    with time_machine.travel(NOW):
        post(client, django_capture_on_commit_callbacks, frequency="weekly")

    assert Subscription.objects.count() == 1
    assert Subscription.objects.get().frequency == "weekly"
    with time_machine.travel(NOW):
        assert client.get(first_link).status_code == 400
        assert client.get(link_in(mail.outbox[1], "/abonnieren/bestaetigen/")).status_code == 200


def test_repeated_requests_for_one_address_do_not_flood_its_inbox(client, django_capture_on_commit_callbacks):
    for _attempt in range(3):
        response = post(client, django_capture_on_commit_callbacks)
        assert response["Location"] == "/abonnieren/gesendet/"
    assert len(mail.outbox) == 1


def test_too_many_requests_from_one_client_get_429(client, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr("citizens.views.SUBSCRIBE_REQUESTS_PER_HOUR", 2)
    for number in range(2):
        post(client, django_capture_on_commit_callbacks, email=f"press{number}@example.org")
    response = post(client, django_capture_on_commit_callbacks, email="press9@example.org")
    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.content.decode()
    assert Subscription.objects.count() == 2


def test_chosen_fields_are_required_for_the_fields_scope(client, django_capture_on_commit_callbacks):
    response = post(client, django_capture_on_commit_callbacks, scope="handlungsfelder")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bitte wählen Sie mindestens ein Handlungsfeld." in html
    assert 'role="alert"' in html
    assert not Subscription.objects.exists()


def test_what_a_person_ticks_is_what_they_get(client, django_capture_on_commit_callbacks):
    project = make_project()
    post(client, django_capture_on_commit_callbacks, scope="projekte", projects=[project.pk])
    subscription = Subscription.objects.get()
    assert not subscription.everything
    assert list(subscription.projects.all()) == [project]
    assert not subscription.fields.exists()


def test_nothing_is_preselected_so_nobody_subscribes_to_everything_by_accident(client):
    html = client.get("/abonnieren/").content.decode()
    assert 'name="scope" value="alles"' in html
    assert "checked" not in html.split('name="scope"')[1].split(">")[0]
    response = client.post("/abonnieren/", subscribe_data(scope=""))
    assert response.status_code == 400
    assert "Bitte wählen Sie, worüber Sie informiert werden möchten." in response.content.decode()


@pytest.mark.parametrize(
    ("scope", "ticked", "message"),
    [
        ("alles", "projects", "Sie haben „über alle Neuigkeiten“ gewählt und zugleich Handlungsfelder oder Projekte"),
        ("alles", "fields_of_action", "Sie haben „über alle Neuigkeiten“ gewählt und zugleich Handlungsfelder oder"),
        ("handlungsfelder", "projects", "Sie haben „ausgewählte Handlungsfelder“ gewählt und zugleich Projekte"),
        ("projekte", "fields_of_action", "Sie haben „ausgewählte Projekte“ gewählt und zugleich Handlungsfelder"),
    ],
)
def test_a_contradictory_choice_is_refused_with_an_error_on_the_choice(
    client, django_capture_on_commit_callbacks, scope, ticked, message
):
    field = make_field()
    project = make_project(field=field)
    chosen = {"fields_of_action": [field.pk], "projects": [project.pk]}
    extra = {"handlungsfelder": "fields_of_action", "projekte": "projects"}.get(scope)
    topics = {ticked: chosen[ticked], **({extra: chosen[extra]} if extra else {})}
    response = post(client, django_capture_on_commit_callbacks, scope=scope, **topics)
    assert response.status_code == 400
    html = response.content.decode()
    summary = html.split("data-error-summary>")[1].split("</div>")[0]
    assert message in summary and 'href="#id_scope"' in summary
    assert 'role="alert" tabindex="-1" id="fehler"' in html
    assert '<fieldset class="field" aria-describedby="id_scope_error" id="id_scope">' in html
    assert f'<ul class="errorlist" id="id_scope_error"><li>{message}' in html
    assert re.search(r"<input type=\"radio\" name=\"scope\" value=\"alles\"[^>]*aria-invalid=\"true\"", html)
    assert '<script src="/static/js/error-summary.js" defer></script>' in html
    assert not Subscription.objects.exists() and mail.outbox == []


@pytest.mark.parametrize(
    "overrides",
    [
        {"email": "not an address"},
        {"email": "x" * 250 + "@example.org"},
        {"email": "press\x00@example.org"},
        {"email": "prèss@exämple.org\u202e"},
        {"email": ""},
        {"consent": ""},
        {"scope": "irgendwas"},
        {"frequency": "hourly"},
        {"language": "fr"},
        {"scope": "projekte", "projects": ["abc"]},
        {"scope": "projekte", "projects": ["99999999999999999999999"]},
        {"scope": "handlungsfelder", "fields_of_action": ["\x00"]},
    ],
)
def test_bad_input_is_refused_with_400_and_nothing_is_stored(client, django_capture_on_commit_callbacks, overrides):
    response = post(client, django_capture_on_commit_callbacks, **overrides)
    assert response.status_code == 400
    assert 'class="errorlist"' in response.content.decode()
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_missing_csrf_token_is_refused(django_capture_on_commit_callbacks):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/abonnieren/", subscribe_data())
    assert response.status_code == 403
    assert not Subscription.objects.exists()


def test_a_logged_in_citizen_finds_their_address_filled_in(client, citizen):
    client.force_login(citizen)
    assert 'value="alice@example.org"' in client.get("/abonnieren/").content.decode()
