import csv
import datetime
import io
import re

import pytest
import time_machine
from django.conf import settings
from django.contrib.staticfiles import finders
from rest_framework.throttling import AnonRateThrottle

from conftest import make_field, make_milestone, make_project
from projects.models import ProgressEntry
from projects.tests.test_queries import build

pytestmark = pytest.mark.django_db

TODAY = datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)
LICENCE = "Datenlizenz Deutschland – Namensnennung – 2.0"


def data_of(response, status=200):
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


def slugs(response):
    return [item["slug"] for item in data_of(response)["results"]]


def csv_rows(response):
    assert response.status_code == 200, response.content[:500]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


@pytest.fixture
def programme():
    """Two fields, three published projects and a draft, with milestones and history, all written on TODAY."""
    with time_machine.travel(TODAY, tick=False):
        return _programme()


def _programme():
    verkehr = make_field(name_de="Verkehr", name_en="Mobility", slug="verkehr", order=1)
    verwaltung = make_field(name_de="Verwaltung", name_en="Administration", slug="verwaltung", order=2)
    navi = make_project(
        title_de="KL Navi", title_en="KL Navi app", slug="kl-navi", field=verkehr, status="in_progress", progress=50,
        summary_de="Wegweiser durch die Stadt.", summary_en="A guide through the city.", budget=323896,
    )  # fmt: skip
    parken = make_project(
        title_de="Handyparken", slug="handyparken", field=verkehr, status="completed", progress=100,
        start_date=datetime.date(2018, 4, 1), actual_end_date=datetime.date(2021, 3, 31),
    )  # fmt: skip
    tresor = make_project(title_de="Bürgertresor", slug="buergertresor", field=verwaltung, progress=10)
    draft = make_project(title_de="Geheimer Entwurf", slug="entwurf", field=verwaltung, is_published=False)
    make_milestone(navi, title_de="Öffentlicher Test", title_en="Public test", due_date=datetime.date(2026, 12, 10))
    make_milestone(navi, title_de="Vergessene Abnahme", due_date=datetime.date(2026, 11, 1))
    make_milestone(parken, title_de="Start", due_date=datetime.date(2019, 1, 1), completed_on=datetime.date(2019, 2, 1))
    make_milestone(draft, title_de="Geheimer Meilenstein", due_date=datetime.date(2026, 12, 1))
    ProgressEntry.objects.create(project=navi, progress=20, status="in_progress", recorded_at=TODAY.replace(year=2025))
    ProgressEntry.objects.create(project=navi, progress=50, status="in_progress", recorded_at=TODAY)
    return {"navi": navi, "parken": parken, "tresor": tresor, "draft": draft}


# Root, schema, docs


def test_api_root_states_the_licence_and_links_every_endpoint(client):
    data = data_of(client.get("/api/v1/"))
    assert data["licence"] == {
        "name": LICENCE,
        "url": "https://www.govdata.de/dl-de/by-2-0",
    }
    assert data["endpoints"] == {
        "fields_of_action": "http://testserver/api/v1/fields-of-action/",
        "projects": "http://testserver/api/v1/projects/",
        "milestones": "http://testserver/api/v1/milestones/",
        "indicators": "http://testserver/api/v1/indicators/",
        "news": "http://testserver/api/v1/news/",
        "reports": "http://testserver/api/v1/reports/",
    }
    assert data["schema"] == "http://testserver/api/v1/schema/"
    assert data["docs"] == "http://testserver/api/v1/docs/"


def test_schema_is_openapi_3_with_the_data_licence(client):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["license"]["name"] == LICENCE
    assert {"/api/v1/projects/", "/api/v1/projects/{slug}/", "/api/v1/milestones/"} <= set(schema["paths"])
    assert "400" in schema["paths"]["/api/v1/projects/"]["get"]["responses"]


def test_docs_load_everything_from_this_site_without_inline_code(client):
    response = client.get("/api/v1/docs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "swagger-ui" in html
    addresses = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert addresses and all(a.startswith("/") and not a.startswith("//") for a in addresses), addresses
    assert not re.search(r"https?://", html)
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.DOTALL)
    assert scripts and all("src=" in attributes and not body.strip() for attributes, body in scripts)
    assert "<style" not in html and "style=" not in html
    script = client.get(next(a for a in addresses if "script" in a).replace("&amp;", "&"))
    assert script.status_code == 200 and script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in script.content.decode()
    bundle = next(a for a in addresses if a.endswith("swagger-ui-bundle.js"))
    assert finders.find(bundle.removeprefix(settings.STATIC_URL))


def test_unknown_api_address_answers_404_in_json(client):
    assert data_of(client.get("/api/v1/nichts/da/"), 404) == {"detail": "Nicht gefunden."}


# Fields of action


