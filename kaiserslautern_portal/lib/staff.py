"""Staff and their second factor (PORTAL_STAFF_REQUIRE_MFA): whatever shows unpublished content asks for it,
the admin (citizens/middleware.py) as well as the previews of draft projects and news."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext as _


def lacks_second_factor(user) -> bool:
    return (
        settings.PORTAL_STAFF_REQUIRE_MFA
        and user.is_authenticated
        and user.is_staff
        and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    )


def second_factor_setup(request) -> HttpResponseRedirect:
    messages.warning(
        request,
        _("Bitte richten Sie zuerst eine Authenticator-App ein. Ohne sie ist die Verwaltung gesperrt."),
    )
    return redirect("mfa_activate_totp")
