"""The database refuses or hangs: 503 with Retry-After in the portal's layout; cached pages keep serving."""

import pytest
from django.db import OperationalError, connection

from conftest import make_project

from .test_settings import PRODUCTION, manage

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    def refuse():
        raise OperationalError("could not connect to server: Connection refused")

    def break_it():
        monkeypatch.setattr(connection, "ensure_connection", refuse)

    return break_it


@pytest.mark.parametrize(
    ("language", "url", "heading"),
    [("de", "/projekte/", "Vorübergehend nicht erreichbar"), ("en", "/en/projekte/", "Temporarily unavailable")],
)
def test_pages_answer_503_with_retry_after_in_the_portals_layout(client, database_down, language, url, heading):
    database_down()
    response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert heading in html
    assert f'<html lang="{language}">' in html
    assert 'class="main-nav"' in html
    assert 'impressum/"' in html


def test_a_form_post_answers_503_and_says_it_was_not_saved(client, database_down):
    database_down()
    response = client.post("/abonnieren/", {"email": "press@example.org"})
    assert response.status_code == 503
    assert "wurde nicht gespeichert" in response.content.decode()


def test_the_api_answers_503_in_json(client, database_down):
    database_down()
    response = client.get("/api/v1/projects/", headers={"accept-language": "en"})
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {"detail": "Temporarily unavailable. Please try again later."}


def test_cached_pages_keep_serving_while_the_database_is_down(client, settings, database_down):
    settings.PAGE_CACHE_SECONDS = 300
    make_project(title_de="Handyparken")
    assert client.get("/projekte/handyparken/").status_code == 200
    database_down()
    response = client.get("/projekte/handyparken/")
    assert response.status_code == 200
    assert "Handyparken" in response.content.decode()
    assert client.get("/projekte/").status_code == 503  # never cached, so it needs the database


def database_options(**env):
    code = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    result = manage("shell", "-c", code, DATABASE_URL="postgres://portal@127.0.0.1:5432/portal", **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_gives_up_connecting_after_3_s_and_lets_statements_run_5_s():
    assert database_options(**PRODUCTION) == "{'connect_timeout': 3, 'options': '-c statement_timeout=5000'}"


def test_both_timeouts_come_from_the_environment():
    options = database_options(**PRODUCTION, DATABASE_CONNECT_TIMEOUT="5", DATABASE_STATEMENT_TIMEOUT_MS="800")
    assert options == "{'connect_timeout': 5, 'options': '-c statement_timeout=800'}"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own timeout")
def test_a_statement_the_server_cancels_is_the_error_that_answers_503():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 100")
        with pytest.raises(OperationalError, match="statement timeout"):
            cursor.execute("SELECT pg_sleep(1)")


def test_a_database_error_in_a_middleware_is_a_503_too(settings, database_down, editor):
    from django.test import Client

    settings.PORTAL_STAFF_REQUIRE_MFA = True  # its middleware asks the database before any view runs
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    database_down()
    response = client.get("/admin/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
