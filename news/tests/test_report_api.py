import csv
import io

import pytest
import time_machine
import yaml

from news.api import REPORT_TABLES
from news.services import report_publish
from news.tests.report_history import AFTER_Q3, build_history, make_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    with time_machine.travel(AFTER_Q3, tick=False):
        build_history()
        return report_publish(report=make_report())


def rows(response):
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_report_list_gives_published_reports_with_their_links(client, report):
    make_report(slug="entwurf")
    data = client.get("/api/v1/reports/").json()
    assert data["count"] == 1
    item = data["results"][0]
    assert item["slug"] == "2026-q3" and item["period_end"] == "2026-09-30"
    assert item["html_url"] == "http://testserver/berichte/2026-q3/"
    assert item["csv_url"] == "http://testserver/api/v1/reports/2026-q3/csv/"


def test_report_detail_gives_the_frozen_snapshot_as_json(client, report):
    data = client.get("/api/v1/reports/2026-q3/").json()
    assert data["snapshot"] == report.snapshot
    assert data["snapshot"]["programme"]["average_progress"] == 55.0
    assert data["foreword_html"] == "<p>Ein <strong>gutes</strong> Quartal.</p>"
    assert data["errata"] == []


def test_a_draft_report_is_not_in_the_api(client, report):
    make_report(slug="entwurf")
    assert client.get("/api/v1/reports/entwurf/").status_code == 404
    assert client.get("/api/v1/reports/entwurf/csv/").status_code == 404


def test_report_tables_come_as_csv(client, report):
    projects = rows(client.get("/api/v1/reports/2026-q3/csv/"))
    assert [row["slug"] for row in projects] == ["alpha", "beta", "delta", "epsilon", "gamma"]
    beta = projects[1]
    assert (beta["status"], beta["planned_end"], beta["slip_days"], beta["late"], beta["spent"]) == (
        "paused", "2026-11-30", "90", "True", "",
    )  # fmt: skip
    changes = rows(client.get("/api/v1/reports/2026-q3/csv/?table=date_changes"))
    assert [(row["project_slug"], row["milestone_title_de"], row["reason"]) for row in changes] == [
        ("epsilon", "Testlauf", "Personalmangel"),
        ("beta", "", "Lieferverzug beim Dienstleister"),
    ]
    fields = rows(client.get("/api/v1/reports/2026-q3/csv/?table=fields"))
    assert [(row["slug"], row["projects"], row["by_status_paused"], row["period_started"]) for row in fields] == [
        ("verwaltung", "2", "1", "1"),
        ("mobilitat", "3", "0", "0"),
    ]
    response = client.get("/api/v1/reports/2026-q3/csv/?table=news")
    assert 'filename="programmbericht-2026-q3-news.csv"' in response["Content-Disposition"]
    assert [row["title_de"] for row in rows(response)] == ["Alpha kommt voran", "Gamma ist fertig"]


def test_unknown_table_is_refused_with_a_message(client, report):
    response = client.get("/api/v1/reports/2026-q3/csv/?table=geheim")
    assert response.status_code == 400
    assert "projects, fields" in response.json()["table"][0]


def test_schema_documents_the_reports_and_their_csv(client):
    schema = yaml.safe_load(client.get("/api/v1/schema/").content)
    assert {"/api/v1/reports/", "/api/v1/reports/{slug}/", "/api/v1/reports/{slug}/csv/"} <= set(schema["paths"])
    csv_operation = schema["paths"]["/api/v1/reports/{slug}/csv/"]["get"]
    table = next(parameter for parameter in csv_operation["parameters"] if parameter["name"] == "table")
    assert set(table["schema"]["enum"]) == set(REPORT_TABLES) >= {"projects", "fields", "date_changes", "indicators"}
    assert csv_operation["responses"]["200"]["content"] == {"text/csv": {"schema": {"type": "string"}}}
    assert {"400", "404"} <= set(csv_operation["responses"])
    detail = schema["components"]["schemas"]["ProgrammeReportDetail"]["properties"]
    assert "snapshot" in detail and "errata" in detail
    assert client.get("/api/v1/").json()["endpoints"]["reports"] == "http://testserver/api/v1/reports/"
