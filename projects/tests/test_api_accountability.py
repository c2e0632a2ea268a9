"""Accountability in the open data API: plan against actual, money, freshness, date changes and outcome indicators."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from conftest import make_field, make_milestone, make_project
from projects.models import DateChange, Indicator, IndicatorValue
from projects.tests.test_api import csv_rows, data_of
from projects.tests.test_queries import build, build_accountability

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)
travel = time_machine.travel(NOW, tick=False)


def day(month, dd, year=2026):
    return datetime.date(year, month, dd)


@pytest.fixture
def accountable():
    """A late project with moved dates, money spent and two indicators; a draft with an indicator of its own."""
    field = make_field(name_de="Verwaltung", slug="verwaltung")
    navi = make_project(
        title_de="KL Navi", slug="kl-navi", field=field, status="in_progress", budget=Decimal("100000"),
        baseline_end_date=day(6, 30), planned_end_date=day(8, 16), spent=Decimal("41250.50"), spent_as_of=day(10, 31),
        update_interval_days=30, last_update=day(10, 1),
    )  # fmt: skip
    test = make_milestone(
        navi, title_de="Öffentlicher Test", title_en="Public test", baseline_due_date=day(9, 1), due_date=day(9, 15)
    )
    removed = make_milestone(navi, title_de="Gestrichen", due_date=day(5, 1))
    DateChange.objects.create(
        project=navi, kind="end", old_date=day(6, 30), new_date=day(8, 16), reason="Lieferengpass.",
        changed_at=datetime.datetime(2026, 5, 2, 9, tzinfo=datetime.UTC),
    )  # fmt: skip
    DateChange.objects.create(
        project=navi, kind="milestone", milestone=test, old_date=day(9, 1), new_date=day(9, 15), reason="Urlaub.",
        changed_at=datetime.datetime(2026, 7, 1, 9, tzinfo=datetime.UTC),
    )  # fmt: skip
    DateChange.objects.create(
        project=navi, kind="milestone", milestone=removed, old_date=day(4, 1), new_date=day(5, 1), reason="Später.",
        changed_at=datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC),
    )  # fmt: skip
    removed.delete()
    users = Indicator.objects.create(
        project=navi, name_de="Nutzerinnen und Nutzer", name_en="Users", unit="people", baseline_value=0,
        baseline_date=day(1, 1), target_value=5000, target_date=day(12, 31), order=1,
    )  # fmt: skip
    IndicatorValue.objects.create(indicator=users, date=day(6, 1), value=1200, note="nach dem Start")
    IndicatorValue.objects.create(indicator=users, date=day(3, 1), value=300)
    share = Indicator.objects.create(
        project=navi, name_de="Anteil online", unit="percent", baseline_value=Decimal("12.5"), baseline_date=day(1, 1),
        target_value=80, target_date=day(12, 31), order=2,
    )  # fmt: skip
    IndicatorValue.objects.create(indicator=share, date=day(9, 1), value=Decimal("31.25"))
    Indicator.objects.create(
        project=navi, name_de="Noch nicht gemessen", unit="count", baseline_value=0, baseline_date=day(1, 1),
        target_value=10, target_date=day(12, 31), order=3,
    )  # fmt: skip
    draft = make_project(title_de="Entwurf", slug="entwurf", field=field, is_published=False)
    secret = Indicator.objects.create(
        project=draft, name_de="Geheim", unit="count", baseline_value=0, baseline_date=day(1, 1), target_value=1,
        target_date=day(12, 31),
    )  # fmt: skip
    IndicatorValue.objects.create(indicator=secret, date=day(2, 1), value=1)
    return navi


# Projects


@travel
def test_project_detail_shows_plan_against_actual_money_and_freshness(client, accountable):
    data = data_of(client.get("/api/v1/projects/kl-navi/"))
    assert data["baseline_end_date"] == "2026-06-30" and data["planned_end_date"] == "2026-08-16"
    # Planned for 16 August, still open on 25 November: late by at least the days since the original 30 June.
    assert data["slip_days"] == 148
    assert data["budget"] == 100000 and data["spent"] == 41250.5 and data["spent_as_of"] == "2026-10-31"
    assert data["last_update"] == "2026-10-01" and data["next_update_due"] == "2026-10-31"
    assert data["update_overdue"] is True


@travel
def test_project_detail_lists_date_changes_newest_first_with_their_milestone(client, accountable):
    changes = data_of(client.get("/api/v1/projects/kl-navi/"))["date_changes"]
    assert [(c["kind"], c["milestone_title"], c["old_date"], c["new_date"], c["reason"]) for c in changes] == [
        ("milestone", "Öffentlicher Test", "2026-09-01", "2026-09-15", "Urlaub."),
        ("end", None, "2026-06-30", "2026-08-16", "Lieferengpass."),
        ("milestone", None, "2026-04-01", "2026-05-01", "Später."),  # the milestone was deleted since
    ]
    assert changes[0]["shift_days"] == 14
    assert changes[0]["changed_at"] == "2026-07-01T11:00:00+02:00"


@travel
def test_project_detail_has_indicators_with_their_series_oldest_first(client, accountable):
    indicators = data_of(client.get("/api/v1/projects/kl-navi/"))["indicators"]
    assert [i["name"] for i in indicators] == ["Nutzerinnen und Nutzer", "Anteil online", "Noch nicht gemessen"]
    users = indicators[0]
    assert users["unit"] == "people" and users["unit_label"] == "Personen"
    assert (users["baseline_value"], users["baseline_date"]) == (0, "2026-01-01")
    assert (users["target_value"], users["target_date"]) == (5000, "2026-12-31")
    assert users["values"] == [
        {"date": "2026-03-01", "value": 300, "note": ""},
        {"date": "2026-06-01", "value": 1200, "note": "nach dem Start"},
    ]
    assert indicators[1]["baseline_value"] == 12.5 and indicators[1]["values"][0]["value"] == 31.25
    assert indicators[2]["values"] == []


@travel
def test_milestones_show_their_original_due_date_and_slip(client, accountable):
    milestone = data_of(client.get("/api/v1/projects/kl-navi/"))["milestones"][0]
    # Moved by 14 days and still open 71 days after the new date: 85 days after the original one.
    assert (milestone["baseline_due_date"], milestone["due_date"], milestone["slip_days"]) == (
        "2026-09-01", "2026-09-15", 85
    )  # fmt: skip
    listed = data_of(client.get("/api/v1/milestones/", {"project": "kl-navi"}))["results"][0]
    assert (listed["baseline_due_date"], listed["slip_days"]) == ("2026-09-01", 85)


@travel
def test_project_list_and_csv_carry_the_scalar_accountability_fields(client, accountable):
    navi = data_of(client.get("/api/v1/projects/"))["results"][0]
    assert (navi["baseline_end_date"], navi["slip_days"], navi["update_overdue"]) == ("2026-06-30", 148, True)
    assert (navi["spent"], navi["next_update_due"]) == (41250.5, "2026-10-31")
    assert "date_changes" not in navi and "indicators" not in navi
    row = csv_rows(client.get("/api/v1/projects/", {"format": "csv"}))[0]
    assert (row["baseline_end_date"], row["slip_days"], row["update_overdue"], row["spent"]) == (
        "2026-06-30", "148", "True", "41250.50"
    )  # fmt: skip


@travel
def test_a_finished_project_is_never_overdue_and_has_no_next_update(client, accountable):
    make_project(
        title_de="Handyparken", slug="handyparken", status="completed", progress=100, actual_end_date=day(3, 31),
        last_update=day(1, 1, year=2024),
    )  # fmt: skip
    data = data_of(client.get("/api/v1/projects/handyparken/"))
    assert (data["update_overdue"], data["next_update_due"], data["slip_days"]) == (False, None, None)


@travel
def test_accountability_is_served_in_english_where_translated(client, accountable):
    data = data_of(client.get("/api/v1/projects/kl-navi/", HTTP_ACCEPT_LANGUAGE="en"))
    assert data["date_changes"][0]["milestone_title"] == "Public test"
    assert [i["name"] for i in data["indicators"]][:2] == ["Users", "Anteil online"]


# Indicators


@travel
def test_indicator_list_shows_indicators_of_published_projects_with_their_project(client, accountable):
    data = data_of(client.get("/api/v1/indicators/"))
    assert [i["name"] for i in data["results"]] == ["Nutzerinnen und Nutzer", "Anteil online", "Noch nicht gemessen"]
    first = data["results"][0]
    assert first["project"] == {
        "slug": "kl-navi",
        "title": "KL Navi",
        "url": "http://testserver/api/v1/projects/kl-navi/",
        "html_url": "http://testserver/projekte/kl-navi/",
    }
    assert [v["value"] for v in first["values"]] == [300, 1200]


def test_indicator_list_filters_by_published_project(client, accountable):
    other = make_project(title_de="Bürgertresor", slug="buergertresor")
    Indicator.objects.create(
        project=other, name_de="Tresore", baseline_value=0, baseline_date=day(1, 1), target_value=9,
        target_date=day(12, 31),
    )  # fmt: skip
    assert [i["name"] for i in data_of(client.get("/api/v1/indicators/", {"project": "buergertresor"}))["results"]] == [
        "Tresore"
    ]
    assert list(data_of(client.get("/api/v1/indicators/", {"project": "entwurf"}), 400)) == ["project"]
    assert list(data_of(client.get("/api/v1/indicators/", {"format": "csv", "project": "entwurf"}), 400)) == ["project"]


@travel
def test_indicator_csv_has_one_row_per_measured_value(client, accountable):
    response = client.get("/api/v1/indicators/", {"format": "csv", "page_size": 1})
    assert response["Content-Disposition"] == 'attachment; filename="indikatoren.csv"'
    header = response.content.decode("utf-8-sig").splitlines()[0]
    assert header.split(",") == [
        "project_slug", "indicator_id", "indicator_name", "unit", "date", "value", "note", "baseline_value",
        "baseline_date", "target_value", "target_date",
    ]  # fmt: skip
    rows = csv_rows(response)
    assert [(r["project_slug"], r["indicator_name"], r["unit"], r["date"], r["value"]) for r in rows] == [
        ("kl-navi", "Nutzerinnen und Nutzer", "people", "2026-03-01", "300.00"),
        ("kl-navi", "Nutzerinnen und Nutzer", "people", "2026-06-01", "1200.00"),
        ("kl-navi", "Anteil online", "percent", "2026-09-01", "31.25"),
    ]  # the draft's values and the indicator without values have no row
    assert (rows[1]["note"], rows[1]["baseline_value"], rows[1]["target_value"], rows[1]["target_date"]) == (
        "nach dem Start", "0.00", "5000.00", "2026-12-31"
    )  # fmt: skip


def test_indicator_csv_follows_the_project_filter(client, accountable):
    assert csv_rows(client.get("/api/v1/indicators/", {"format": "csv", "project": "kl-navi"}))
    other = make_project(title_de="Bürgertresor", slug="buergertresor")
    assert csv_rows(client.get("/api/v1/indicators/", {"format": "csv", "project": other.slug})) == []


def test_unchanged_indicators_get_304(client, accountable):
    etag = client.get("/api/v1/indicators/")["ETag"]
    assert client.get("/api/v1/indicators/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    IndicatorValue.objects.create(indicator=accountable.indicators.first(), date=day(10, 1), value=2000)
    assert client.get("/api/v1/indicators/", HTTP_IF_NONE_MATCH=etag).status_code == 200


# Query counts


@pytest.mark.parametrize(
    ("url", "most"),
    [
        ("/api/v1/projects/", 2),
        ("/api/v1/projects/?format=csv", 1),
        # field, milestones, progress history, date changes, indicators, their values
        ("/api/v1/projects/p-feld-0-1/", 6),
        ("/api/v1/indicators/", 3),
        ("/api/v1/indicators/?project=p-feld-0-1", 4),
        ("/api/v1/indicators/?format=csv", 1),
        ("/api/v1/indicators/?format=csv&project=p-feld-1-2", 2),
    ],
)
def test_accountability_endpoints_run_a_fixed_number_of_queries(client, url, most, django_assert_max_num_queries):
    build(projects_per_field=30, fields=2)
    build_accountability()
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200
