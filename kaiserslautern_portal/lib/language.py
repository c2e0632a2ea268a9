"""Which language a request is answered in; asked by the page cache before any middleware runs, and by the locale
middleware, so both always agree."""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.utils import translation

# Addresses shared by both languages: they negotiate the language (cookie, then Accept-Language) as before.
NEGOTIATED_PREFIXES = ("/api/", "/admin/")


def request_language(request) -> str:
    """Pages take their language from the address (/en/… or German); the API and the admin negotiate it."""
    if request.path_info.startswith(NEGOTIATED_PREFIXES):
        return translation.get_language_from_request(request) or settings.LANGUAGE_CODE
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    prefixes_used, prefixed_default = is_language_prefix_patterns_used(urlconf)
    language = translation.get_language_from_request(request, check_path=prefixes_used)
    if prefixes_used and not prefixed_default and not translation.get_language_from_path(request.path_info):
        language = settings.LANGUAGE_CODE
    return language
