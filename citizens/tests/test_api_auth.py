"""Only the portal's own doors open the API: allauth's session and personal tokens, never HTTP Basic; token
guessing is throttled per client address."""

import base64

import pytest
from django.urls import get_resolver
from rest_framework.authentication import BasicAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.views import APIView

pytestmark = pytest.mark.django_db

URL = "/api/v1/me/subscriptions/"
WRONG = {"HTTP_AUTHORIZATION": "Token 0123456789abcdef0123456789abcdef01234567"}


def basic(user_email, password):
    credentials = base64.b64encode(f"{user_email}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {credentials}"}


def api_views(resolver=None):
    for pattern in (resolver or get_resolver()).url_patterns:
        if hasattr(pattern, "url_patterns"):
            yield from api_views(pattern)
        elif isinstance(getattr(pattern.callback, "cls", None), type) and issubclass(pattern.callback.cls, APIView):
            yield pattern.callback.cls


def test_no_api_view_accepts_http_basic_authentication():
    views = list(api_views())
    assert len(views) > 10
    for view in views:
        classes = view().get_authenticators()
        assert not any(isinstance(c, BasicAuthentication) for c in classes), view


@pytest.mark.parametrize("url", [URL, "/api/v1/schema/", "/api/v1/docs/"])
def test_a_right_password_over_basic_auth_logs_nobody_in(client, verified_citizen, url):
    response = client.get(url, **basic(verified_citizen.email, "alice-secret-123"))
    assert "Basic" not in response.get("WWW-Authenticate", "")
    if url == URL:
        assert response.status_code == 401
        assert response.json() == {"detail": "Anmeldedaten fehlen."}


def test_wrong_tokens_from_one_address_are_refused_with_429_in_json(client, verified_citizen):
    for _attempt in range(10):
        assert client.get(URL, **WRONG).status_code == 401
    response = client.get(URL, **WRONG)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()
    assert 0 < int(response["Retry-After"]) <= 3600
    # Even the right token waits: otherwise the 429 would tell a guesser when a guess is right.
    right = {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=verified_citizen).key}"}
    assert client.get(URL, **right).status_code == 429


def test_another_address_keeps_using_its_token_while_a_guesser_is_throttled(client, verified_citizen):
    for _attempt in range(11):
        client.get(URL, REMOTE_ADDR="203.0.113.9", **WRONG)
    right = {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=verified_citizen).key}"}
    response = client.get(URL, REMOTE_ADDR="198.51.100.4", **right)
    assert response.status_code == 200
    assert response.json()["email"] == verified_citizen.email


def test_right_tokens_do_not_count_as_failures(client, verified_citizen):
    right = {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=verified_citizen).key}"}
    for _attempt in range(12):
        assert client.get(URL, **right).status_code == 200
