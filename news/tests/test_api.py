"""The news in the open data API: /api/v1/news/ and /api/v1/news/<slug>/."""

import datetime

import pytest
import time_machine
from rest_framework.throttling import AnonRateThrottle

from conftest import make_field, make_news, make_project
from news.models import NewsItem

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def ago(**kwargs):
    return NOW - datetime.timedelta(**kwargs)


def data_of(response, status=200):
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


def slugs(response):
    return [item["slug"] for item in data_of(response)["results"]]


@pytest.fixture
def newsroom():
    """Three public items about two fields, a draft, one scheduled for tomorrow, and one about a draft project."""
    verkehr = make_field(name_de="Verkehr", slug="verkehr")
    verwaltung = make_field(name_de="Verwaltung", slug="verwaltung")
    navi = make_project(title_de="KL Navi", title_en="KL Navi app", slug="kl-navi", field=verkehr)
    tresor = make_project(title_de="Bürgertresor", slug="buergertresor", field=verwaltung)
    secret = make_project(title_de="Geheimprojekt", slug="geheim", field=verwaltung, is_published=False)
    make_news(
        title_de="Navi im Test", title_en="Navi in testing", slug="navi-im-test", teaser_de="Die App wird erprobt.",
        body_de="Wir **testen** die App.\n\n<script>alert(1)</script>", body_en="We are **testing** the app.",
        kind="progress_report", author="Team KL Navi", published_at=ago(days=1), projects=[navi],
    )  # fmt: skip
    make_news(
        title_de="Tresor startet", slug="tresor-startet", teaser_de="Der Bürgertresor ist online.",
        kind="press_release", published_at=ago(days=3), projects=[tresor, secret],
    )  # fmt: skip
    make_news(title_de="Sprechstunde", slug="sprechstunde", kind="announcement", published_at=ago(days=10))
    make_news(title_de="Entwurf einer Meldung", slug="entwurf", status="draft", projects=[navi])
    make_news(title_de="Morgen", slug="morgen", published_at=NOW + datetime.timedelta(days=1), projects=[navi])
    return {"navi": navi, "tresor": tresor, "secret": secret}


def test_news_list_shows_only_public_items_newest_first(client, newsroom):
    data = data_of(client.get("/api/v1/news/"))
    assert data["count"] == 3
    assert [item["slug"] for item in data["results"]] == ["navi-im-test", "tresor-startet", "sprechstunde"]
    navi = data["results"][0]
    assert navi == {
        "url": "http://testserver/api/v1/news/navi-im-test/",
        "html_url": "http://testserver/neuigkeiten/navi-im-test/",
        "slug": "navi-im-test",
        "title": "Navi im Test",
        "teaser": "Die App wird erprobt.",
        "kind": "progress_report",
        "kind_label": "Fortschrittsbericht",
        "author": "Team KL Navi",
        "published_at": "2026-11-24T13:00:00+01:00",
        "projects": [
            {
                "slug": "kl-navi",
                "title": "KL Navi",
                "url": "http://testserver/api/v1/projects/kl-navi/",
                "html_url": "http://testserver/projekte/kl-navi/",
            }
        ],
        "sample_values": False,
    }


def test_news_detail_has_the_markdown_and_sanitized_html(client, newsroom):
    data = data_of(client.get("/api/v1/news/navi-im-test/"))
    assert data["body"].startswith("Wir **testen** die App.")
    assert "<strong>testen</strong>" in data["body_html"]
    assert "<script" not in data["body_html"]
    assert data["url"] == "http://testserver/api/v1/news/navi-im-test/"


def test_links_name_only_published_projects(client, newsroom):
    data = data_of(client.get("/api/v1/news/tresor-startet/"))
    assert [project["slug"] for project in data["projects"]] == ["buergertresor"]


@pytest.mark.parametrize("slug", ["entwurf", "morgen", "gibt-es-nicht"])
def test_drafts_and_scheduled_items_are_not_found(client, newsroom, slug):
    assert data_of(client.get(f"/api/v1/news/{slug}/"), 404) == {"detail": "Nicht gefunden."}


def test_a_scheduled_item_appears_by_itself_once_its_time_has_come(client, newsroom):
    assert "morgen" not in slugs(client.get("/api/v1/news/"))
    assert client.get("/api/v1/news/morgen/").status_code == 404
    with time_machine.travel(NOW + datetime.timedelta(days=1, minutes=1), tick=False):
        assert slugs(client.get("/api/v1/news/"))[0] == "morgen"
        assert data_of(client.get("/api/v1/news/morgen/"))["title"] == "Morgen"


