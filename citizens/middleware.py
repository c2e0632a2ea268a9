from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _


class StaffMFAMiddleware:
    """With PORTAL_STAFF_REQUIRE_MFA on, staff must activate an authenticator app before they may use the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PORTAL_STAFF_REQUIRE_MFA and self.needs_totp(request):
            messages.warning(
                request,
                _("Bitte richten Sie zuerst eine Authenticator-App ein. Ohne sie ist die Verwaltung gesperrt."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def needs_totp(request) -> bool:
        user = request.user
        return (
            request.path.startswith(reverse("admin:index"))
            and user.is_authenticated
            and user.is_staff
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        )
