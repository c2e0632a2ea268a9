"""/abonnieren/bestaetigen/<token>/: the second step of the double opt-in."""

import datetime

import pytest
import time_machine
from django.core import mail

from citizens.models import Subscription
from citizens.tokens import confirmation_token
from conftest import make_project

from .helpers import link_in, make_subscription, subscribe_data

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 25, 10, tzinfo=datetime.UTC)


@pytest.fixture
def confirm_path(client, django_capture_on_commit_callbacks):
    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        client.post("/abonnieren/", subscribe_data())
    return link_in(mail.outbox[0], "/abonnieren/bestaetigen/")


def test_the_link_shows_the_choice_and_confirms_only_on_post(client, confirm_path):
    with time_machine.travel(NOW + datetime.timedelta(days=1), tick=False):
        page = client.get(confirm_path)
        assert page.status_code == 200
        assert "alle Neuigkeiten des Programms" in page.content.decode()
        assert not Subscription.objects.confirmed().exists()  # mail scanners fetch links: GET changes nothing

        response = client.post(confirm_path)
    assert response.status_code == 302
    assert response["Location"] == "/abonnieren/bestaetigt/"
    subscription = Subscription.objects.confirmed().get()
    assert subscription.requested_at == NOW
    assert subscription.confirmed_at == NOW + datetime.timedelta(days=1)
    assert "Abonnement bestätigt" in client.get("/abonnieren/bestaetigt/").content.decode()


def test_the_link_expires_after_seven_days(client, confirm_path):
    with time_machine.travel(NOW + datetime.timedelta(days=7, seconds=1), tick=False):
        assert client.get(confirm_path).status_code == 400
        response = client.post(confirm_path)
    assert response.status_code == 400
    assert "Link ungültig oder abgelaufen" in response.content.decode()
    assert not Subscription.objects.confirmed().exists()


def test_the_link_works_on_the_last_day(client, confirm_path):
    with time_machine.travel(NOW + datetime.timedelta(days=6, hours=23), tick=False):
        assert client.post(confirm_path).status_code == 302
    assert Subscription.objects.confirmed().exists()


def test_a_used_link_cannot_confirm_again(client, confirm_path):
    with time_machine.travel(NOW, tick=False):
        client.post(confirm_path)
        assert client.post(confirm_path).status_code == 400
    assert Subscription.objects.count() == 1


def test_confirming_a_change_replaces_the_earlier_choice_and_keeps_the_subscription(
    client, django_capture_on_commit_callbacks, citizen
):
    project = make_project()
    current = make_subscription(email="press@example.org", projects=[project], user=citizen)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/abonnieren/", subscribe_data(frequency="weekly", language="en"))
    client.post(link_in(mail.outbox[0], "/en/abonnieren/bestaetigen/"))  # English mail links to English pages

    assert Subscription.objects.get() == current
    current.refresh_from_db()
    assert current.everything
    assert not current.projects.exists()
    assert (current.frequency, current.language, current.user) == ("weekly", "en", citizen)


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: "9" + token,
        lambda token: token.split(":", 1)[1],
        lambda token: "garbage",
    ],
)
def test_altered_links_are_refused(client, confirm_path, mangle):
    token = confirm_path.split("/")[-2]
    assert client.post(f"/abonnieren/bestaetigen/{mangle(token)}/").status_code == 400
    assert not Subscription.objects.confirmed().exists()


def test_a_token_for_one_address_does_not_confirm_another(client):
    first = make_subscription(email="a@example.org", confirmed_at=None)
    second = make_subscription(email="b@example.org", confirmed_at=None)
    token = confirmation_token(first)
    _pk, rest = token.split(".", 1)
    forged = f"{second.pk}.{rest}"
    assert client.post(f"/abonnieren/bestaetigen/{forged}/").status_code == 400
    second.refresh_from_db()
    assert second.confirmed_at is None
