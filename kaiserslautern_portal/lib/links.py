"""Addresses of the pages of projects, fields and news, reversed once: a page of cards asks for dozens of them."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def slug_url(viewname: str, slug: str) -> str:
    """reverse(viewname, kwargs={"slug": slug}), kept per language, script prefix and URLconf."""
    return reversed_slug_url(
        viewname, slug, get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF
    )


@functools.lru_cache(maxsize=8192)
def reversed_slug_url(viewname: str, slug: str, language: str, prefix: str, urlconf: str) -> str:
    return reverse(viewname, kwargs={"slug": slug})