def test_field_list_counts_only_published_projects(client, programme):
    data = data_of(client.get("/api/v1/fields-of-action/"))
    assert data["count"] == 2
    verkehr, verwaltung = data["results"]
    assert verkehr["slug"] == "verkehr" and verkehr["project_count"] == 2 and verkehr["average_progress"] == 75
    assert verwaltung["project_count"] == 1  # the draft does not count
    assert verkehr["url"] == "http://testserver/api/v1/fields-of-action/verkehr/"
    assert verkehr["html_url"] == "http://testserver/handlungsfelder/verkehr/"
    assert verkehr["projects_url"] == "http://testserver/api/v1/projects/?field=verkehr"


def test_field_detail_is_found_by_slug(client, programme):
    data = data_of(client.get("/api/v1/fields-of-action/verkehr/"))
    assert data["name"] == "Verkehr" and data["project_count"] == 2
    assert data_of(client.get("/api/v1/fields-of-action/gibt-es-nicht/"), 404) == {"detail": "Nicht gefunden."}


# Projects


def test_project_list_shows_only_published_projects_by_title(client, programme):
    response = client.get("/api/v1/projects/")
    assert slugs(response) == ["buergertresor", "handyparken", "kl-navi"]
    navi = response.json()["results"][2]
    assert navi["url"] == "http://testserver/api/v1/projects/kl-navi/"
    assert navi["html_url"] == "http://testserver/projekte/kl-navi/"
    assert navi["field"] == {
        "slug": "verkehr",
        "name": "Verkehr",
        "url": "http://testserver/api/v1/fields-of-action/verkehr/",
    }
    assert navi["status"] == "in_progress" and navi["status_label"] == "in Arbeit"
    assert navi["budget"] == 323896


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"field": "verkehr"}, ["handyparken", "kl-navi"]),
        ({"status": "completed"}, ["handyparken"]),
        ({"q": "wegweiser"}, ["kl-navi"]),
        ({"q": "Entwurf"}, []),
        ({"field": "verwaltung", "status": "planned"}, ["buergertresor"]),
        ({"ordering": "-progress"}, ["handyparken", "kl-navi", "buergertresor"]),
        ({"ordering": "-title"}, ["kl-navi", "handyparken", "buergertresor"]),
    ],
)
def test_project_list_filters_and_orders_like_the_project_page(client, programme, query, expected):
    assert slugs(client.get("/api/v1/projects/", query)) == expected


def test_project_list_filters_by_time_of_last_change(client, programme):
    with time_machine.travel(TODAY + datetime.timedelta(days=1), tick=False):
        programme["tresor"].save()
    since = TODAY + datetime.timedelta(hours=1)
    assert slugs(client.get("/api/v1/projects/", {"updated_since": since.isoformat()})) == ["buergertresor"]
    # Offsets that Python accepts but PostgreSQL would not.
    far_west = since.astimezone(datetime.timezone(-datetime.timedelta(hours=20, minutes=15)))
    assert slugs(client.get("/api/v1/projects/", {"updated_since": far_west.isoformat()})) == ["buergertresor"]


def test_project_detail_has_milestones_and_progress_history(client, programme):
    data = data_of(client.get("/api/v1/projects/kl-navi/"))
    assert data["title"] == "KL Navi"
    assert [m["title"] for m in data["milestones"]] == ["Vergessene Abnahme", "Öffentlicher Test"]
    assert [e["progress"] for e in data["progress_history"]] == [20, 50]
    assert data["field"]["slug"] == "verkehr"


def test_draft_project_is_hidden_from_the_api(client, programme):
    assert data_of(client.get("/api/v1/projects/entwurf/"), 404) == {"detail": "Nicht gefunden."}
    assert "entwurf" not in slugs(client.get("/api/v1/projects/", {"page_size": 100}))


def test_english_is_served_where_translated_with_german_as_fallback(client, programme):
    response = client.get("/api/v1/projects/", HTTP_ACCEPT_LANGUAGE="en")
    titles = [p["title"] for p in data_of(response)["results"]]
    assert titles == ["Bürgertresor", "Handyparken", "KL Navi app"]
    assert response["Content-Language"] == "en"
    assert "Accept-Language" in response["Vary"]
    navi = data_of(client.get("/api/v1/projects/kl-navi/", HTTP_ACCEPT_LANGUAGE="en"))
    assert navi["summary"] == "A guide through the city."
    assert navi["status_label"] == "in progress"
    assert navi["milestones"][1]["title"] == "Public test"
    assert navi["milestones"][0]["title"] == "Vergessene Abnahme"


# Milestones


