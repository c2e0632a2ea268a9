"""Bad input never costs a 500: bounded JSON bodies, JSON errors under /api/, HEAD and OPTIONS on every URL."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import Resolver404, get_resolver, resolve

from conftest import make_project
from kaiserslautern_portal.lib.parsers import MAX_BODY_BYTES, MAX_JSON_DEPTH

pytestmark = pytest.mark.django_db

URL = "/api/v1/me/subscriptions/"

# A value for each URL parameter the portal's and its libraries' patterns name; anything else gets "1".
SAMPLES = {
    "language": "de",
    "kind": "impressum",
    "slug": "kl-navi",
    "app_label": "projects",
    "url": "projects/project/",
    "key": "set-password",
    "uidb36": "1",
    "token": "x",
    "topic": "everything",
}


def sample_urls(resolver=None, prefix="/"):
    """One address per URL pattern, namespaces included, with sample values for its parameters."""
    resolver = resolver or get_resolver()
    urls = set()
    for _key, entries in resolver.reverse_dict.lists():
        for possibilities, _pattern, _defaults, _converters in entries:
            for form, params in possibilities:
                url = prefix + form % {param: SAMPLES.get(param, "1") for param in params}
                try:
                    resolve(url)
                except Resolver404:
                    continue
                urls.add(url)
    for namespace_prefix, sub_resolver in resolver.namespace_dict.values():
        urls |= sample_urls(sub_resolver, prefix + namespace_prefix)
    return urls


@pytest.fixture
def signed_in(client, citizen):
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    client.force_login(citizen)
    client.raise_request_exception = False
    return client


def test_deeply_nested_json_gets_a_json_400(signed_in):
    response = signed_in.post(URL, "[" * 10_000 + "]" * 10_000, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "verschachtelt" in response.json()["detail"]


def test_json_just_over_the_nesting_limit_gets_a_400_and_at_the_limit_is_read(signed_in):
    too_deep = '{"type": ' + "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH + "}"
    assert signed_in.post(URL, too_deep, content_type="application/json").status_code == 400
    deep = '{"type": "everything", "x": ' + "[" * (MAX_JSON_DEPTH - 1) + "]" * (MAX_JSON_DEPTH - 1) + "}"
    assert signed_in.post(URL, deep, content_type="application/json").status_code == 201


def test_a_json_body_over_the_size_limit_gets_a_json_400(signed_in):
    body = '{"type": "everything", "x": "' + "a" * MAX_BODY_BYTES + '"}'
    response = signed_in.post(URL, body, content_type="application/json")
    assert response.status_code == 400
    assert "zu groß" in response.json()["detail"]


def test_a_form_body_over_the_size_limit_gets_a_json_400(signed_in):
    body = "type=everything&x=" + "a" * MAX_BODY_BYTES
    response = signed_in.post(URL, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "zu groß" in response.json()["detail"]


def test_a_form_with_too_many_fields_gets_a_json_400(signed_in):
    body = "&".join(f"f{n}=1" for n in range(2000))
    response = signed_in.post(URL, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"


def test_nan_is_no_json(signed_in):
    response = signed_in.post(URL, '{"type": NaN}', content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("get", "/api/v2/", 404),
        ("get", "/api/v1/gibt-es-nicht/", 404),
        ("post", "/api/v1/projects/", 405),
        ("delete", "/api/v1/docs/", 405),
        ("options", "/api/v1/docs/", 200),
    ],
)
def test_api_errors_and_options_answers_are_json(client, method, url, status):
    response = getattr(client, method)(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()


def test_head_and_options_answer_without_a_server_error_on_every_url_pattern(django_user_model):
    make_project(title_de="KL Navi", slug="kl-navi")
    urls = sorted(sample_urls())
    assert len(urls) > 100  # the portal's own, allauth's and the admin's
    admin = django_user_model.objects.create_superuser(email="admin@kaiserslautern.example", password="x" * 12)
    failures = []
    for user in (None, admin):
        client = Client(raise_request_exception=False)
        if user:
            client.force_login(user)
        for url in urls:
            for method in ("head", "options"):
                status = getattr(client, method)(url).status_code
                if status >= 500:
                    failures.append((user and user.email, method.upper(), url, status))
    assert failures == []
