from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

# Addresses shared by both languages: they negotiate the language (cookie, then Accept-Language) as before.
NEGOTIATED_PREFIXES = ("/api/", "/admin/")


class PortalLocaleMiddleware(LocaleMiddleware):
    """Pages take their language from the address (/en/… or German); the API and the admin negotiate it."""

    def process_request(self, request):
        if request.path_info.startswith(NEGOTIATED_PREFIXES):
            translation.activate(translation.get_language_from_request(request) or settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = translation.get_language()
            return
        super().process_request(request)
