import datetime
import xml.etree.ElementTree as ET

import icalendar
import pytest
import time_machine
from django.utils import timezone

from conftest import make_field, make_milestone, make_news, make_project
from kaiserslautern_portal.lib.identity.current import site_identity

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://digital.kaiserslautern.example"


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, [(item.findtext("title"), item.findtext("link")) for item in channel.findall("item")]


def test_rss_feed_lists_public_news_with_absolute_links(client):
    item = make_news(title_de="Parken per App wächst")
    make_news(title_de="Entwurf", status="draft")
    make_news(title_de="Geplant", published_at=timezone.now() + datetime.timedelta(hours=1))
    channel, items = rss_items(client, "/neuigkeiten/rss/")
    assert channel.findtext("link") == "https://digital.kaiserslautern.example/neuigkeiten/"
    assert items == [("Parken per App wächst", f"https://digital.kaiserslautern.example{item.get_absolute_url()}")]


def test_atom_feed_parses_and_has_the_same_items(client):
    make_news(title_de="Parken per App wächst")
    response = client.get("/neuigkeiten/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Parken per App wächst"]
    assert entries[0].find(f"{ATOM}link").get("href").startswith("https://digital.kaiserslautern.example/")


def test_project_and_field_feeds_contain_only_their_news(client):
    field = make_field(name_de="Verkehr", slug="verkehr")
    project = make_project(title_de="Handyparken", field=field)
    make_news(title_de="Parken", projects=[project])
    make_news(title_de="Anderes")
    assert [t for t, _ in rss_items(client, "/neuigkeiten/projekt/handyparken/rss/")[1]] == ["Parken"]
    assert [t for t, _ in rss_items(client, "/neuigkeiten/handlungsfeld/verkehr/rss/")[1]] == ["Parken"]
    feed = ET.fromstring(client.get("/neuigkeiten/handlungsfeld/verkehr/atom/").content)
    assert len(feed.findall(f"{ATOM}entry")) == 1


def test_feeds_of_unpublished_projects_do_not_exist(client):
    make_project(title_de="Geheim", is_published=False)
    assert client.get("/neuigkeiten/projekt/geheim/rss/").status_code == 404


def test_english_feed_at_its_english_address_uses_english_titles_and_links(client, settings):
    settings.SITE_URL = "http://testserver"
    make_news(title_de="Parken per App", title_en="Parking by app")
    item = ET.fromstring(client.get("/en/neuigkeiten/rss/").content).find("channel/item")
    assert item.find("title").text == "Parking by app"
    assert item.find("link").text == "http://testserver/en/neuigkeiten/parken-per-app/"


def test_start_project_and_field_pages_name_their_feeds_in_the_head_in_both_languages(client):
    field = make_field(name_de="Verkehr", name_en="Mobility", slug="verkehr")
    project = make_project(title_de="Handyparken", title_en="Parking by phone", field=field)
    head = client.get(project.get_absolute_url()).content.decode().split("</head>")[0]
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Neuigkeiten zu Handyparken (RSS)" '
        'href="/neuigkeiten/projekt/handyparken/rss/">'
    ) in head
    assert 'title="Neuigkeiten zu Handyparken (Atom)" href="/neuigkeiten/projekt/handyparken/atom/"' in head
    head = client.get(f"/en{field.get_absolute_url()}").content.decode().split("</head>")[0]
    assert (
        'title="News in the field of action Mobility (RSS)" href="/en/neuigkeiten/handlungsfeld/verkehr/rss/"' in head
    )
    assert (
        'title="News in the field of action Mobility (Atom)" href="/en/neuigkeiten/handlungsfeld/verkehr/atom/"' in head
    )
    head = client.get("/").content.decode().split("</head>")[0]
    assert 'title="Neuigkeiten (RSS)" href="/neuigkeiten/rss/"' in head
    assert 'title="Neuigkeiten (Atom)" href="/neuigkeiten/atom/"' in head


def test_calendar_lists_upcoming_milestones_of_published_projects(client):
    project = make_project(title_de="KL Navi")
    today = timezone.localdate()
    make_milestone(project, title_de="Öffentlicher Test", due_date=today + datetime.timedelta(days=10))
    make_milestone(project, title_de="Erledigt", due_date=today + datetime.timedelta(days=5), completed_on=today)
    make_milestone(project, title_de="Vorbei", due_date=today - datetime.timedelta(days=5))
    make_milestone(make_project(title_de="Geheim", is_published=False), due_date=today + datetime.timedelta(days=3))

    for url in ("/projekte/meilensteine.ics", "/projekte/kl-navi/meilensteine.ics"):
        response = client.get(url)
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        calendar = icalendar.Calendar.from_ical(response.content)
        events = calendar.walk("VEVENT")
        assert [str(event["summary"]) for event in events] == ["KL Navi: Öffentlicher Test"]
        assert events[0]["dtstart"].dt == today + datetime.timedelta(days=10)
        assert str(events[0]["url"]) == "https://digital.kaiserslautern.example/projekte/kl-navi/"
    assert client.get("/projekte/geheim/meilensteine.ics").status_code == 404


