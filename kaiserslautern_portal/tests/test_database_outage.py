"""The database refuses or hangs: 503 with Retry-After in the portal's layout; cached pages keep serving."""

import pytest
from django.db import OperationalError, connection

from conftest import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    def refuse():
        raise OperationalError("could not connect to server: Connection refused")

    def break_it():
        monkeypatch.setattr(connection, "ensure_connection", refuse)

    return break_it


@pytest.mark.parametrize(
    ("language", "heading"), [("de", "Vorübergehend nicht erreichbar"), ("en", "Temporarily unavailable")]
)
def test_pages_answer_503_with_retry_after_in_the_portals_layout(client, database_down, language, heading):
    database_down()
    response = client.get("/projekte/", headers={"accept-language": language})
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert heading in html
    assert f'<html lang="{language}">' in html
    assert 'class="main-nav"' in html
    assert 'href="/impressum/"' in html


def test_a_form_post_answers_503_and_says_it_was_not_saved(client, database_down):
    database_down()
    response = client.post("/abonnieren/", {"email": "press@example.org"})
    assert response.status_code == 503
    assert "wurde nicht gespeichert" in response.content.decode()


def test_cached_pages_keep_serving_while_the_database_is_down(client, settings, database_down):
    settings.PAGE_CACHE_SECONDS = 300
    make_project(title_de="Handyparken")
    assert client.get("/projekte/handyparken/").status_code == 200
    database_down()
    response = client.get("/projekte/handyparken/")
    assert response.status_code == 200
    assert "Handyparken" in response.content.decode()
    assert client.get("/projekte/").status_code == 503  # never cached, so it needs the database
