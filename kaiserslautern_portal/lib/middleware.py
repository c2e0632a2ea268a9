import logging

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.template.loader import get_template
from django.utils import translation
from django.utils.translation import gettext as _

# The module, not its names: it reads the page cache's version, and the page cache imports this module.
from .identity import current as identity

logger = logging.getLogger(__name__)

# Addresses shared by both languages: they negotiate the language (cookie, then Accept-Language) as before.
NEGOTIATED_PREFIXES = ("/api/", "/admin/")
# Seconds a visitor (or a crawler) is asked to wait before trying again while the database is away.
RETRY_AFTER = 30


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


class DatabaseUnavailableMiddleware:
    """The database is unreachable, hangs (connect and statement timeouts) or refuses: 503 in the portal's layout.

    Rendered without context processors, since the messages and the user would ask the database again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("database unavailable for %s: %s", request.path, exception)
        return database_unavailable(request)


def database_unavailable(request) -> HttpResponse:
    if request.path.startswith("/api/"):  # API clients get JSON, like every other API error
        response = JsonResponse({"detail": _("Vorübergehend nicht erreichbar. Bitte später erneut versuchen.")})
        response.status_code = 503
    else:
        context = {"request": request, "SITE_URL": settings.SITE_URL, "identity": identity.site_identity()}
        html = get_template("503.html").render(context)
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response
