import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import make_field, make_milestone, make_project
from projects.models import Project
from projects.services import milestone_save, project_save, project_update_progress

pytestmark = pytest.mark.django_db


def html_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def assert_page_basics(html, title):
    assert html.count("<h1") == 1
    assert re.search(rf"<title>{re.escape(title)} – ", html)
    assert '<meta name="description" content="' in html
    assert '<meta property="og:title" content="' in html


# Start page


@time_machine.travel(datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC), tick=False)
def test_start_page_shows_the_programme_in_numbers(client):
    field = make_field(name_de="Verkehr", slug="verkehr")
    make_project(
        title_de="Handyparken",
        field=field,
        progress=100,
        status="completed",
        start_date=datetime.date(2018, 4, 1),
        actual_end_date=datetime.date(2021, 3, 31),
        budget=100000,
    )
    running = make_project(title_de="KL Navi", field=field, progress=50, status="in_progress", budget=323896)
    make_project(title_de="Entwurf", field=field, progress=0, is_published=False, budget=999999)
    make_milestone(running, title_de="Öffentlicher Test", due_date=datetime.date(2026, 12, 10))
    make_milestone(running, title_de="Vergessene Abnahme", due_date=datetime.date(2026, 11, 1))
    make_milestone(running, title_de="Alte Sache", due_date=datetime.date(2025, 1, 1))

    html = html_of(client.get("/"))
    assert "<dt>Veröffentlichte Projekte</dt><dd>2</dd>" in html
    assert "<dt>Durchschnittlicher Fortschritt</dt><dd>75 %</dd>" in html
    assert "<dt>Budget insgesamt</dt><dd>423.896\N{NO-BREAK SPACE}€</dd>" in html
    assert re.search(
        r'href="/projekte/\?status=completed"[^>]*>.*?Umgesetzt: <span class="status-counts__count">1<', html, re.S
    )
    assert 'href="/handlungsfelder/verkehr/">Verkehr</a>' in html
    assert "Öffentlicher Test" in html
    assert "Vergessene Abnahme" in html
    assert "Alte Sache" not in html  # overdue for longer than 90 days
    assert "Entwurf" not in html


@time_machine.travel(datetime.datetime(2026, 11, 18, 12, tzinfo=datetime.UTC), tick=False)
def test_start_page_figures_follow_each_edit_at_once(client):
    field = make_field(name_de="Verkehr", slug="verkehr")
    running = make_project(
        title_de="KL Navi",
        field=field,
        status="in_progress",
        start_date=datetime.date(2025, 1, 1),
        planned_end_date=datetime.date(2026, 11, 10),
        budget=1000,
    )
    reached = make_milestone(running, title_de="Abnahme", due_date=datetime.date(2026, 11, 10))
    make_milestone(running, title_de="Probebetrieb", due_date=datetime.date(2026, 11, 20))
    html = html_of(client.get("/"))
    assert '<td data-label="Meilensteine">1 überfällig, 1 anstehend</td>' in html
    assert '?status=verspaetet">1<span class="visually-hidden"> Projekte anzeigen' in html

    reached.completed_on = datetime.date(2026, 11, 17)
    milestone_save(milestone=reached)
    running.planned_end_date = datetime.date(2026, 12, 31)
    project_save(project=running, reason="Lieferverzug")
    html = html_of(client.get("/"))
    assert '<td data-label="Meilensteine">1 erreicht, 1 anstehend</td>' in html
    assert "<dt>Verzögert</dt><dd>0</dd>" in html

    running.is_published = False
    project_save(project=running)
    html = html_of(client.get("/"))
    assert "<dt>Veröffentlichte Projekte</dt><dd>0</dd>" in html
    assert "erreicht, 1 anstehend" not in html and "Probebetrieb" not in html


# Project list


def test_project_list_shows_only_published_projects_as_cards(client):
    make_project(title_de="Handyparken", progress=35)
    make_project(title_de="Geheimer Entwurf", is_published=False)
    html = html_of(client.get("/projekte/"))
    assert_page_basics(html, "Projekte")
    assert "Handyparken" in html
    assert "Geheimer Entwurf" not in html
    assert '<progress class="progress__bar" max="100" value="35"' in html
    assert "1 Projekt gefunden" in html


def test_project_list_filters_by_field_and_status_and_keeps_them_in_links(client):
    mobility = make_field(name_de="Verkehr", slug="verkehr")
    make_project(title_de="Handyparken", field=mobility, status="in_progress")
    make_project(title_de="KL Navi", field=mobility, status="planned")
    make_project(title_de="Bürgertresor", status="in_progress")
    for n in range(13):
        make_project(title_de=f"Sensor {n:02}", field=mobility, status="in_progress")

    html = html_of(client.get("/projekte/", {"handlungsfeld": "verkehr", "status": "in_progress"}))
    assert "14 Projekte gefunden" in html
    assert "KL Navi" not in html and "Bürgertresor" not in html
    assert 'href="?handlungsfeld=verkehr&amp;status=in_progress&amp;seite=2"' in html

    page_two = html_of(client.get("/projekte/", {"handlungsfeld": "verkehr", "status": "in_progress", "seite": 2}))
    assert "Sensor 12" in page_two and "Handyparken" not in page_two


