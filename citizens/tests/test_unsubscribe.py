"""/abmelden/<token>/: the visible link in every email and the RFC 8058 one-click POST."""

import pytest
from django.test import Client

from citizens.emails import list_unsubscribe_headers, unsubscribe_url
from citizens.models import Subscription
from citizens.tokens import unsubscribe_token

from .helpers import make_subscription

pytestmark = pytest.mark.django_db


def path_of(subscription):
    return unsubscribe_url(subscription).removeprefix("http://127.0.0.1:8000")


def test_get_only_asks_and_post_unsubscribes(client):
    subscription = make_subscription(everything=True)
    page = client.get(path_of(subscription))
    assert page.status_code == 200
    assert "Jetzt abmelden" in page.content.decode()
    assert Subscription.objects.filter(pk=subscription.pk).exists()

    response = client.post(path_of(subscription))
    assert response.status_code == 200
    assert "Sie sind abgemeldet" in response.content.decode()
    assert not Subscription.objects.exists()


def test_one_click_post_from_a_mail_client_needs_no_csrf_token():
    subscription = make_subscription(everything=True)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        path_of(subscription),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_unsubscribing_twice_is_harmless(client):
    subscription = make_subscription(everything=True)
    path = path_of(subscription)
    assert client.post(path).status_code == 200
    assert client.post(path).status_code == 200
    page = client.get(path)
    assert page.status_code == 200
    assert "kein Abonnement (mehr)" in page.content.decode()


def test_a_forged_token_is_refused(client):
    subscription = make_subscription(everything=True)
    token = unsubscribe_token(subscription)
    for forged in (token[:-1] + ("A" if token[-1] != "A" else "B"), "1.abc:def", "x"):
        response = client.post(f"/abmelden/{forged}/")
        assert response.status_code == 400
        assert "Link ungültig" in response.content.decode()
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_a_token_cannot_be_turned_into_another_subscriptions_token(client):
    mine = make_subscription(email="a@example.org", everything=True)
    other = make_subscription(email="b@example.org", everything=True)
    _pk, rest = unsubscribe_token(mine).split(".", 1)
    assert client.post(f"/abmelden/{other.pk}.{rest}/").status_code == 400
    assert Subscription.objects.filter(pk=other.pk).exists()


def test_a_token_stops_working_when_the_subscription_moves_to_another_address(client):
    subscription = make_subscription(email="old@example.org", everything=True)
    path = path_of(subscription)
    subscription.email = "new@example.org"
    subscription.save()
    assert client.post(path).status_code == 200
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_headers_follow_rfc_8058():
    subscription = make_subscription(everything=True)
    headers = list_unsubscribe_headers(subscription)
    assert headers["List-Unsubscribe"] == f"<{unsubscribe_url(subscription)}>"
    assert headers["List-Unsubscribe"].startswith("<http://127.0.0.1:8000/abmelden/")
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "@" not in unsubscribe_url(subscription)  # the address is never in the link
