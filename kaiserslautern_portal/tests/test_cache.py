import datetime

import pytest
import time_machine
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import make_milestone, make_news, make_project
from kaiserslautern_portal.lib import cache as page_cache_module
from kaiserslautern_portal.lib.cache import LOCAL
from news.services import news_publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    LOCAL.forget()
    LOCAL.queries.clear()


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
    assert "Mobile parking" in get(client, "/en/projekte/")[0]
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


# The early path: each worker's own copy, answered before the rest of the middleware stack


@pytest.fixture
def csrf_calls(monkeypatch):
    from django.middleware.csrf import CsrfViewMiddleware

    calls = []
    original = CsrfViewMiddleware.process_request
    monkeypatch.setattr(CsrfViewMiddleware, "process_request", lambda self, r: calls.append(r) or original(self, r))
    return calls


def test_a_hit_is_answered_before_sessions_csrf_and_the_view_run(client, csrf_calls):
    make_project(title_de="Handyparken")
    first, _queries = get(client, "/projekte/handyparken/")
    assert len(csrf_calls) == 1
    assert get(client, "/projekte/handyparken/") == (first, 0)
    assert len(csrf_calls) == 1


def test_a_hit_carries_the_security_headers_etag_and_vary_of_the_page(client, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    make_project(title_de="Handyparken")
    fresh = client.get("/projekte/handyparken/", secure=True)
    hit = client.get("/projekte/handyparken/", secure=True)
    for name in ("Content-Security-Policy", "Permissions-Policy", "Strict-Transport-Security", "X-Frame-Options",
                 "X-Content-Type-Options", "Referrer-Policy", "ETag", "Cache-Control", "Content-Language"):  # fmt: skip
        assert hit[name] == fresh[name], name
    assert {"Accept-Encoding", "Accept-Language", "Cookie"} <= {v.strip() for v in hit["Vary"].split(",")}


def test_a_hit_makes_no_round_trip_to_the_shared_cache(client, monkeypatch):
    make_project(title_de="Handyparken")
    get(client, "/projekte/")
    calls = []
    monkeypatch.setattr(page_cache_module.cache, "get", lambda *a, **k: calls.append(a))
    for _ in range(5):
        assert get(client, "/projekte/")[1] == 0
    assert calls == []


def test_an_edit_in_another_worker_reaches_this_copy_within_a_second(client, monkeypatch):
    project = make_project(title_de="Handyparken", progress=30)
    clock = [1000.0]
    monkeypatch.setattr(page_cache_module.time, "monotonic", lambda: clock[0])
    get(client, "/projekte/handyparken/")
    # Another worker saves and bumps the version in Redis; this process hears of it at its next check.
    type(project).objects.filter(pk=project.pk).update(progress=55)
    page_cache_module.cache.set(page_cache_module.VERSION_KEY, 7)
    assert "55 %" not in get(client, "/projekte/handyparken/")[0]
    clock[0] += page_cache_module.LOCAL_CHECK_SECONDS
    assert "55 %" in get(client, "/projekte/handyparken/")[0]


def test_without_the_content_version_the_copy_is_off_and_pages_come_from_the_database(rf, monkeypatch):
    def unavailable():
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(page_cache_module, "content_version", unavailable)
    rendered = []
    middleware = page_cache_module.PageCacheMiddleware(lambda request: rendered.append(request) or HttpResponse("ok"))
    for _ in range(2):
        assert middleware(rf.get("/projekte/")).content == b"ok"
    assert len(rendered) == 2 and LOCAL.version is None


def test_a_signed_in_citizen_neither_gets_nor_leaves_a_copy(client, citizen):
    make_project(title_de="Handyparken")
    get(client, "/projekte/handyparken/")
    client.force_login(citizen)
    personal, queries = get(client, "/projekte/handyparken/")
    assert queries > 0 and "alice@example.org" in personal and "csrfmiddlewaretoken" in personal
    client.logout()
    again, queries = get(client, "/projekte/handyparken/")
    assert "alice@example.org" not in again and "csrfmiddlewaretoken" not in again


def test_a_visitor_with_a_messages_cookie_gets_a_fresh_page(client):
    make_project(title_de="Handyparken")
    get(client, "/projekte/")
    client.cookies["messages"] = "pending"
    assert get(client, "/projekte/")[1] > 0


def test_a_page_that_needs_a_csrf_cookie_is_never_kept_nor_compressed(client, settings):
    settings.ROOT_URLCONF = "kaiserslautern_portal.tests.urls_with_form"
    first = client.get("/formular/", headers={"accept-encoding": "gzip, br"})
    assert "csrftoken" in first.cookies and "Content-Encoding" not in first
    other = type(client)()
    second = other.get("/formular/", headers={"accept-encoding": "gzip, br"})
    assert second.cookies["csrftoken"].value != first.cookies["csrftoken"].value
    assert "Content-Encoding" not in second and first.content != second.content


def test_a_visitor_with_only_a_csrf_cookie_gets_the_copy_which_holds_no_token(client):
    make_project(title_de="Handyparken")
    first, _queries = get(client, "/projekte/handyparken/")
    client.cookies["csrftoken"] = "x" * 32
    assert get(client, "/projekte/handyparken/") == (first, 0)
    assert "csrfmiddlewaretoken" not in first


def test_each_language_address_has_its_own_copy(client):
    make_project(title_de="Handyparken", title_en="Mobile parking")
    german, _queries = get(client, "/projekte/")
    assert "Handyparken" in german
    english, _queries = get(client, "/en/projekte/")
    assert "Mobile parking" in english
    assert get(client, "/en/projekte/") == (english, 0)
    # A language cookie does not change what the German address answers, copy or not.
    client.cookies["django_language"] = "en"
    assert get(client, "/projekte/") == (german, 0)


def test_query_parameters_the_page_reads_make_their_own_copy(client):
    for n in range(14):
        make_project(title_de=f"Projekt {n:02}")
    first, _queries = get(client, "/projekte/")
    second, queries = get(client, "/projekte/?seite=2")
    assert queries > 0 and "Projekt 13" in second and "Projekt 13" not in first
    assert get(client, "/projekte/?seite=2") == (second, 0)


def test_random_query_strings_make_no_new_entries(client, monkeypatch):
    make_project(title_de="Handyparken")
    written = []
    original = page_cache_module.cache.set
    monkeypatch.setattr(
        page_cache_module.cache, "set", lambda key, *a, **k: written.append(key) or original(key, *a, **k)
    )
    first, _queries = get(client, "/projekte/")
    for n in range(600):
        assert get(client, f"/projekte/?utm_source={n}&x{n}=1") == (first, 0)
    assert len([key for key in written if key.startswith("portal:page:")]) == 1 and len(LOCAL.pages) == 1


def test_dropped_parameters_never_reach_the_links_of_the_page(client):
    make_project(title_de="Handyparken")
    html, _queries = get(client, "/projekte/?status=in_progress&spur=%3Cb%3Eboese")
    assert "spur" not in html and "boese" not in html
    assert 'href="/en/projekte/?status=in_progress"' in html  # the language switch keeps what the page reads


def test_head_is_answered_from_the_copy_without_a_body_and_leaves_it_whole(client):
    make_project(title_de="Handyparken")
    head = client.head("/projekte/")
    assert head.status_code == 200 and head.content == b""
    # An answer to HEAD has no ETag (ConditionalGetMiddleware makes them for GET only), so it is never kept.
    assert "Handyparken" in get(client, "/projekte/")[0]
    with CaptureQueriesContext(connection) as queries:
        again = client.head("/projekte/")
    assert again.status_code == 200 and again.content == b"" and "ETag" in again and len(queries) == 0


@pytest.mark.parametrize("encoding", ["", "gzip", "br"])
def test_conditional_requests_get_304_from_the_copy(client, encoding, django_assert_num_queries):
    make_project(title_de="Handyparken")
    headers = {"accept-encoding": encoding} if encoding else {}
    first = client.get("/projekte/", headers=headers)
    hit = client.get("/projekte/", headers=headers)
    with django_assert_num_queries(0):
        again = client.get("/projekte/", headers={**headers, "if-none-match": hit["ETag"]})
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == hit["ETag"]
    assert "Content-Security-Policy" in again and first.status_code == 200


# Compressed once


@pytest.mark.parametrize(
    ("accept", "coding"), [("gzip, deflate, br", "br"), ("gzip", "gzip"), ("br;q=0, gzip;q=0.5", "gzip"), ("", None)]
)
def test_copies_are_served_in_the_best_encoding_the_client_accepts(client, accept, coding):
    import gzip

    import brotli

    make_project(title_de="Handyparken")
    plain = client.get("/projekte/").content
    response = client.get("/projekte/", headers={"accept-encoding": accept})
    assert response.get("Content-Encoding") == coding
    decode = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[coding]
    assert decode(response.content) == plain
    assert int(response["Content-Length"]) == len(response.content)
    if coding:
        assert len(response.content) * 3 < len(plain) and response["ETag"].startswith("W/")


def test_each_page_is_compressed_once_not_on_every_hit(client, monkeypatch):
    make_project(title_de="Handyparken")
    calls = []
    original = page_cache_module.compress
    monkeypatch.setattr(
        page_cache_module, "compress", lambda coding, body: calls.append(coding) or original(coding, body)
    )
    for _ in range(5):
        client.get("/projekte/", headers={"accept-encoding": "gzip, br"})
    assert sorted(calls) == ["br", "gzip"]


# The API and the feeds through the same copy


def test_the_api_is_served_from_the_copy_and_fresh_after_an_edit(client, django_capture_on_commit_callbacks):
    project = make_project(title_de="Handyparken", progress=30)
    first, queries = get(client, "/api/v1/projects/")
    assert queries > 0 and '"progress":30' in first
    assert get(client, "/api/v1/projects/") == (first, 0)
    project.progress = 55
    with django_capture_on_commit_callbacks(execute=True):
        project.save()
    assert '"progress":55' in get(client, "/api/v1/projects/")[0]


def test_the_api_copy_is_per_format(client):
    make_project(title_de="Handyparken")
    json_answer = client.get("/api/v1/projects/")
    csv_answer = client.get("/api/v1/projects/", {"format": "csv"})
    assert json_answer["Content-Type"] == "application/json"
    assert csv_answer["Content-Type"].startswith("text/csv")
    assert client.get("/api/v1/projects/", headers={"accept": "text/csv"})["Content-Type"].startswith("text/csv")
    assert client.get("/api/v1/projects/")["Content-Type"] == "application/json"


def test_the_throttle_counts_every_request_answered_from_the_copy(client, monkeypatch):
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/min"})
    make_project(title_de="Handyparken")
    assert [client.get("/api/v1/projects/").status_code for _ in range(4)] == [200, 200, 200, 429]
    assert client.get("/api/v1/projects/", REMOTE_ADDR="192.0.2.7").status_code == 200


def test_api_hits_are_counted_in_memory_and_a_miss_sees_them_in_redis(client, monkeypatch):
    from django.core.cache import cache
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "4/min"})
    make_project(title_de="Handyparken")
    history = "throttle_anon_127.0.0.1"
    assert [client.get("/api/v1/projects/").status_code for _ in range(3)] == [200, 200, 200]
    assert len(cache.get(history)) == 1  # the miss; the two hits are still in the worker's memory
    assert client.get("/api/v1/projects/", {"format": "csv"}).status_code == 200  # a miss, counted with the hits
    assert len(cache.get(history)) == 4
    response = client.get("/api/v1/fields-of-action/")  # a miss over the limit: refused by the view's throttle
    assert response.status_code == 429 and int(response["Retry-After"]) > 0