@time_machine.travel(TODAY, tick=False)
def test_milestones_of_drafts_are_hidden_and_ordered_by_due_date(client, programme):
    response = client.get("/api/v1/milestones/")
    data = data_of(response)
    assert [m["title"] for m in data["results"]] == ["Start", "Vergessene Abnahme", "Öffentlicher Test"]
    first = data["results"][0]
    assert first["state"] == "done"
    assert first["project"]["url"] == "http://testserver/api/v1/projects/handyparken/"
    assert first["html_url"] == "http://testserver/projekte/handyparken/#milestones"


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"project": "kl-navi"}, ["Vergessene Abnahme", "Öffentlicher Test"]),
        ({"field": "verwaltung"}, []),
        ({"state": "overdue"}, ["Vergessene Abnahme"]),
        ({"state": "upcoming"}, ["Öffentlicher Test"]),
        ({"state": "done"}, ["Start"]),
        ({"ordering": "-due_date"}, ["Öffentlicher Test", "Vergessene Abnahme", "Start"]),
    ],
)
def test_milestone_list_filters(client, programme, query, expected):
    assert [m["title"] for m in data_of(client.get("/api/v1/milestones/", query))["results"]] == expected


def test_milestones_of_a_draft_cannot_be_asked_for(client, programme):
    data = data_of(client.get("/api/v1/milestones/", {"project": "entwurf"}), 400)
    assert list(data) == ["project"]


# Pagination


def test_pages_link_to_each_other_with_absolute_addresses(client, programme):
    first = data_of(client.get("/api/v1/projects/", {"page_size": 2}))
    assert first["count"] == 3 and len(first["results"]) == 2 and first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/projects/?page=2&page_size=2"
    second = data_of(client.get(first["next"]))
    assert [p["slug"] for p in second["results"]] == ["kl-navi"]
    assert second["previous"] == "http://testserver/api/v1/projects/?page_size=2" and second["next"] is None


# Bad input


@pytest.mark.parametrize(
    ("url", "query", "parameter"),
    [
        ("/api/v1/projects/", {"status": "fertig"}, "status"),
        ("/api/v1/projects/", {"field": "gibt-es-nicht"}, "field"),
        ("/api/v1/projects/", {"ordering": "budget"}, "ordering"),
        ("/api/v1/projects/", {"ordering": "title,"}, "ordering"),
        ("/api/v1/projects/", {"updated_since": "gestern"}, "updated_since"),
        ("/api/v1/projects/", {"updated_since": "0001-01-01T00:00:00+01:00"}, "updated_since"),
        ("/api/v1/projects/", {"q": "x" * 101}, "q"),
        ("/api/v1/projects/", {"q": "a\x00b"}, "q"),
        ("/api/v1/projects/", {"page": "zwei"}, "page"),
        ("/api/v1/projects/", {"page": "0"}, "page"),
        ("/api/v1/projects/", {"page": "-1"}, "page"),
        ("/api/v1/projects/", {"page_size": "0"}, "page_size"),
        ("/api/v1/projects/", {"page_size": "101"}, "page_size"),
        ("/api/v1/projects/", {"page_size": "9" * 30}, "page_size"),
        ("/api/v1/projects/", {"page_size": "viele"}, "page_size"),
        ("/api/v1/milestones/", {"state": "vergessen"}, "state"),
        ("/api/v1/milestones/", {"project": "gibt-es-nicht"}, "project"),
        ("/api/v1/milestones/", {"ordering": "title"}, "ordering"),
        ("/api/v1/fields-of-action/", {"page": "1.5"}, "page"),
        ("/api/v1/milestones/", {"format": "csv", "page_size": "1e3"}, "page_size"),
    ],
)
def test_malformed_parameters_get_400_naming_the_parameter(client, programme, url, query, parameter):
    data = data_of(client.get(url, query), 400)
    assert list(data) == [parameter]
    assert all(isinstance(message, str) and message for message in data[parameter])


def test_empty_parameters_count_as_absent_as_html_forms_send_them(client, programme):
    query = {"field": "", "status": "", "q": "", "updated_since": "", "ordering": "", "page": "", "page_size": ""}
    assert len(slugs(client.get("/api/v1/projects/", query))) == 3


def test_status_messages_are_clear_and_german_by_default(client, programme):
    data = data_of(client.get("/api/v1/projects/", {"status": "fertig"}), 400)
    assert "fertig" in data["status"][0]
    data = data_of(client.get("/api/v1/projects/", {"page_size": "500"}), 400)
    assert data == {"page_size": ["Bitte eine Seitengröße von 1 bis 100 angeben."]}


@pytest.mark.parametrize("page", ["2", "9" * 30, "9" * 5000])
def test_pages_beyond_the_last_get_404(client, programme, page):
    assert data_of(client.get("/api/v1/projects/", {"page": page}), 404) == {"detail": "Ungültige Seite."}


def test_unknown_format_gets_404(client, programme):
    assert client.get("/api/v1/projects/", {"format": "xml"}).status_code == 404


# CSV


