import pytest

from kaiserslautern_portal.models import LegalPage

pytestmark = pytest.mark.django_db


def test_base_page_is_german_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "Zum Inhalt springen" in html
    assert 'aria-label="Hauptnavigation"' in html
    assert '<main id="main"' in html


def test_english_page_is_english_at_its_own_address(client):
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html
    assert 'aria-label="Main navigation"' in html


def test_german_address_stays_german_whatever_the_browser_or_cookie_prefers(client):
    client.cookies["django_language"] = "en"
    html = client.get("/", headers={"accept-language": "en-US,en;q=0.9"}).content.decode()
    assert '<html lang="de">' in html


def test_old_language_switch_links_lead_to_the_page_in_that_language(client):
    response = client.get("/sprache/en/", {"next": "/impressum/?x=1"})
    assert response.status_code == 302
    assert response["Location"] == "/en/impressum/?x=1"
    assert response.cookies["django_language"].value == "en"

    assert client.get("/sprache/de/", {"next": "/en/projekte/"})["Location"] == "/projekte/"


def test_language_switch_links_point_to_the_current_page_in_the_other_language(client):
    html = client.get("/projekte/?seite=1").content.decode()
    assert '<a href="/en/projekte/?seite=1" lang="en" hreflang="en">English</a>' in html
    html = client.get("/en/projekte/?seite=1").content.decode()
    assert '<a href="/projekte/?seite=1" lang="de" hreflang="de">Deutsch</a>' in html


def test_language_switch_links_keep_only_what_the_page_reads(client):
    html = client.get("/?seite=2").content.decode()
    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in html


def test_language_switch_never_redirects_to_another_host(client):
    response = client.get("/sprache/en/", {"next": "https://evil.example/"})
    assert response["Location"] == "/en/"


def test_unknown_language_is_not_found(client):
    assert client.get("/sprache/fr/").status_code == 404


def test_footer_links_the_legal_pages(client):
    html = client.get("/").content.decode()
    for url in ("/impressum/", "/datenschutz/", "/barrierefreiheit/", "/leichte-sprache/"):
        assert f'href="{url}"' in html


def test_legal_page_renders_sanitized_markdown_in_both_languages(client):
    LegalPage.objects.create(
        kind="impressum",
        title_de="Impressum",
        title_en="Legal notice",
        body_de="## Anbieter\n\nStadt Kaiserslautern<script>alert(1)</script>",
    )
    html = client.get("/impressum/").content.decode()
    assert "<h1>Impressum</h1>" in html
    assert "<h2>Anbieter</h2>" in html
    assert "<script>alert" not in html

    html = client.get("/en/impressum/").content.decode()
    assert "<h1>Legal notice</h1>" in html
    assert "Stadt Kaiserslautern" in html  # body falls back to German


def test_missing_legal_page_is_404_with_the_portals_error_page(client):
    response = client.get("/datenschutz/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_security_headers_are_sent(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
