"""The portal's URLs plus a cache-marked page that renders a CSRF token, as any page with a form would."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from kaiserslautern_portal.lib.cache import cache_public_page
from kaiserslautern_portal.urls import urlpatterns as portal_urlpatterns


@cache_public_page
def form_page(request):
    token = get_token(request)
    return HttpResponse(f'<form method="post"><input name="csrfmiddlewaretoken" value="{token}"></form>' * 20)


urlpatterns = [path("formular/", form_page), *portal_urlpatterns]
