"""Each language has its own addresses: German at /…, English at /en/…, linked by hreflang and the switch."""

import re
import xml.etree.ElementTree as ET

import pytest

from conftest import make_field, make_news, make_project
from kaiserslautern_portal.models import LegalPage

pytestmark = pytest.mark.django_db
SITE = "https://digital.kaiserslautern.example"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def content():
    field = make_field(name_de="Verkehr", name_en="Mobility", slug="verkehr")
    project = make_project(title_de="Handyparken", title_en="Mobile parking", slug="handyparken", field=field)
    make_news(title_de="Parken per App", title_en="Parking by app", slug="parken-per-app", projects=[project])
    LegalPage.objects.create(kind="impressum", title_de="Impressum", title_en="Legal notice", body_de="Text")


PUBLIC_PAGES = [
    "/",
    "/projekte/",
    "/projekte/?status=in_progress",
    "/projekte/handyparken/",
    "/handlungsfelder/verkehr/",
    "/neuigkeiten/",
    "/neuigkeiten/parken-per-app/",
    "/suche/?q=Wasserstoff",  # without hits: English search with hits is i12-defects' fix
    "/impressum/",
    "/abonnieren/",
    "/konto/login/",
]


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_exists_in_both_languages_and_names_both_with_hreflang(client, content, path):
    german = client.get(path)
    english = client.get(f"/en{path}")
    assert (german.status_code, english.status_code) == (200, 200)
    assert '<html lang="de">' in german.content.decode()
    assert '<html lang="en">' in english.content.decode()
    expected = {"de": f"{SITE}{path}", "en": f"{SITE}/en{path}", "x-default": f"{SITE}{path}"}
    assert alternates(german.content.decode()) == expected
    assert alternates(english.content.decode()) == expected


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_language_switch_leads_to_the_same_page_in_the_other_language(client, content, path):
    german = client.get(path).content.decode()
    english = client.get(f"/en{path}").content.decode()
    escaped = path.replace("&", "&amp;")
    assert f'<a href="/en{escaped}" lang="en" hreflang="en">English</a>' in german
    assert f'<a href="{escaped}" lang="de" hreflang="de">Deutsch</a>' in english


def test_english_pages_link_to_english_pages(client, content):
    html = client.get("/en/projekte/handyparken/").content.decode()
    assert 'href="/en/handlungsfelder/verkehr/"' in html
    assert 'href="/en/neuigkeiten/parken-per-app/"' in html
    assert 'href="/en/impressum/"' in html
    assert 'class="brand" href="/en/"' in html
    assert 'action="/en/suche/"' in html


def test_german_prefix_redirects_permanently_to_the_one_german_address(client, content):
    response = client.get("/de/projekte/handyparken/", {"x": "1"})
    assert (response.status_code, response["Location"]) == (301, "/projekte/handyparken/?x=1")


@pytest.mark.parametrize("path", ["/de//evil.example/", "/de/\\evil.example/"])
def test_german_prefix_redirect_never_leads_to_another_host(client, path):
    assert client.get(path)["Location"] == "/"


def test_the_address_decides_the_language_not_the_browser(client, content):
    client.cookies["django_language"] = "en"
    html = client.get("/projekte/", headers={"accept-language": "en"}).content.decode()
    assert '<html lang="de">' in html and "Handyparken" in html
    html = client.get("/en/projekte/", headers={"accept-language": "de"}).content.decode()
    assert '<html lang="en">' in html and "Mobile parking" in html


def test_unknown_page_in_english_is_404_in_english_without_alternates(client):
    response = client.get("/en/gibt-es-nicht/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="en">' in html
    assert alternates(html) == {}
    assert '<a href="/" lang="de" hreflang="de">Deutsch</a>' in html


def test_api_keeps_one_address_and_negotiates_the_language(client, content):
    english = client.get("/api/v1/projects/", headers={"accept-language": "en"})
    german = client.get("/api/v1/projects/")
    assert english["Content-Language"] == "en" and german["Content-Language"] == "de"
    assert "Mobile parking" in english.content.decode() and "Handyparken" in german.content.decode()
    assert client.get("/en/api/v1/projects/").status_code == 404


def test_health_probes_and_admin_are_not_language_prefixed(client, editor):
    assert client.get("/healthz").status_code == 200
    assert client.get("/en/healthz").status_code == 404
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert "Editorial Office" in client.get("/admin/", headers={"accept-language": "en"}).content.decode()


def test_anonymous_visitors_are_sent_to_log_in_in_their_language(client):
    assert client.get("/konto/")["Location"] == "/konto/login/?next=/konto/"
    assert client.get("/en/konto/")["Location"] == "/en/konto/login/?next=/en/konto/"


def test_sitemap_lists_every_page_in_both_languages_with_alternates(client, content):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {url.find("s:loc", ns).text: url for url in root.findall("s:url", ns)}
    for path in ["/", "/projekte/", "/projekte/handyparken/", "/handlungsfelder/verkehr/", "/impressum/"]:
        for loc in (f"{SITE}{path}", f"{SITE}/en{path}"):
            links = {link.get("hreflang"): link.get("href") for link in urls[loc].findall("x:link", ns)}
            assert links == {"de": f"{SITE}{path}", "en": f"{SITE}/en{path}", "x-default": f"{SITE}{path}"}
    assert f"{SITE}/en/neuigkeiten/parken-per-app/" in urls


def test_english_feed_lives_at_an_english_address_and_links_english_pages(client, content):
    channel = ET.fromstring(client.get("/en/neuigkeiten/rss/").content).find("channel")
    assert channel.find("language").text == "en"
    assert channel.find("link").text == f"{SITE}/en/neuigkeiten/"
    assert channel.find("item/link").text == f"{SITE}/en/neuigkeiten/parken-per-app/"
    german = ET.fromstring(client.get("/neuigkeiten/rss/").content).find("channel")
    assert german.find("language").text == "de"
    assert german.find("item/link").text == f"{SITE}/neuigkeiten/parken-per-app/"


def test_pages_link_the_feed_in_their_own_language(client, content):
    html = client.get("/en/projekte/handyparken/").content.decode()
    assert 'href="/en/neuigkeiten/projekt/handyparken/rss/"' in html


def test_page_cache_keeps_each_language_apart(client, content, settings):
    settings.PAGE_CACHE_SECONDS = 300
    assert "Mobile parking" in client.get("/en/projekte/").content.decode()
    client.cookies["django_language"] = "en"
    html = client.get("/projekte/", headers={"accept-language": "en"}).content.decode()
    assert "Handyparken" in html and "Mobile parking" not in html
    assert "Mobile parking" in client.get("/en/projekte/").content.decode()


def test_robots_txt_keeps_accounts_out_of_search_in_both_languages(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /konto/" in body and "Disallow: /en/konto/" in body


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_main_navigation_marks_only_the_current_section_in_both_languages(client, content, prefix):
    html = client.get(f"{prefix}/projekte/").content.decode()
    assert html.count('aria-current="page"') == 1
    assert f'<a href="{prefix}/projekte/" aria-current="page">' in html


def test_cached_api_answers_each_client_in_its_negotiated_language(client, content, settings):
    settings.PAGE_CACHE_SECONDS = 300
    for _ in range(2):
        assert "Handyparken" in client.get("/api/v1/projects/").content.decode()
        english = client.get("/api/v1/projects/", headers={"accept-language": "en"})
        assert english["Content-Language"] == "en"
        assert "Mobile parking" in english.content.decode()
