import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from conftest import make_field, make_news, make_project
from news.models import LATEST_SHOWN, NewsItem, latest_about_project

pytestmark = pytest.mark.django_db


def html_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_news_list_shows_public_items_newest_first(client):
    now = timezone.now()
    make_news(title_de="Älter", published_at=now - datetime.timedelta(days=2))
    make_news(title_de="Neuer", published_at=now - datetime.timedelta(days=1))
    make_news(title_de="Entwurf", status="draft")
    make_news(title_de="Geplant", published_at=now + datetime.timedelta(days=1))
    html = html_of(client.get("/neuigkeiten/"))
    assert html.index("Neuer") < html.index("Älter")
    assert "Entwurf" not in html and "Geplant" not in html
    assert html.count("<h1") == 1
    assert '<link rel="alternate" type="application/rss+xml"' in html


def test_news_list_filters_by_kind_project_and_field(client):
    mobility = make_field(name_de="Verkehr", slug="verkehr")
    parking = make_project(title_de="Handyparken", field=mobility)
    safe = make_project(title_de="Bürgertresor")
    make_news(title_de="Parken per App wächst", projects=[parking], kind="progress_report")
    make_news(title_de="Tresor startet", projects=[safe], kind="press_release")
    make_news(title_de="Bürgerdialog", kind="announcement")

    assert "Tresor startet" in html_of(client.get("/neuigkeiten/", {"art": "press_release"}))
    html = html_of(client.get("/neuigkeiten/", {"projekt": "handyparken"}))
    assert "Parken per App wächst" in html and "Tresor startet" not in html
    html = html_of(client.get("/neuigkeiten/", {"handlungsfeld": "verkehr"}))
    assert "Parken per App wächst" in html and "Bürgerdialog" not in html


@pytest.mark.parametrize("params", [{"art": "gerücht"}, {"projekt": "nirgends"}, {"handlungsfeld": "x"}])
def test_news_list_answers_bad_filters_with_400(client, params):
    assert client.get("/neuigkeiten/", params).status_code == 400


def test_news_list_paginates(client):
    for n in range(14):
        make_news(title_de=f"Meldung {n:02}")
    assert 'href="?seite=2"' in html_of(client.get("/neuigkeiten/"))
    assert client.get("/neuigkeiten/", {"seite": 3}).status_code == 404


def test_news_item_links_its_projects(client):
    project = make_project(title_de="Handyparken")
    item = make_news(title_de="Parken per App", body_de="**Neu:** mehr Zonen<script>x()</script>", projects=[project])
    html = html_of(client.get(item.get_absolute_url()))
    assert "<h1>Parken per App</h1>" in html
    assert "<strong>Neu:</strong>" in html and "<script>x()" not in html
    assert f'href="{project.get_absolute_url()}">Handyparken</a>' in html


def test_drafts_and_scheduled_items_are_404_for_the_public(client, citizen):
    draft = make_news(status="draft")
    scheduled = make_news(title_de="Später", published_at=timezone.now() + datetime.timedelta(days=1))
    client.force_login(citizen)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404


def test_staff_preview_a_draft_marked_as_preview(client, editor):
    draft = make_news(status="draft")
    client.force_login(editor)
    assert "Vorschau:" in html_of(client.get(draft.get_absolute_url()))


def test_project_field_and_start_pages_list_their_news(client):
    field = make_field(name_de="Verkehr", slug="verkehr")
    project = make_project(title_de="Handyparken", field=field)
    make_news(title_de="Parken per App wächst", projects=[project])
    make_news(title_de="Anderes Thema")
    make_news(title_de="Noch geheim", status="draft", projects=[project])
    project_html = html_of(client.get(project.get_absolute_url()))
    assert "Parken per App wächst" in project_html and "Anderes Thema" not in project_html
    assert "Noch geheim" not in project_html
    assert 'href="/neuigkeiten/projekt/handyparken/rss/"' in project_html
    field_html = html_of(client.get(field.get_absolute_url()))
    assert "Parken per App wächst" in field_html and "Anderes Thema" not in field_html
    assert "Anderes Thema" in html_of(client.get("/"))


def test_list_and_detail_run_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    def build(n):
        projects = [make_project(title_de=f"P{n}-{i}") for i in range(3)]
        return [make_news(title_de=f"M{n}-{i}", projects=projects) for i in range(n)]

    items = build(2)
    with CaptureQueriesContext(connection) as small_list:
        client.get("/neuigkeiten/")
    with CaptureQueriesContext(connection) as small_detail:
        client.get(items[0].get_absolute_url())
    build(40)
    with django_assert_max_num_queries(len(small_list)):
        client.get("/neuigkeiten/")
    with django_assert_max_num_queries(len(small_detail)):
        client.get(items[0].get_absolute_url())


def test_news_list_pages_without_counting_every_item(client):
    for n in range(14):
        make_news(title_de=f"Meldung {n:02}")
    with CaptureQueriesContext(connection) as queries:
        first = html_of(client.get("/neuigkeiten/"))
    assert [q["sql"] for q in queries if "COUNT(" in q["sql"] and "news_newsitem" in q["sql"]] == []
    assert "Meldungen 1 bis 12" in first and 'href="?seite=2" rel="next"' in first
    second = html_of(client.get("/neuigkeiten/", {"seite": 2}))
    assert "Meldungen 13 bis 14" in second and 'rel="next"' not in second and 'href="?seite=1" rel="prev"' in second
    assert client.get("/neuigkeiten/", {"seite": "zwei"}).status_code == 404


