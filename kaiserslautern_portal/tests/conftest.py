import importlib

import pytest
from django.test import override_settings
from django.urls import clear_url_caches

from kaiserslautern_portal import urls


@pytest.fixture
def debug_urls(settings, tmp_path):
    """The URLs of `make run` (DEBUG), which serve MEDIA_ROOT, here a fresh tmp_path."""
    settings.MEDIA_ROOT = tmp_path
    with override_settings(DEBUG=True):
        importlib.reload(urls)
        clear_url_caches()
        yield tmp_path
    importlib.reload(urls)
    clear_url_caches()