def test_project_csv_has_every_matching_project_in_flat_columns(client, programme):
    response = client.get("/api/v1/projects/", {"format": "csv", "page_size": 1, "field": "verkehr"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="projekte.csv"'
    rows = csv_rows(response)
    assert [row["slug"] for row in rows] == ["handyparken", "kl-navi"]
    navi = rows[1]
    assert navi["title"] == "KL Navi" and navi["field_slug"] == "verkehr" and navi["field_name"] == "Verkehr"
    assert navi["budget"] == "323896.00" and navi["actual_end_date"] == ""
    assert navi["html_url"] == "http://testserver/projekte/kl-navi/"
    assert b"\r\n" in response.content


def test_empty_csv_still_names_its_columns(client, programme):
    response = client.get("/api/v1/milestones/", {"format": "csv", "project": "buergertresor"})
    assert csv_rows(response) == []
    header = response.content.decode("utf-8-sig").splitlines()[0]
    assert header.split(",") == [
        "id", "title", "description", "due_date", "completed_on", "state", "baseline_due_date", "slip_days",
        "project_slug", "project_title", "project_url", "project_html_url", "html_url", "sample_values",
    ]  # fmt: skip


@time_machine.travel(TODAY, tick=False)
def test_milestone_csv_hides_drafts_and_is_in_the_requested_language(client, programme):
    response = client.get("/api/v1/milestones/", {"format": "csv"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Disposition"] == 'attachment; filename="meilensteine.csv"'
    rows = csv_rows(response)
    assert [(row["title"], row["state"]) for row in rows] == [
        ("Start", "done"), ("Vergessene Abnahme", "overdue"), ("Public test", "upcoming")
    ]  # fmt: skip


def test_csv_errors_are_json(client, programme):
    data = data_of(client.get("/api/v1/projects/", {"format": "csv", "status": "fertig"}), 400)
    assert list(data) == ["status"]


def test_csv_is_not_offered_on_detail_pages(client, programme):
    assert client.get("/api/v1/projects/kl-navi/", {"format": "csv"}).status_code == 404


# Caching, conditional requests, throttling


def test_answers_are_publicly_cacheable_for_a_minute(client, programme):
    response = client.get("/api/v1/projects/")
    assert response["Cache-Control"] == "public, max-age=60"
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}
    assert "Cache-Control" not in client.get("/api/v1/projects/entwurf/")


@pytest.mark.parametrize("url", ["/api/v1/", "/api/v1/projects/", "/api/v1/projects/kl-navi/",
                                 "/api/v1/milestones/?format=csv", "/api/v1/fields-of-action/verkehr/"])  # fmt: skip
def test_unchanged_data_gets_304_not_modified(client, programme, url):
    first = client.get(url)
    etag = first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag and again["Cache-Control"] == "public, max-age=60"
    programme["navi"].progress = 60
    programme["navi"].save()
    assert client.get("/api/v1/projects/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_language_is_part_of_the_etag(client, programme):
    german = client.get("/api/v1/projects/")["ETag"]
    assert client.get("/api/v1/projects/", HTTP_IF_NONE_MATCH=german, HTTP_ACCEPT_LANGUAGE="en").status_code == 200


def test_anonymous_clients_are_throttled_with_a_clear_429(client, programme, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/min"})
    for _ in range(3):
        assert client.get("/api/v1/projects/").status_code == 200
    response = client.get("/api/v1/projects/", {"format": "csv"})
    data = data_of(response, 429)
    assert data["detail"].startswith("Die Anfrage wurde gedrosselt.")
    assert int(response["Retry-After"]) > 0
    assert "public" not in response.get("Cache-Control", "")
    assert client.get("/api/v1/projects/", REMOTE_ADDR="192.0.2.7").status_code == 200  # another client


def test_only_reading_is_allowed(client, programme):
    response = client.post("/api/v1/projects/", {"title": "Neu"})
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD, OPTIONS"


# Query counts


@pytest.mark.parametrize(
    ("url", "most"),
    [
        ("/api/v1/fields-of-action/", 2),
        ("/api/v1/projects/", 2),
        ("/api/v1/projects/?field=feld-0&status=in_progress&ordering=-progress&page=2", 3),
        ("/api/v1/projects/?format=csv", 1),
        ("/api/v1/milestones/", 2),
        ("/api/v1/milestones/?project=p-feld-0-1&state=upcoming&page_size=100", 3),
        ("/api/v1/milestones/?format=csv&field=feld-1", 2),
        # field, milestones, progress history, date changes, indicators, their values
        ("/api/v1/projects/p-feld-0-1/", 6),
        ("/api/v1/fields-of-action/feld-0/", 1),
    ],
)
def test_endpoints_run_a_fixed_number_of_queries_however_big_the_programme(
    client, url, most, django_assert_max_num_queries
):
    build(projects_per_field=60, fields=4)
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200