def test_news_list_filters_by_year(client):
    now = timezone.now()
    last_year = now.replace(year=now.year - 1, day=min(now.day, 28))
    make_news(title_de="Neu in diesem Jahr", published_at=now - datetime.timedelta(minutes=5))
    make_news(title_de="Aus dem Vorjahr", published_at=last_year)
    html = html_of(client.get("/neuigkeiten/", {"jahr": last_year.year}))
    assert "Aus dem Vorjahr" in html and "Neu in diesem Jahr" not in html
    assert f'<option value="{now.year}">{now.year}</option>' in html
    assert client.get("/neuigkeiten/", {"jahr": now.year - 5}).status_code == 400


def test_the_years_to_choose_run_from_the_newest_item_to_the_first_without_reading_every_item(client):
    now = timezone.localtime()
    new_year = now.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    make_news(title_de="Neu", published_at=new_year + (now - new_year) / 2)  # this year, whatever the hour
    make_news(title_de="Alt", published_at=now.replace(year=now.year - 3, day=min(now.day, 28)))
    make_news(title_de="Später", published_at=now + datetime.timedelta(days=400))  # scheduled: not yet public
    with CaptureQueriesContext(connection) as queries:
        html = html_of(client.get("/neuigkeiten/"))
    years = re.findall(r'<option value="(\d{4})"', html)
    assert years == [str(now.year - n) for n in range(4)]
    assert not any("date_trunc" in q["sql"].lower() for q in queries)  # PostgreSQL's, or SQLite's django_date_trunc


def test_news_list_offers_only_the_chosen_fields_projects(client):
    mobility = make_field(name_de="Verkehr", slug="verkehr")
    make_project(title_de="Handyparken", field=mobility)
    make_project(title_de="Bürgertresor", slug="buergertresor")
    html = html_of(client.get("/neuigkeiten/"))
    assert 'value="handyparken"' not in html and 'value="buergertresor"' not in html
    assert "Zur Auswahl stehen die Projekte des gewählten Handlungsfelds." in html
    html = html_of(client.get("/neuigkeiten/", {"handlungsfeld": "verkehr"}))
    assert '<option value="handyparken">Handyparken</option>' in html and 'value="buergertresor"' not in html
    # A link from a project page names the project alone; it is offered, chosen.
    html = html_of(client.get("/neuigkeiten/", {"projekt": "buergertresor"}))
    assert '<option value="buergertresor" selected>Bürgertresor</option>' in html


def test_news_list_shows_the_items_picture_or_its_fields_drawing(client):
    project = make_project(title_de="Handyparken", field=make_field(name_de="Verkehr", slug="verkehr-mobilitaet"))
    make_news(title_de="Parken per App", projects=[project])
    make_news(title_de="Allgemein")
    html = html_of(client.get("/neuigkeiten/"))
    assert '<img src="/static/img/illustrations/verkehr-mobilitaet.svg" alt=""' in html
    assert '<img src="/static/img/illustrations/programme.svg" alt=""' in html


def test_news_cards_read_neither_bodies_nor_the_search_index(client):
    project = make_project(title_de="Handyparken")
    make_news(title_de="Parken per App", body_de="Ein langer Text. " * 200, projects=[project])
    for path in ("/neuigkeiten/", project.get_absolute_url()):
        with CaptureQueriesContext(connection) as queries:
            assert "Parken per App" in html_of(client.get(path))
        selects = [q["sql"].split(" FROM ")[0] for q in queries if 'FROM "news_newsitem"' in q["sql"]]
        assert selects, path
        assert not any('"news_newsitem"."body' in s or "search_vector" in s for s in selects), selects


def test_a_project_pages_news_are_the_newest_public_ones_with_their_published_projects(client, time_machine):
    time_machine.move_to(datetime.datetime(2027, 5, 3, 9, tzinfo=datetime.UTC), tick=False)
    project = make_project(title_de="Handyparken", title_en="Mobile parking")
    other = make_project(title_de="Ampeln")
    hidden = make_project(title_de="Entwurfsprojekt", is_published=False)
    now = timezone.now()
    for n in range(6):
        make_news(
            title_de=f"Meldung {n}", projects=[project, other, hidden], published_at=now - datetime.timedelta(days=n)
        )
    make_news(title_de="Morgen", projects=[project], published_at=now + datetime.timedelta(days=1))
    expected = list(NewsItem.objects.public(now).for_project(project).for_cards()[:LATEST_SHOWN])

    items = latest_about_project(project.pk, now)
    assert [item.title for item in items] == ["Meldung 0", "Meldung 1", "Meldung 2", "Meldung 3", "Meldung 4"]
    assert [[p.title for p in item.public_projects] for item in items] == [
        [p.title for p in item.public_projects] for item in expected
    ]
    assert [p.title for p in items[0].public_projects] == ["Ampeln", "Handyparken"]
    with translation.override("en"):
        english = [p.title for p in latest_about_project(project.pk, now)[0].public_projects]
        expected = list(NewsItem.objects.public(now).for_project(project).for_cards()[:1])
        assert english == [p.title for p in expected[0].public_projects] and "Mobile parking" in english
    assert "Morgen" not in html_of(client.get(project.get_absolute_url()))

    time_machine.shift(datetime.timedelta(days=2))
    assert "Morgen" in html_of(client.get(project.get_absolute_url()))
