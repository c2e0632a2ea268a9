from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

# Addresses shared by both languages: they negotiate the language (cookie, then Accept-Language) as before.
NEGOTIATED_PREFIXES = ("/api/", "/admin/")


def request_language(request) -> str:
    """Pages take their language from the address (/en/… or German); the API and the admin negotiate it.

    The page cache asks this before the middleware runs, so both always agree.
    """
    if request.path_info.startswith(NEGOTIATED_PREFIXES):
        return translation.get_language_from_request(request) or settings.LANGUAGE_CODE
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    prefixes_used, prefixed_default = is_language_prefix_patterns_used(urlconf)
    language = translation.get_language_from_request(request, check_path=prefixes_used)
    if prefixes_used and not prefixed_default and not translation.get_language_from_path(request.path_info):
        language = settings.LANGUAGE_CODE
    return language


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware with the portal's choice of language (request_language)."""

    def process_request(self, request):
        translation.activate(request_language(request))
        request.LANGUAGE_CODE = translation.get_language()
