from django.http import HttpResponse
from django.urls import path

from kaiserslautern_portal.urls import urlpatterns as portal_urlpatterns


def minimal(request, size):
    """The ceiling: the least a Django view can do to answer with the same number of bytes as a page."""
    return HttpResponse(b"x" * size, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/bytes/<int:size>/", minimal), *portal_urlpatterns]