def test_sitemap_lists_public_pages_only(client):
    make_project(title_de="Handyparken")
    make_project(title_de="Geheim", is_published=False)
    make_news(title_de="Öffentlich")
    make_news(title_de="Entwurf", status="draft")
    response = client.get("/sitemap.xml")
    locations = [
        loc.text for loc in ET.fromstring(response.content).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert "https://digital.kaiserslautern.example/projekte/handyparken/" in locations
    assert "https://digital.kaiserslautern.example/neuigkeiten/offentlich/" in locations
    assert "https://digital.kaiserslautern.example/projekte/" in locations
    assert not [loc for loc in locations if "geheim" in loc or "entwurf" in loc]


def test_robots_txt_points_to_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://digital.kaiserslautern.example/sitemap.xml" in body
    assert "Disallow: /admin/" in body


MOMENT = datetime.datetime(2026, 5, 4, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def reported():
    """A sample-values progress report on two projects, one of them without an English title."""
    with time_machine.travel(MOMENT, tick=False):
        field = make_field(name_de="Bildung", slug="bildung")
        schulnetz = make_project(title_de="Zentrales Schulnetz", title_en="Central School Network", field=field)
        tresor = make_project(title_de="Bürgertresor")
        return make_news(
            title_de="Schulnetz: Zwischenstand", title_en="School network: progress", slug="schulnetz-zwischenstand",
            teaser_de="60 Prozent sind umgesetzt.", teaser_en="60 percent are done.", author_de="Schulamt",
            author_en="School office", sample_values=True, projects=[schulnetz, tresor], published_at=MOMENT,
        )  # fmt: skip


def test_an_rss_item_carries_title_link_teaser_author_dates_and_categories(client, reported):
    _channel, items = rss_items(client, "/neuigkeiten/rss/")
    item = ET.fromstring(client.get("/neuigkeiten/rss/").content).find("channel/item")
    link = "https://digital.kaiserslautern.example/neuigkeiten/schulnetz-zwischenstand/"
    assert items == [("Schulnetz: Zwischenstand", link)]
    assert item.findtext("guid") == link and item.find("guid").get("isPermaLink") is None
    assert (
        item.findtext("description")
        == "60 Prozent sind umgesetzt. (Beispielwerte: Demo-Inhalt, keine amtlichen Angaben.)"
    )
    assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Schulamt"
    assert item.findtext("pubDate") == "Mon, 04 May 2026 09:00:00 +0000"
    assert [c.text for c in item.findall("category")] == [
        "Fortschrittsbericht", "Beispielwerte", "Bürgertresor", "Zentrales Schulnetz"
    ]  # fmt: skip


def test_an_english_atom_entry_is_in_english_where_translated_and_in_german_elsewhere(client, reported):
    feed = ET.fromstring(client.get("/en/neuigkeiten/atom/").content)
    assert feed.findtext(f"{ATOM}subtitle").startswith("Progress reports, press releases")
    (entry,) = feed.findall(f"{ATOM}entry")
    link = "https://digital.kaiserslautern.example/en/neuigkeiten/schulnetz-zwischenstand/"
    assert entry.findtext(f"{ATOM}title") == "School network: progress"
    assert entry.find(f"{ATOM}link").get("href") == link and entry.findtext(f"{ATOM}id") == link
    assert (
        entry.findtext(f"{ATOM}summary") == "60 percent are done. (Sample values: demo content, not official figures.)"
    )
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "School office"
    assert entry.findtext(f"{ATOM}published") == "2026-05-04T09:00:00+00:00"
    assert entry.findtext(f"{ATOM}updated") == "2026-05-04T09:00:00+00:00"
    kind, marker, *projects = [c.get("term") for c in entry.findall(f"{ATOM}category")]
    # The projects by English title; where there is none, the database decides where it goes.
    assert (kind, marker, sorted(projects)) == (
        "Progress report",
        "Sample values",
        ["Bürgertresor", "Central School Network"],
    )


def test_feeds_of_thirty_items_run_as_few_queries_as_feeds_of_one(client, reported, django_assert_max_num_queries):
    site_identity()  # read once per process, not per feed
    urls = ["/neuigkeiten/rss/", "/en/neuigkeiten/atom/", "/neuigkeiten/handlungsfeld/bildung/rss/"]

    def items(url):
        with django_assert_max_num_queries(3):
            response = client.get(url)
        feed = ET.fromstring(response.content)
        return len(feed.findall("channel/item") + feed.findall(f"{ATOM}entry"))

    assert [items(url) for url in urls] == [1, 1, 1]
    field = reported.projects.get(title_de="Zentrales Schulnetz").field
    for n in range(35):
        make_news(title_de=f"Meldung {n}", projects=[make_project(title_de=f"Projekt {n}", field=field)])
    assert [items(url) for url in urls] == [30, 30, 30]


@pytest.mark.parametrize("url", ["/neuigkeiten/rss/", "/neuigkeiten/atom/", "/neuigkeiten/projekt/handyparken/rss/"])
def test_a_feed_reader_asking_if_modified_since_gets_a_304(client, url):
    project = make_project(title_de="Handyparken")
    make_news(title_de="Parken", projects=[project])
    last_modified = client.get(url)["Last-Modified"]
    assert client.get(url, headers={"if-modified-since": last_modified}).status_code == 304
