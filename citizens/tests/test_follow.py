"""Follow buttons on project and field pages and on /konto/: confirmed at once with the verified account address."""

import pytest

from citizens.models import Subscription
from conftest import make_field, make_project

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_see_links_to_subscribe_or_log_in(client):
    project = make_project(slug="kl-navi")
    html = client.get("/projekte/kl-navi/").content.decode()
    assert 'href="/abonnieren/"' in html
    assert 'href="/konto/login/?next=/projekte/kl-navi/"' in html
    assert 'action="/konto/folgen/"' not in html
    assert project.title in html


def test_follow_a_project_from_its_page_and_unfollow_again(client, verified_citizen):
    project = make_project(slug="kl-navi")
    client.force_login(verified_citizen)
    html = client.get("/projekte/kl-navi/").content.decode()
    assert 'action="/konto/folgen/"' in html
    assert "alice@example.org" in html  # the consent text names the address

    response = client.post("/konto/folgen/", {"topic": "projekt", "slug": "kl-navi", "next": "/projekte/kl-navi/"})
    assert response.status_code == 302
    assert response["Location"] == "/projekte/kl-navi/"
    subscription = Subscription.objects.confirmed().get()
    assert (subscription.email, subscription.user, subscription.language) == (
        "alice@example.org",
        verified_citizen,
        "de",
    )
    assert list(subscription.projects.all()) == [project]
    assert subscription.confirmed_at is not None
    assert "Ich folge diesem Thema" in subscription.consent_text

    page = client.get("/projekte/kl-navi/").content.decode()
    assert 'action="/konto/nicht-mehr-folgen/"' in page
    assert "Sie folgen jetzt „Bürgertresor“" in page

    client.post("/konto/nicht-mehr-folgen/", {"topic": "projekt", "slug": "kl-navi"})
    assert not Subscription.objects.exists()  # nothing left to send about


def test_follow_a_field_of_action_and_everything(client, verified_citizen):
    field = make_field(slug="verkehr")
    client.force_login(verified_citizen)
    assert 'action="/konto/folgen/"' in client.get("/handlungsfelder/verkehr/").content.decode()
    client.post("/konto/folgen/", {"topic": "handlungsfeld", "slug": "verkehr"})
    client.post("/konto/folgen/", {"topic": "alles"})

    subscription = Subscription.objects.get()
    assert subscription.everything
    assert list(subscription.fields.all()) == [field]

    client.post("/konto/nicht-mehr-folgen/", {"topic": "alles"})
    subscription.refresh_from_db()
    assert not subscription.everything
    assert list(subscription.fields.all()) == [field]


def test_following_adopts_a_subscription_the_address_already_has(client, verified_citizen):
    from .helpers import make_subscription

    project = make_project(slug="kl-navi")
    existing = make_subscription(email="alice@example.org", everything=True, frequency="weekly")
    client.force_login(verified_citizen)
    client.post("/konto/folgen/", {"topic": "projekt", "slug": "kl-navi"})
    assert Subscription.objects.get() == existing
    existing.refresh_from_db()
    assert existing.user == verified_citizen
    assert existing.everything and existing.frequency == "weekly"
    assert list(existing.projects.all()) == [project]


def test_following_needs_a_verified_address(client, citizen):
    make_project(slug="kl-navi")
    client.force_login(citizen)
    response = client.post("/konto/folgen/", {"topic": "projekt", "slug": "kl-navi"})
    assert response["Location"] == "/konto/email/"
    assert not Subscription.objects.exists()


def test_anonymous_follow_is_sent_to_log_in(client):
    make_project(slug="kl-navi")
    response = client.post("/konto/folgen/", {"topic": "projekt", "slug": "kl-navi"})
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"topic": "projekt", "slug": "gibt-es-nicht"},
        {"topic": "projekt", "slug": "entwurf"},
        {"topic": "handlungsfeld", "slug": ""},
        {"topic": "irgendwas"},
        {"topic": "projekt", "slug": "x" * 500},
        {"topic": "projekt", "slug": "kl\x00navi"},
    ],
)
def test_unknown_or_unpublished_topics_are_refused(client, verified_citizen, data):
    make_project(slug="entwurf", is_published=False)
    client.force_login(verified_citizen)
    response = client.post("/konto/folgen/", data)
    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_follow_never_redirects_to_another_host(client, verified_citizen):
    make_project(slug="kl-navi")
    client.force_login(verified_citizen)
    response = client.post("/konto/folgen/", {"topic": "projekt", "slug": "kl-navi", "next": "https://evil.example/"})
    assert response["Location"] == "/projekte/kl-navi/"


def test_follow_needs_post(client, verified_citizen):
    client.force_login(verified_citizen)
    assert client.get("/konto/folgen/").status_code == 405


def test_project_page_stays_cheap_for_a_follower(client, verified_citizen, django_assert_max_num_queries):
    make_project(slug="kl-navi")
    client.force_login(verified_citizen)
    client.post("/konto/folgen/", {"topic": "projekt", "slug": "kl-navi"})
    with django_assert_max_num_queries(12):
        assert client.get("/projekte/kl-navi/").status_code == 200
