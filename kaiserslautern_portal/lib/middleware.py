import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.template.loader import get_template
from django.utils import translation
from django.utils.translation import gettext as _

from .identity.current import site_identity
from .language import request_language

logger = logging.getLogger(__name__)

# Seconds a visitor (or a crawler) is asked to wait before trying again while the database is away.
RETRY_AFTER = 30


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
        context = {"request": request, "SITE_URL": settings.SITE_URL, "identity": site_identity()}
        html = get_template("503.html").render(context)
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response
