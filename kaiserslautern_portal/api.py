"""The open data API, version 1: its root, the endpoints of each app, the OpenAPI schema and its documentation.

A new public endpoint is a line in `urlpatterns` (the app's own `api.urlpatterns`) and a line in ENDPOINTS. The
personal endpoints under me/ (citizens/api.py) are not listed in the root: they are no open data.
"""

from django.conf import settings
from django.http import JsonResponse
from django.urls import path, re_path, reverse
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import extend_schema, inline_serializer
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import exceptions, renderers, serializers
from rest_framework.response import Response

import citizens.api
import news.api
import projects.api
from news.models import NewsItem
from projects.models import SAMPLE_VALUES_NOTE, Project

from .lib.identity.current import site_identity
from .lib.rest import PublicView, public_cache

app_name = "api"

ENDPOINTS = {
    "fields_of_action": "api:field-list",
    "projects": "api:project-list",
    "milestones": "api:milestone-list",
    "indicators": "api:indicator-list",
    "news": "api:news-list",
    "reports": "api:report-list",
}


class Root(PublicView):
    """What the API offers and under which licence."""

    @extend_schema(
        responses=inline_serializer(
            "Root",
            {
                "title": serializers.CharField(),
                "licence": inline_serializer(
                    "Licence", {"name": serializers.CharField(), "url": serializers.URLField()}
                ),
                "attribution": serializers.CharField(),
                "endpoints": serializers.DictField(child=serializers.URLField()),
                "schema": serializers.URLField(),
                "docs": serializers.URLField(),
                "sample_values": inline_serializer(
                    "SampleValues",
                    {
                        "projects": serializers.IntegerField(),
                        "news": serializers.IntegerField(),
                        "note": serializers.CharField(),
                    },
                ),
            },
        )
    )
    def get(self, request):
        def url(name):
            return request.build_absolute_uri(reverse(name))

        identity = site_identity()
        return Response(
            {
                "title": api_title(),
                "licence": settings.DATA_LICENCE,
                "attribution": gettext("Quelle: %(operator)s, %(programme)s")
                % {"operator": identity.operator_name, "programme": identity.programme_name},
                "endpoints": {name: url(view) for name, view in ENDPOINTS.items()},
                "schema": url("api:schema"),
                "docs": url("api:docs"),
                # How many published records carry sample figures; each says so in its own `sample_values`.
                "sample_values": {
                    "projects": Project.objects.published().filter(sample_values=True).count(),
                    "news": NewsItem.objects.public().filter(sample_values=True).count(),
                    "note": SAMPLE_VALUES_NOTE,
                },
            }
        )


def api_title() -> str:
    return gettext("Offene Daten von „%(name)s“") % {"name": site_identity().name}


class Schema(SpectacularAPIView):
    # Lazy: the schema view activates its `lang` parameter's language only after reading these settings.
    custom_settings = {"TITLE": lazy(api_title, str)()}


@csrf_exempt  # a DELETE to an unknown address gets the JSON 404, not the CSRF middleware's HTML page
def not_found(request):
    """Unknown addresses under /api/v1/ answer in JSON like the endpoints, not with the site's HTML page."""
    return JsonResponse({"detail": exceptions.NotFound.default_detail}, status=404)


class Docs(SpectacularSwaggerSplitView):
    # Loads its settings from a second request instead of an inline script, and has no inline style: the CSP holds.
    template_name = "api/docs.html"
    title = lazy(api_title, str)()
    url_name = "api:schema"

    def finalize_response(self, request, response, *args, **kwargs):
        # The page is HTML, but its errors and OPTIONS answer are JSON like the API's (no template renders them).
        if getattr(response, "exception", False) or request.method == "OPTIONS":
            request.accepted_renderer, request.accepted_media_type = renderers.JSONRenderer(), "application/json"
        return super().finalize_response(request, response, *args, **kwargs)


urlpatterns = [
    path("", Root.as_view(), name="root"),
    *projects.api.urlpatterns,
    *news.api.urlpatterns,
    *citizens.api.urlpatterns,
    path("schema/", public_cache(Schema.as_view(), query=("format", "lang", "version")), name="schema"),
    path("docs/", Docs.as_view(), name="docs"),
    re_path(r"^[\s\S]*/$", not_found),
]
