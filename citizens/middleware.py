from django.urls import reverse

from kaiserslautern_portal.lib.staff import lacks_second_factor, second_factor_setup


class StaffMFAMiddleware:
    """With PORTAL_STAFF_REQUIRE_MFA on, staff must activate an authenticator app before they may use the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("admin:index")) and lacks_second_factor(request.user):
            return second_factor_setup(request)
        return self.get_response(request)
