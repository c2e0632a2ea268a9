"""The portal's URLs plus two that fail (a page, an API address), so that tests see the real handler500 at work."""

from django.urls import path

from kaiserslautern_portal.urls import handler400, handler403, handler404, handler500  # noqa: F401 (Django looks here)
from kaiserslautern_portal.urls import urlpatterns as portal_urlpatterns


def fail(request):
    raise RuntimeError("A deliberate failure: the test of the 500 page.")


urlpatterns = [path("kaputt/", fail), path("api/v1/kaputt/", fail), *portal_urlpatterns]
