"""The "Beispielwerte" marker follows sample figures everywhere they appear, and only there."""

import csv
import datetime
import io

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from conftest import make_field, make_milestone, make_project

pytestmark = pytest.mark.django_db

MARKER = "Beispielwerte"


def page(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


@pytest.fixture
def sample_and_real():
    field = make_field(name_de="Bildung", slug="bildung")
    sample = make_project(title_de="Zentrales Schulnetz", field=field, sample_values=True, progress=60, budget=900)
    real = make_project(title_de="Handyparken", field=field, progress=100, budget=100)
    return sample, real


def test_start_page_totals_say_how_many_projects_hold_sample_values(client, sample_and_real):
    html = page(client, "/")
    assert "<strong>Beispielwerte:</strong> 1 von 2 Projekten ist Demo-Inhalt." in html


def test_start_page_totals_carry_no_marker_without_sample_values(client):
    make_project(title_de="Handyparken")
    assert MARKER not in page(client, "/")


def test_field_page_totals_and_cards_mark_sample_values(client, sample_and_real):
    html = page(client, "/handlungsfelder/bildung/")
    assert "1 von 2 Projekten ist Demo-Inhalt" in html
    assert html.count('class="badge badge--sample"') == 1


def test_project_list_marks_only_the_cards_with_sample_values(client, sample_and_real):
    html = page(client, "/projekte/")
    cards = html.split('<li class="card">')[1:]
    assert {("Zentrales Schulnetz" in card, MARKER in card) for card in cards} == {(True, True), (False, False)}


def test_project_page_says_its_figures_are_sample_values(client, sample_and_real):
    sample, real = sample_and_real
    assert "Kennzahlen dieses Projekts sind Demo-Inhalt" in page(client, sample.get_absolute_url())
    assert MARKER not in page(client, real.get_absolute_url())


def test_milestone_lists_on_the_start_page_mark_sample_projects(client, sample_and_real):
    sample, _real = sample_and_real
    make_milestone(sample, title_de="Grundschulen", due_date=timezone.localdate() + datetime.timedelta(days=5))
    html = page(client, "/")
    (item,) = [line for line in html.split("<li>") if "Grundschulen" in line]
    assert MARKER in item


def test_project_csv_and_json_carry_a_sample_values_column(client, sample_and_real):
    response = client.get("/api/v1/projects/?format=csv")
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))}
    assert rows["zentrales-schulnetz"]["sample_values"] == "True"
    assert rows["handyparken"]["sample_values"] == "False"
    data = client.get("/api/v1/projects/").json()
    flags = {project["slug"]: project["sample_values"] for project in data["results"]}
    assert flags == {"zentrales-schulnetz": True, "handyparken": False}


def test_milestone_csv_and_field_api_carry_the_marker(client, sample_and_real):
    sample, real = sample_and_real
    make_milestone(sample, title_de="Grundschulen")
    make_milestone(real, title_de="Start")
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/milestones/?format=csv").content.decode("utf-8-sig"))))
    assert {row["title"]: row["sample_values"] for row in rows} == {"Grundschulen": "True", "Start": "False"}
    assert client.get("/api/v1/fields-of-action/bildung/").json()["sample_project_count"] == 1


def test_api_root_counts_the_published_records_with_sample_values(client, sample_and_real):
    make_project(title_de="Entwurf mit Beispielwerten", sample_values=True, is_published=False)
    root = client.get("/api/v1/").json()
    assert root["sample_values"]["projects"] == 1
    assert root["sample_values"]["news"] == 0
    assert root["sample_values"]["note"].startswith(MARKER)


def test_milestone_calendar_marks_sample_projects(client, sample_and_real):
    sample, real = sample_and_real
    make_milestone(sample, title_de="Grundschulen", due_date=timezone.localdate() + datetime.timedelta(days=5))
    make_milestone(real, title_de="Start", due_date=timezone.localdate() + datetime.timedelta(days=6))
    ics = client.get("/projekte/meilensteine.ics").content.decode().replace("\r\n ", "")
    grundschulen, start = ics.split("BEGIN:VEVENT")[1:]
    assert MARKER in grundschulen and MARKER not in start


def test_the_marker_reads_in_english_on_english_pages_and_in_the_api(client, sample_and_real):
    with translation.override("en"):
        badge = render_to_string("includes/_sample_values.html", {"sample": True})
        note = render_to_string("includes/_sample_note.html", {"count": 2, "total": 5})
    assert "Sample values" in badge and MARKER not in badge
    assert "2 of 5 projects are demo content" in note
    root = client.get("/api/v1/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert root["sample_values"]["note"].startswith("Sample values")