def test_project_list_counts_matches_only_up_to_a_bound_and_pages_without_a_count(client, monkeypatch):
    monkeypatch.setattr("projects.views.COUNT_LIMIT", 3)
    monkeypatch.setattr("projects.views.PAGE_SIZE", 2)
    for n in range(5):
        make_project(title_de=f"Sensor {n}")
    html = html_of(client.get("/projekte/"))
    assert "Mehr als 3 Projekte gefunden" in html
    assert "More than 3 projects found" in html_of(client.get("/en/projekte/"))
    assert '<span aria-current="page">Seite 1</span>' in html
    assert 'href="?seite=2" rel="next"' in html and 'rel="prev"' not in html

    last = html_of(client.get("/projekte/", {"seite": 3}))
    assert "Sensor 4" in last and 'href="?seite=2" rel="prev"' in last and 'rel="next"' not in last
    assert client.get("/projekte/", {"seite": 4}).status_code == 404


def test_project_list_searches_titles_and_texts_in_both_languages(client):
    make_project(title_de="Handyparken", summary_de="Parkschein per App.")
    make_project(title_de="Bürgertresor", title_en="Citizen safe")
    html = html_of(client.get("/projekte/", {"q": "parkschein"}))
    assert "Handyparken" in html and "Bürgertresor" not in html
    assert "Bürgertresor" in html_of(client.get("/projekte/", {"q": "citizen"}))


def test_project_list_sorts_by_progress(client):
    make_project(title_de="Anfang", progress=10)
    make_project(title_de="Fast fertig", progress=90)
    html = html_of(client.get("/projekte/", {"sortierung": "fortschritt"}))
    assert html.index("Fast fertig") < html.index("Anfang")


@pytest.mark.parametrize(
    "params", [{"status": "erfunden"}, {"handlungsfeld": "gibt-es-nicht"}, {"sortierung": "zufall"}, {"q": "x" * 101}]
)
def test_project_list_answers_bad_filters_with_400_and_a_message(client, params):
    response = client.get("/projekte/", params)
    assert response.status_code == 400
    assert "mindestens eine Angabe ist ungültig" in response.content.decode()


@pytest.mark.parametrize("page", ["99", "0", "abc"])
def test_project_list_page_out_of_range_is_404(client, page):
    make_project()
    assert client.get("/projekte/", {"seite": page}).status_code == 404


# Project page


def test_project_page_shows_key_facts_milestones_and_history(client):
    project = make_project(
        title_de="Fauthweg",
        start_date=datetime.date(2019, 8, 12),
        planned_end_date=datetime.date(2023, 3, 31),
        budget=250000,
        funding_source="Land Rheinland-Pfalz",
        partners="ICE Gateway GmbH\nSWK Stadtwerke",
        contact_email="smartcity@kaiserslautern.example",
        description_de="## Ziel\n\nLicht **nach Bedarf**.<script>alert(1)</script>",
    )
    make_milestone(
        project, title_de="Lampen montiert", due_date=datetime.date(2019, 8, 1), completed_on=datetime.date(2019, 8, 10)
    )
    make_milestone(project, title_de="Auswertung", due_date=datetime.date(2020, 1, 1))
    make_milestone(project, title_de="Ausbau", due_date=datetime.date(2099, 1, 1))
    project_update_progress(project=project, progress=40, status="in_progress")

    html = html_of(client.get(project.get_absolute_url()))
    assert_page_basics(html, "Fauthweg")
    assert "250.000\N{NO-BREAK SPACE}€" in html and "Land Rheinland-Pfalz" in html
    assert "<li>ICE Gateway GmbH</li><li>SWK Stadtwerke</li>" in html
    assert 'href="mailto:smartcity@kaiserslautern.example"' in html
    assert "<strong>nach Bedarf</strong>" in html
    assert "<script>alert" not in html
    # States are written out, not only coloured.
    assert '<li class="milestone--done">' in html and ">erreicht</span>" in html
    assert '<li class="milestone--overdue">' in html and ">überfällig</span>" in html
    assert '<li class="milestone--upcoming">' in html and ">anstehend</span>" in html
    assert '<svg viewBox="0 0 600 220" role="img"' in html
    assert "<td>40 %</td>" in html


def test_draft_project_is_hidden_from_the_public(client, citizen):
    project = make_project(is_published=False)
    assert client.get(project.get_absolute_url()).status_code == 404
    client.force_login(citizen)
    assert client.get(project.get_absolute_url()).status_code == 404


def test_staff_can_preview_a_draft_marked_as_preview(client, editor):
    project = make_project(is_published=False)
    client.force_login(editor)
    html = html_of(client.get(project.get_absolute_url()))
    assert "Vorschau:" in html


def test_unknown_project_is_404(client):
    assert client.get("/projekte/gibt-es-nicht/").status_code == 404


