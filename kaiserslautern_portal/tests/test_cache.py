import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import make_milestone, make_news, make_project
from news.services import news_publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def get(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.parametrize("url", ["/", "/projekte/", "/projekte/handyparken/", "/neuigkeiten/", "/neuigkeiten/rss/"])
def test_anonymous_views_are_served_from_the_cache_without_queries(client, url):
    project = make_project(title_de="Handyparken")
    make_news(projects=[project])
    first, first_queries = get(client, url)
    again, queries = get(client, url)
    assert first_queries > 0
    assert (again, queries) == (first, 0)


def test_editing_a_project_makes_its_pages_fresh_at_once(client, django_capture_on_commit_callbacks):
    project = make_project(title_de="Handyparken", progress=30)
    get(client, "/projekte/handyparken/")
    project.progress = 55
    with django_capture_on_commit_callbacks(execute=True):
        project.save()
    assert "55 %" in get(client, "/projekte/handyparken/")[0]
    assert "55" in get(client, "/projekte/")[0]


def test_adding_a_milestone_and_publishing_news_refresh_the_start_page(client, django_capture_on_commit_callbacks):
    project = make_project(title_de="KL Navi")
    get(client, "/")
    with django_capture_on_commit_callbacks(execute=True):
        make_milestone(
            project, title_de="Öffentlicher Test", due_date=timezone.localdate() + datetime.timedelta(days=3)
        )
    assert "Öffentlicher Test" in get(client, "/")[0]
    with django_capture_on_commit_callbacks(execute=True):
        item = make_news(title_de="Der Test beginnt", status="draft")
    assert "Der Test beginnt" not in get(client, "/")[0]
    with django_capture_on_commit_callbacks(execute=True):
        news_publish(item=item)
    assert "Der Test beginnt" in get(client, "/")[0]


def test_scheduled_news_appears_on_cached_pages_at_its_time(client):
    noon = datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)
    with time_machine.travel(noon, tick=False):
        make_news(title_de="Pünktlich", published_at=noon + datetime.timedelta(minutes=10))
        assert "Pünktlich" not in get(client, "/neuigkeiten/")[0]
    with time_machine.travel(noon + datetime.timedelta(minutes=11), tick=False):
        assert "Pünktlich" in get(client, "/neuigkeiten/")[0]


def test_each_language_has_its_own_cached_page(client):
    make_project(title_de="Handyparken", title_en="Mobile parking")
    assert "Handyparken" in get(client, "/projekte/")[0]
    assert "Mobile parking" in get(client, "/projekte/", accept_language="en")[0]
    assert "Mobile parking" not in get(client, "/projekte/")[0]


def test_logged_in_people_never_get_or_leave_cached_pages(client, editor):
    draft = make_project(title_de="Entwurf", is_published=False)
    make_project(title_de="Handyparken")
    client.force_login(editor)
    html, _queries = get(client, "/projekte/entwurf/")
    assert "Vorschau:" in html
    assert get(client, "/projekte/")[1] > 0
    assert get(client, "/projekte/")[1] > 0  # rendered afresh every time
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_pages_answer_conditional_requests_with_304(client):
    make_project(title_de="Handyparken")
    for url in ("/projekte/", "/neuigkeiten/rss/"):
        response = client.get(url)
        assert "max-age=0" in response["Cache-Control"] and "public" in response["Cache-Control"]
        again = client.get(url, headers={"if-none-match": response["ETag"]})
        assert again.status_code == 304