def test_english_is_served_where_translated_with_german_as_fallback(client, newsroom):
    response = client.get("/api/v1/news/navi-im-test/", HTTP_ACCEPT_LANGUAGE="en")
    data = data_of(response)
    assert (data["title"], data["teaser"]) == ("Navi in testing", "Die App wird erprobt.")
    assert "<strong>testing</strong>" in data["body_html"]
    assert data["projects"][0]["title"] == "KL Navi app"
    assert response["Content-Language"] == "en"
    assert data_of(client.get("/api/v1/news/sprechstunde/", HTTP_ACCEPT_LANGUAGE="en"))["title"] == "Sprechstunde"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "press_release"}, ["tresor-startet"]),
        ({"project": "kl-navi"}, ["navi-im-test"]),
        ({"field": "verwaltung"}, ["tresor-startet"]),
        ({"field": "verkehr", "kind": "announcement"}, []),
        ({"published_since": "2026-11-21T00:00:00+01:00"}, ["navi-im-test", "tresor-startet"]),
        ({"published_since": "2026-11-24T12:00:00Z"}, ["navi-im-test"]),
        ({"q": "bürgertresor"}, ["tresor-startet"]),
        ({"q": "testing"}, ["navi-im-test"]),  # English text counts too
        ({"q": "Entwurf"}, []),
        ({"ordering": "published_at"}, ["sprechstunde", "tresor-startet", "navi-im-test"]),
        ({"ordering": "title"}, ["navi-im-test", "sprechstunde", "tresor-startet"]),
    ],
)
def test_news_list_filters_and_orders(client, newsroom, query, expected):
    assert slugs(client.get("/api/v1/news/", query)) == expected


def test_a_field_with_several_projects_of_one_item_lists_it_once(client, newsroom):
    other = make_project(title_de="Ratsinfo", slug="ratsinfo", field=newsroom["tresor"].field)
    NewsItem.objects.get(slug="tresor-startet").projects.add(other)
    assert slugs(client.get("/api/v1/news/", {"field": "verwaltung"})) == ["tresor-startet"]


def test_items_of_the_same_moment_keep_a_stable_order_across_pages(client, newsroom):
    for n in range(5):
        make_news(title_de=f"Gleichzeitig {n}", slug=f"gleich-{n}", published_at=ago(days=2))
    seen = []
    for page in (1, 2, 3, 4):
        seen += slugs(client.get("/api/v1/news/", {"page_size": 2, "page": page}))
    assert len(seen) == len(set(seen)) == 8


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"kind": "klatsch"}, "kind"),
        ({"project": "geheim"}, "project"),  # a draft project cannot be asked for
        ({"project": "gibt-es-nicht"}, "project"),
        ({"field": "gibt-es-nicht"}, "field"),
        ({"published_since": "gestern"}, "published_since"),
        ({"published_since": "0001-01-01T00:00:00+01:00"}, "published_since"),
        ({"q": "x" * 101}, "q"),
        ({"ordering": "author"}, "ordering"),
        ({"page": "0"}, "page"),
        ({"page_size": "101"}, "page_size"),
    ],
)
def test_malformed_parameters_get_400_naming_the_parameter(client, newsroom, query, parameter):
    assert list(data_of(client.get("/api/v1/news/", query), 400)) == [parameter]


def test_empty_parameters_count_as_absent(client, newsroom):
    query = {"kind": "", "project": "", "field": "", "published_since": "", "q": "", "ordering": "", "page": ""}
    assert len(slugs(client.get("/api/v1/news/", query))) == 3


def test_news_is_publicly_cacheable_and_unchanged_news_gets_304(client, newsroom):
    response = client.get("/api/v1/news/")
    assert response["Cache-Control"] == "public, max-age=60"
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}
    again = client.get("/api/v1/news/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    make_news(title_de="Neu", slug="neu", published_at=ago(minutes=1))
    assert client.get("/api/v1/news/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200
    detail = client.get("/api/v1/news/neu/")
    assert client.get("/api/v1/news/neu/", HTTP_IF_NONE_MATCH=detail["ETag"]).status_code == 304


def test_news_is_throttled_like_the_other_endpoints(client, newsroom, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/min"})
    assert client.get("/api/v1/news/").status_code == 200
    assert client.get("/api/v1/news/sprechstunde/").status_code == 200
    response = client.get("/api/v1/news/")
    assert data_of(response, 429)["detail"].startswith("Die Anfrage wurde gedrosselt.")
    assert int(response["Retry-After"]) > 0


def test_only_reading_is_allowed(client, newsroom):
    assert client.post("/api/v1/news/", {"title": "Neu"}).status_code == 405


def test_schema_documents_the_news_endpoints_with_their_errors(client):
    paths = client.get("/api/v1/schema/", {"format": "json"}).json()["paths"]
    assert set(paths["/api/v1/news/"]["get"]["responses"]) == {"200", "400", "404", "429"}
    assert set(paths["/api/v1/news/{slug}/"]["get"]["responses"]) == {"200", "404", "429"}
    parameters = {p["name"] for p in paths["/api/v1/news/"]["get"]["parameters"]}
    assert parameters == {"kind", "project", "field", "published_since", "q", "ordering", "page", "page_size"}


@pytest.mark.parametrize(
    ("url", "most"),
    [
        ("/api/v1/news/", 3),  # count, page, projects
        ("/api/v1/news/?field=verkehr&kind=progress_report&page=2", 4),
        ("/api/v1/news/?project=kl-navi&q=Meldung&ordering=-title", 4),
        ("/api/v1/news/meldung-7/", 2),
    ],
)
def test_news_endpoints_run_a_fixed_number_of_queries_however_much_news(
    client, url, most, django_assert_max_num_queries
):
    field = make_field(name_de="Verkehr", slug="verkehr")
    projects = [make_project(title_de=f"Projekt {n}", slug=f"kl-navi-{n}", field=field) for n in range(5)]
    projects.append(make_project(title_de="KL Navi", slug="kl-navi", field=field))
    for n in range(60):
        make_news(title_de=f"Meldung {n}", slug=f"meldung-{n}", projects=projects[n % 3 :], published_at=ago(hours=n))
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200
