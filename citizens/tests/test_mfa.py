"""PORTAL_STAFF_REQUIRE_MFA: staff need an authenticator app before they may use the admin."""

import pytest
from allauth.mfa.models import Authenticator

pytestmark = pytest.mark.django_db


def activate_totp(user):
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "unused-in-this-test"})


def test_without_the_setting_staff_use_the_admin_as_before(client, editor, settings):
    settings.PORTAL_STAFF_REQUIRE_MFA = False
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_with_the_setting_staff_without_totp_are_sent_to_set_it_up(client, editor, settings):
    settings.PORTAL_STAFF_REQUIRE_MFA = True
    client.force_login(editor)
    response = client.get("/admin/projects/project/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/2fa/totp/activate/"
    assert client.get("/konto/").status_code == 200  # the rest of the site stays open


def test_with_the_setting_staff_with_totp_use_the_admin(client, editor, settings):
    settings.PORTAL_STAFF_REQUIRE_MFA = True
    activate_totp(editor)
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_the_setting_does_not_concern_citizens(client, citizen, settings):
    settings.PORTAL_STAFF_REQUIRE_MFA = True
    client.force_login(citizen)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=%2Fadmin%2F"


def test_the_totp_setup_page_renders_in_the_portal_layout(client, editor, settings):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    client.force_login(editor)
    response = client.get("/konto/2fa/totp/activate/", follow=True)
    assert response.status_code == 200
    assert 'aria-label="Hauptnavigation"' in response.content.decode()


# Previews of unpublished content


@pytest.fixture
def drafts():
    from conftest import make_news, make_project

    return {
        "project": make_project(title_de="Geheimes Projekt", is_published=False),
        "news": make_news(title_de="Geheime Meldung", status="draft"),
    }


@pytest.mark.parametrize("kind", ["project", "news"])
def test_with_the_setting_staff_without_totp_cannot_preview_drafts(client, editor, settings, drafts, kind):
    settings.PORTAL_STAFF_REQUIRE_MFA = True
    client.force_login(editor)
    response = client.get(drafts[kind].get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == "/konto/2fa/totp/activate/"


@pytest.mark.parametrize("kind", ["project", "news"])
def test_with_the_setting_staff_with_totp_preview_drafts(client, editor, settings, drafts, kind):
    settings.PORTAL_STAFF_REQUIRE_MFA = True
    activate_totp(editor)
    client.force_login(editor)
    response = client.get(drafts[kind].get_absolute_url())
    assert response.status_code == 200
    assert "Geheim" in response.content.decode()


def test_with_the_setting_staff_without_totp_still_see_published_pages(client, editor, settings, drafts):
    from conftest import make_project

    settings.PORTAL_STAFF_REQUIRE_MFA = True
    client.force_login(editor)
    assert client.get(make_project(title_de="Öffentlich").get_absolute_url()).status_code == 200


@pytest.mark.parametrize("kind", ["project", "news"])
def test_citizens_still_get_404_for_drafts(client, citizen, settings, drafts, kind):
    settings.PORTAL_STAFF_REQUIRE_MFA = True
    client.force_login(citizen)
    assert client.get(drafts[kind].get_absolute_url()).status_code == 404
