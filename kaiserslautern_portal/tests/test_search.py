import pytest
from django.db import connection

from conftest import make_news, make_project

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search needs PostgreSQL")


def search_html(client, q, language="de"):
    response = client.get("/suche/" if language == "de" else f"/{language}/suche/", {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def test_search_finds_projects_and_news_and_highlights_the_match(client):
    make_project(title_de="Handyparken", summary_de="Parkscheine per App bezahlen.")
    make_news(title_de="Mehr Parkzonen für die App", teaser_de="Handyparken wächst.")
    html = search_html(client, "Handyparken")
    assert "2 Treffer" in html
    assert "<mark>Handyparken</mark>" in html
    assert 'href="/projekte/handyparken/"' in html


def test_search_never_shows_drafts_or_unpublished_projects(client):
    make_project(title_de="Geheimprojekt Tresor", is_published=False)
    make_news(title_de="Tresor-Entwurf", status="draft")
    assert "0 Treffer" in search_html(client, "Tresor")


def test_search_escapes_what_it_highlights(client):
    make_project(title_de="Sensoren <b>fett</b>", summary_de="Sensoren & Daten")
    html = search_html(client, "Sensoren")
    assert "<b>" not in html
    assert "fett" in html  # escaped on SQLite, tag dropped by ts_headline on PostgreSQL


def test_empty_search_shows_the_form_and_overlong_input_is_400(client):
    assert "Treffer" not in search_html(client, "")
    assert client.get("/suche/", {"q": "x" * 201}).status_code == 400


@on_postgresql
def test_search_finds_german_inflections(client):
    make_project(title_de="Zentrales Schulnetz", summary_de="Ein Netz für jede Schule der Stadt.")
    make_news(title_de="Kitas bekommen Internet", teaser_de="Die Kindertagesstätte am Betzenberg ist angeschlossen.")
    html = search_html(client, "Schulen")
    assert "<mark>Schule</mark>" in html
    assert "Kitas bekommen Internet" in search_html(client, "Kindertagesstätten")


@on_postgresql
def test_search_ranks_title_matches_first(client):
    make_project(title_de="Datenplattform", summary_de="Urbane Daten für die Planung.")
    make_project(title_de="Verkehrssensoren", summary_de="Zählstellen liefern Werte an die Datenplattform.")
    html = search_html(client, "Datenplattform")
    assert html.index("/projekte/datenplattform/") < html.index("/projekte/verkehrssensoren/")


@on_postgresql
def test_full_text_search_is_backed_by_gin_indexes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%USING gin (search_vector)%'")
        assert {row[0] for row in cursor.fetchall()} == {"projects_project_search_gin", "news_newsitem_search_gin"}
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM projects_project WHERE search_vector @@ websearch_to_tsquery('german', 'Schule')"
        )
        assert "projects_project_search_gin" in " ".join(row[0] for row in cursor.fetchall())


def test_search_ranks_a_bounded_set_of_candidates_however_many_items_match(client, monkeypatch):
    from kaiserslautern_portal import search

    monkeypatch.setattr(search, "CANDIDATES", 3)
    for n in range(6):
        make_news(title_de=f"Sensoren Nummer {n}", teaser_de="Sensoren messen den Verkehr.")
    refs = search.search("Sensoren")
    assert len(refs) == 3


@pytest.mark.parametrize(
    ("language", "title", "found"),
    [
        ("de", "<mark>Handyparken</mark> in der Innenstadt", "2 Treffer"),
        ("en", "<mark>Handyparken</mark> downtown", "2 results"),
    ],
)
def test_search_with_hits_works_in_both_languages(client, language, title, found):
    make_project(title_de="Handyparken in der Innenstadt", title_en="Handyparken downtown", summary_de="Per App.")
    make_news(title_de="Handyparken wächst", teaser_de="Mehr Zonen.", teaser_en="")
    html = search_html(client, "Handyparken", language)
    assert found in html
    assert title in html
    # An empty English text falls back to the German one.
    assert "Mehr Zonen." in html


@on_postgresql
def test_english_search_highlights_english_inflections(client):
    make_project(title_de="Zentrales Schulnetz", title_en="Central school network", summary_en="Every school online.")
    html = search_html(client, "schools", "en")
    assert "1 result" in html
    assert "Central <mark>school</mark> network" in html


def test_english_search_marks_titles_and_texts_shown_in_german(client):
    make_project(title_de="Handyparken", summary_de="Per App parken.", summary_en="")
    make_news(title_de="Handyparken wächst", title_en="Mobile parking grows", teaser_de="Mehr Zonen.", teaser_en="")
    html = search_html(client, "Handyparken", "en")
    assert (
        '<span lang="de"><mark>Handyparken</mark></span> <small class="german-only__note">(German only)</small>' in html
    )
    assert '<span lang="de">Mehr Zonen.</span>' in html
    assert "Mobile parking grows" in html and '<span lang="de">Mobile parking' not in html