def test_api_hits_reach_redis_within_a_second(client, monkeypatch):
    from django.core.cache import cache
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "10/min"})
    make_project(title_de="Handyparken")
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(3):
            client.get("/api/v1/projects/")
        traveller.shift(datetime.timedelta(seconds=1.5))
        client.get("/api/v1/projects/")
    assert len(cache.get("throttle_anon_127.0.0.1")) == 3  # the miss, two hits merged; the newest still pending


def test_personal_api_endpoints_are_never_kept(client, citizen):
    from allauth.account.models import EmailAddress
    from rest_framework.authtoken.models import Token

    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    token = Token.objects.create(user=citizen)
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/me/subscriptions/", headers={"authorization": f"Token {token.key}"})
        assert response.status_code == 200 and len(queries) > 0
    assert not any("/me/" in key[3] for key in LOCAL.pages)


def test_the_first_visitor_gets_the_compressed_copy_too(client):
    make_project(title_de="Handyparken")
    first = client.get("/projekte/", headers={"accept-encoding": "br"})
    assert first["Content-Encoding"] == "br" and first["ETag"].startswith("W/")


def test_the_api_copy_follows_the_negotiated_language(client):
    make_project(title_de="Handyparken", title_en="Mobile parking")
    german, _queries = get(client, "/api/v1/projects/", accept_language="de")
    english, _queries = get(client, "/api/v1/projects/", accept_language="en")
    assert "Handyparken" in german and "Mobile parking" in english
    assert get(client, "/api/v1/projects/", accept_language="en") == (english, 0)
    assert get(client, "/api/v1/projects/", accept_language="de") == (german, 0)
