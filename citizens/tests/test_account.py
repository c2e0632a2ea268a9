"""/konto/: the account, its subscriptions and settings."""

import pytest

from citizens.models import Subscription, User
from conftest import make_field, make_project

from .helpers import make_subscription

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/konto/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/konto/"


def test_account_page_shows_only_the_own_account_and_subscriptions(
    client, verified_citizen, verified_outsider, django_assert_max_num_queries
):
    field = make_field(name_de="Verkehr", slug="verkehr")
    project = make_project(title_de="KL Navi", field=field)
    make_subscription(email="alice@example.org", user=verified_citizen, fields=[field])
    make_subscription(email="charlie@example.org", user=verified_outsider, projects=[project], everything=True)

    client.force_login(verified_citizen)
    with django_assert_max_num_queries(12):
        response = client.get("/konto/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "alice@example.org" in html
    assert "charlie@example.org" not in html
    assert "Verkehr" in html
    assert "KL Navi" not in html
    assert 'href="/konto/meine-daten/"' in html
    assert 'href="/konto/loeschen/"' in html
    assert 'action="/konto/folgen/"' in html  # follow everything
    assert 'aria-current="page"' in html and ">Konto</a>" in html


def test_account_page_without_subscriptions_invites_to_follow(client, verified_citizen):
    client.force_login(verified_citizen)
    html = client.get("/konto/").content.decode()
    assert "Sie folgen noch keinem Thema" in html
    assert "Allen Neuigkeiten folgen" in html


def test_remove_a_single_follow_from_the_account_page(client, verified_citizen):
    field = make_field(slug="verkehr")
    project = make_project(slug="kl-navi", field=field)
    subscription = make_subscription(
        email="alice@example.org", user=verified_citizen, fields=[field], projects=[project]
    )
    client.force_login(verified_citizen)
    response = client.post("/konto/nicht-mehr-folgen/", {"topic": "projekt", "slug": "kl-navi", "next": "/konto/"})
    assert response["Location"] == "/konto/"
    assert list(subscription.projects.all()) == []
    assert list(subscription.fields.all()) == [field]


def test_unfollow_works_for_a_project_that_was_unpublished_since(client, verified_citizen):
    project = make_project(slug="kl-navi", is_published=False)
    subscription = make_subscription(
        email="alice@example.org", user=verified_citizen, everything=True, projects=[project]
    )
    client.force_login(verified_citizen)
    client.post("/konto/nicht-mehr-folgen/", {"topic": "projekt", "slug": "kl-navi"})
    assert not subscription.projects.exists()


def test_change_the_frequency(client, verified_citizen):
    subscription = make_subscription(email="alice@example.org", user=verified_citizen, everything=True)
    client.force_login(verified_citizen)
    response = client.post("/konto/haeufigkeit/", {"frequency": "weekly"})
    assert response["Location"] == "/konto/"
    subscription.refresh_from_db()
    assert subscription.frequency == "weekly"


def test_change_the_language_of_emails(client, verified_citizen):
    subscription = make_subscription(email="alice@example.org", user=verified_citizen, everything=True)
    client.force_login(verified_citizen)
    client.post("/konto/sprache/", {"language": "en"})
    assert User.objects.get(pk=verified_citizen.pk).language == "en"
    subscription.refresh_from_db()
    assert subscription.language == "en"


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/konto/sprache/", {"language": "fr"}),
        ("/konto/sprache/", {"language": "d\x00e"}),
        ("/konto/haeufigkeit/", {"frequency": "hourly" * 100}),
        ("/konto/haeufigkeit/", {}),
    ],
)
def test_bad_settings_are_refused_with_400(client, verified_citizen, url, data):
    subscription = make_subscription(email="alice@example.org", user=verified_citizen, everything=True)
    client.force_login(verified_citizen)
    response = client.post(url, data)
    assert response.status_code == 400
    assert 'class="errorlist"' in response.content.decode()
    assert User.objects.get(pk=verified_citizen.pk).language == "de"
    assert Subscription.objects.get(pk=subscription.pk).frequency == "immediately"


def test_settings_need_the_csrf_token(verified_citizen):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(verified_citizen)
    assert client.post("/konto/sprache/", {"language": "en"}).status_code == 403
    assert User.objects.get(pk=verified_citizen.pk).language == "de"


def test_navigation_links_subscribe_and_account(client):
    html = client.get("/").content.decode()
    assert 'href="/abonnieren/"' in html
    assert 'href="/konto/"' in html