def test_project_page_in_english_falls_back_to_german_where_no_translation_exists(client):
    project = make_project(title_de="Handyparken", title_en="Mobile parking", summary_de="Nur auf Deutsch.")
    html = html_of(client.get("/en" + project.get_absolute_url()))
    assert "<h1>Mobile parking</h1>" in html
    assert "Nur auf Deutsch." in html
    assert "Key facts" in html


# Field of action


def test_field_page_lists_its_published_projects_and_overall_progress(client):
    field = make_field(name_de="Bildung", slug="bildung")
    make_project(title_de="Schulnetz", field=field, progress=60)
    make_project(title_de="Kita-Internet", field=field, progress=20)
    make_project(title_de="Entwurf", field=field, progress=100, is_published=False)
    make_project(title_de="Anderes Feld", progress=0)
    html = html_of(client.get("/handlungsfelder/bildung/"))
    assert_page_basics(html, "Bildung")
    assert "<dd>40 %</dd>" in html
    assert "Schulnetz" in html and "Kita-Internet" in html
    assert "Entwurf" not in html and "Anderes Feld" not in html


def test_unknown_field_is_404(client):
    assert client.get("/handlungsfelder/nirgends/").status_code == 404


def test_navigation_marks_the_current_section(client):
    make_project()
    html = html_of(client.get("/projekte/"))
    assert '<a href="/projekte/" aria-current="page">Projekte</a>' in html
    assert '<a href="/" aria-current' not in html


def test_project_status_values_are_the_filter_values(client):
    assert [value for value, _label in Project.Status.choices] == [
        "planned", "in_progress", "completed", "paused", "stopped"
    ]  # fmt: skip


def test_project_pages_leave_out_the_search_index_that_only_sql_reads(client):
    project = make_project(title_de="Handyparken")
    with CaptureQueriesContext(connection) as queries:
        client.get(project.get_absolute_url())
        client.get("/projekte/")
    selects = [q["sql"].split(" FROM ")[0] for q in queries if 'FROM "projects_project"' in q["sql"]]
    assert selects and not any("search_vector" in s for s in selects)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans of PostgreSQL")
@pytest.mark.parametrize("language", ["de", "en"])
def test_the_lists_default_order_comes_from_an_index_in_each_language(client, language):
    """At 2,000 projects, sorting every row for the first page took most of the list's time."""
    make_project(title_de="Handyparken")
    prefix = "" if language == "de" else "/en"
    with CaptureQueriesContext(connection) as queries:
        client.get(f"{prefix}/projekte/")
    page = next(q["sql"] for q in queries if q["sql"].startswith('SELECT "projects_project"."id"'))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN (FORMAT JSON) {page}")
        plan = cursor.fetchone()[0][0]["Plan"]

    def nodes(node):  # the page's own plan, without the latest-reason subqueries
        yield node
        for child in node.get("Plans", []):
            if child.get("Parent Relationship") != "SubPlan":
                yield from nodes(child)

    kinds = [(node["Node Type"], node.get("Index Name")) for node in nodes(plan)]
    assert ("Index Scan", f"project_public_title_{language}") in kinds, kinds
    assert "Sort" not in {kind for kind, _index in kinds}, kinds


def test_saving_a_project_read_without_its_search_index_loads_nothing_more():
    from projects.services import project_save

    project = Project.objects.get(pk=make_project(title_de="Handyparken").pk)
    project.title_de = "Handyparken in der Innenstadt"
    with CaptureQueriesContext(connection) as queries:
        project_save(project=project)
    assert not any("search_vector" in q["sql"].split(" FROM ")[0] for q in queries if q["sql"].startswith("SELECT"))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans of PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_the_start_pages_figures_per_status_and_field_read_one_index_and_no_table(client):
    """At 2,000 projects, reading the table's 500 pages of long texts took most of these two queries' time. Enough
    rows with long texts, vacuumed as autovacuum would (outside a transaction), make the planner choose as at scale."""
    field = make_field()
    Project.objects.bulk_create(
        Project(
            title_de=f"Sensor {n}", slug=f"sensor-{n}", summary_de="Messen.", description_de="Lang. " * 200,
            responsible_office="Referat", field=field, is_published=True, budget=1000 + n,
        )
        for n in range(400)
    )  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    figures = [
        q["sql"]
        for q in queries
        if q["sql"].startswith('SELECT "projects_project"."status" AS "status"')
        or q["sql"].startswith('SELECT "projects_fieldofaction"."id"')
    ]
    assert len(figures) == 2, [q["sql"][:80] for q in queries]
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE projects_project")
        for sql in figures:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
            plan = cursor.fetchone()[0][0]["Plan"]
            scans, todo = [], [plan]
            while todo:
                node = todo.pop()
                todo.extend(node.get("Plans", []))
                if node.get("Relation Name") == "projects_project":
                    scans.append((node["Node Type"], node.get("Index Name")))
            assert scans == [("Index Only Scan", "project_programme_figures")], (sql, scans)
