"""The "Daten herunterladen" block: the list's open data where people look for it, and every link works."""

import re

import pytest

from conftest import make_field, make_project

pytestmark = pytest.mark.django_db


def downloads(html):
    match = re.search(r'<section aria-labelledby="downloads".*?</section>', html, re.S)
    assert match, "no download block"
    block = match[0]
    assert '<h2 id="downloads">' in block
    return block, [link.replace("&amp;", "&") for link in re.findall(r'href="([^"]+)"', block)]


def test_project_list_offers_csv_feeds_calendar_and_api(client):
    make_project(title_de="Handyparken")
    block, links = downloads(client.get("/projekte/").content.decode())
    assert "Daten herunterladen" in block
    assert links == [
        "/api/v1/projects/?format=csv",
        "/api/v1/milestones/?format=csv",
        "/neuigkeiten/rss/",
        "/neuigkeiten/atom/",
        "/projekte/meilensteine.ics",
        "/api/v1/docs/",
    ]
    for link in links:
        assert client.get(link).status_code == 200, link


def test_field_page_offers_the_fields_own_files(client):
    field = make_field(name_de="Bildung", slug="bildung")
    make_project(title_de="Zentrales Schulnetz", field=field)
    make_project(title_de="Handyparken")
    _block, links = downloads(client.get("/handlungsfelder/bildung/").content.decode())
    assert links[:4] == [
        "/api/v1/projects/?field=bildung&format=csv",
        "/api/v1/milestones/?field=bildung&format=csv",
        "/neuigkeiten/handlungsfeld/bildung/rss/",
        "/neuigkeiten/handlungsfeld/bildung/atom/",
    ]
    csv = client.get(links[0]).content.decode("utf-8-sig")
    assert "zentrales-schulnetz" in csv and "handyparken" not in csv
    for link in links:
        assert client.get(link).status_code == 200, link


def test_every_download_link_names_its_format_and_has_an_accessible_name(client):
    make_project(title_de="Handyparken")
    block, _links = downloads(client.get("/projekte/").content.decode())
    for anchor in re.findall(r"<a [^>]*>.*?</a>", block, re.S):
        text = re.sub(r"<[^>]+>", "", anchor).strip()
        assert len(text) > 8, anchor
