"""The portal's URLs plus one that fails, so that tests can see the real 500 page (handler500) in a browser."""

from django.urls import path

from kaiserslautern_portal.urls import urlpatterns as portal_urlpatterns


def fail(request):
    raise RuntimeError("A deliberate failure: the test of the 500 page.")


urlpatterns = [path("kaputt/", fail), *portal_urlpatterns]
