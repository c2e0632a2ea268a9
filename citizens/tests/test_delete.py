"""/konto/loeschen/: erase the account (GDPR Art. 17)."""

import pytest
from allauth.account.models import EmailAddress

from citizens.models import Subscription, User

from .helpers import make_subscription

pytestmark = pytest.mark.django_db


def test_deleting_needs_the_confirmation_checkbox(client, verified_citizen):
    client.force_login(verified_citizen)
    page = client.get("/konto/loeschen/")
    assert page.status_code == 200
    assert "endgültig" in page.content.decode()
    response = client.post("/konto/loeschen/", {})
    assert response.status_code == 400
    assert "Bitte bestätigen Sie" in response.content.decode()
    assert User.objects.filter(pk=verified_citizen.pk).exists()


def test_deleting_removes_the_account_its_addresses_and_subscriptions(client, verified_citizen, verified_outsider):
    make_subscription(email="alice@example.org", user=verified_citizen, everything=True)
    make_subscription(email="alice@example.org", confirmed_at=None, everything=True)  # a pending request too
    others = make_subscription(email="charlie@example.org", user=verified_outsider, everything=True)
    client.force_login(verified_citizen)

    response = client.post("/konto/loeschen/", {"confirm": "on"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not User.objects.filter(email="alice@example.org").exists()
    assert not EmailAddress.objects.filter(email="alice@example.org").exists()
    assert list(Subscription.objects.all()) == [others]
    assert "_auth_user_id" not in client.session
    assert "Ihr Konto und Ihre Abonnements sind gelöscht." in client.get("/").content.decode()


def test_deleting_needs_login(client):
    response = client.post("/konto/loeschen/", {"confirm": "on"})
    assert response["Location"].startswith("/konto/login/")


def test_staff_cannot_delete_their_account_themselves(client, editor):
    client.force_login(editor)
    assert "löscht eine Administratorin" in client.get("/konto/loeschen/").content.decode()
    assert client.post("/konto/loeschen/", {"confirm": "on"}).status_code == 403
    assert User.objects.filter(pk=editor.pk).exists()
