"""Editors' uploads reach the page while developing: `make run` serves MEDIA_ROOT (production: the proxy)."""

import importlib

import pytest
from django.test import override_settings
from django.urls import clear_url_caches

from kaiserslautern_portal import urls


@pytest.fixture
def debug_urls(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with override_settings(DEBUG=True):
        importlib.reload(urls)
        clear_url_caches()
        yield tmp_path
    importlib.reload(urls)
    clear_url_caches()


def test_an_uploaded_picture_is_served_while_developing(client, debug_urls):
    (debug_urls / "news").mkdir()
    (debug_urls / "news" / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    response = client.get("/media/news/bild.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert client.get("/media/news/fehlt.png").status_code == 404


def test_production_leaves_the_uploads_to_the_proxy(client, settings, tmp_path):
    (tmp_path / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    settings.MEDIA_ROOT = tmp_path
    assert client.get("/media/bild.png").status_code == 404
