"""/konto/meine-daten/: everything about the account as JSON (GDPR Art. 15 and 20)."""

import json

import pytest

from conftest import make_field, make_project

from .helpers import make_subscription

pytestmark = pytest.mark.django_db


def test_export_contains_the_account_addresses_and_subscriptions_with_consent(
    client, verified_citizen, verified_outsider
):
    field = make_field(name_de="Verkehr")
    project = make_project(title_de="KL Navi", field=field)
    make_subscription(
        email="alice@example.org",
        user=verified_citizen,
        fields=[field],
        projects=[project],
        frequency="weekly",
        consent_text="Ich folge diesem Thema.",
    )
    make_subscription(email="charlie@example.org", user=verified_outsider, everything=True)
    client.force_login(verified_citizen)

    response = client.get("/konto/meine-daten/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="meine-daten.json"'
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    data = json.loads(response.content)

    assert data["account"]["email"] == "alice@example.org"
    assert data["account"]["language"] == "de"
    assert "password" not in data["account"]
    assert data["email_addresses"] == [{"email": "alice@example.org", "verified": True, "primary": True}]
    [subscription] = data["subscriptions"]
    assert subscription["email"] == "alice@example.org"
    assert subscription["fields_of_action"] == ["Verkehr"]
    assert subscription["projects"] == ["KL Navi"]
    assert subscription["frequency"] == "weekly"
    assert subscription["consent"]["text"] == "Ich folge diesem Thema."
    assert subscription["consent"]["requested_at"] and subscription["consent"]["confirmed_at"]
    assert "charlie@example.org" not in response.content.decode()


def test_export_needs_login(client):
    response = client.get("/konto/meine-daten/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
