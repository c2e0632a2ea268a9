"""Building blocks of the open data API, shared by the endpoints of every app (kaiserslautern_portal/api.py)."""

import csv
import datetime
import io
import re
from functools import wraps

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, generics, mixins, pagination, renderers, serializers
from rest_framework.response import Response

from .cache import PageMark, keep_query_parameters, mark_public

CACHE_SECONDS = 60
# A spreadsheet export is built in memory; the programme has hundreds of rows, this bound keeps a mistake cheap.
MAX_CSV_ROWS = 10_000


def public_cache(view, query=("format",)):
    """Public GET answers: Cache-Control: public and Vary (ConditionalGetMiddleware adds the ETag and 304s).

    `query` names the parameters the view reads; the others are dropped, and the answer goes into the page cache
    (kaiserslautern_portal/lib/cache.py) under the content version, with the view's throttles still counting each hit.
    """
    names = frozenset(query)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        keep_query_parameters(request, names)
        response = view(request, *args, **kwargs)
        # The browsable HTML may carry a CSRF cookie, which a shared cache must never hand on.
        browsable = isinstance(getattr(response, "accepted_renderer", None), renderers.BrowsableAPIRenderer)
        if response.status_code == 200 and not browsable:
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
            owner = getattr(view, "__self__", None) or getattr(view, "view_class", None)
            throttles = tuple(getattr(owner, "throttle_classes", ()))
            mark_public(response, PageMark(query=names, throttles=throttles, negotiated=True))
        # The language comes from Accept-Language or, on the site, the language cookie; the format from Accept.
        patch_vary_headers(response, ("Accept", "Accept-Language", "Cookie"))
        return response

    return wrapped


class CSVRenderer(renderers.BaseRenderer):
    """One flat row per object for spreadsheets: RFC 4180, UTF-8 with a byte order mark so Excel shows umlauts."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        view = renderer_context["view"]
        out = io.StringIO()
        # A view without a serializer (a report's table from its snapshot) names its columns itself.
        columns = getattr(view, "csv_columns", None) or list(csv_columns(view.get_serializer()))
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(csv_row(item) for item in data)
        renderer_context["response"]["Content-Disposition"] = f'attachment; filename="{view.csv_filename}"'
        return ("\ufeff" + out.getvalue()).encode("utf-8")


def csv_columns(serializer, prefix=""):
    """Column names of a serializer, nested objects flattened: field → field_slug, field_name, ..."""
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.Serializer):
            yield from csv_columns(field, prefix=f"{prefix}{name}_")
        else:
            yield prefix + name


def csv_row(item, prefix=""):
    row = {}
    for name, value in item.items():
        if isinstance(value, dict):
            row.update(csv_row(value, prefix=f"{prefix}{name}_"))
        else:
            row[prefix + name] = "" if value is None else value
    return row


class Pagination(pagination.PageNumberPagination):
    """Pages of 20 objects; `page` and `page_size` that are not positive whole numbers get a 400, empty ones count
    as absent (like empty filters, which HTML forms send)."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    last_page_strings = ()

    def paginate_queryset(self, queryset, request, view=None):
        self.check_parameters(request)
        return super().paginate_queryset(queryset, request, view)

    def check_parameters(self, request):
        page = request.query_params.get(self.page_query_param) or "1"
        if not re.fullmatch(r"[0-9]+", page) or not page.strip("0"):
            raise exceptions.ValidationError({self.page_query_param: [_("Bitte eine Seitenzahl ab 1 angeben.")]})
        self.get_page_size(request)

    def get_page_size(self, request):
        size = request.query_params.get(self.page_size_query_param)
        if not size:
            return self.page_size
        if not re.fullmatch(r"[0-9]{1,3}", size) or not 1 <= int(size) <= self.max_page_size:
            message = _("Bitte eine Seitengröße von 1 bis %(max)d angeben.") % {"max": self.max_page_size}
            raise exceptions.ValidationError({self.page_size_query_param: [message]})
        return int(size)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        limits = {self.page_query_param: {"minimum": 1}, self.page_size_query_param: {"minimum": 1, "maximum": 100}}
        for parameter in parameters:
            parameter["schema"].update(limits.get(parameter["name"], {}))
        return parameters


def convertible_to_utc(value):
    try:
        value.astimezone(datetime.UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 lies before year 1 in UTC
        raise ValidationError(_("Dieser Zeitpunkt liegt außerhalb des möglichen Bereichs.")) from None


class SinceFilter(filters.IsoDateTimeFilter):
    """Objects from an ISO 8601 moment on. It reaches the database in UTC: PostgreSQL refuses offsets beyond ±15:59,
    which Python accepts."""

    def __init__(self, **kwargs):
        super().__init__(lookup_expr="gte", validators=[convertible_to_utc], **kwargs)

    def filter(self, qs, value):
        return super().filter(qs, value and value.astimezone(datetime.UTC))


class StableOrderingFilter(filters.OrderingFilter):
    """Sorting by the requested fields, then by primary key, so that pages never overlap or skip an object."""

    def filter(self, qs, value):
        if value and "" in value:  # `ordering=title,` would otherwise pass as `ordering=title`
            message = self.field.error_messages["invalid_choice"] % {"value": ""}
            raise exceptions.ValidationError({self.field_name: [message]})
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "pk") if value else qs


@extend_schema_field(OpenApiTypes.URI)
class APIURLField(serializers.Field):
    """The absolute address of the object in the API, looked up by slug (without DRF's ?format=, so CSV links work)."""

    def __init__(self, view_name, **kwargs):
        self.view_name = view_name
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(reverse(self.view_name, kwargs={"slug": value.slug}))


@extend_schema_field(OpenApiTypes.URI)
class HtmlURLField(serializers.Field):
    """The absolute address of the object's page for people (its get_absolute_url)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(value.get_absolute_url())


class PublicView(generics.GenericAPIView):
    # Public data: nobody logs in, so every client is anonymous and throttled as such.
    authentication_classes = ()

    def dispatch(self, request, *args, **kwargs):
        return public_cache(super().dispatch, query=self.query_parameters())(request, *args, **kwargs)

    def query_parameters(self) -> set[str]:
        """What the view reads from the query string: its filters, the pagination and the format."""
        filterset = getattr(self, "filterset_class", None)
        paginator = self.paginator
        pages = (paginator.page_query_param, paginator.page_size_query_param) if paginator else ()
        return {"format", *pages, *(filterset.base_filters if filterset else ())}

    def finalize_response(self, request, response, *args, **kwargs):
        # Only lists become CSV; errors and OPTIONS answers are JSON even when the client asked for CSV.
        csv_asked = isinstance(getattr(request, "accepted_renderer", None), CSVRenderer)
        if csv_asked and not isinstance(getattr(response, "data", None), list):
            request.accepted_renderer, request.accepted_media_type = renderers.JSONRenderer(), "application/json"
        return super().finalize_response(request, response, *args, **kwargs)


class PublicListView(PublicView, mixins.ListModelMixin):
    # A paginated list; with ?format=csv every matching object in one file, when the view names a csv_filename.
    pagination_class = Pagination
    csv_filename = None

    def get_renderers(self):
        extra = [CSVRenderer()] if self.csv_filename else []
        return super().get_renderers() + extra

    def get(self, request, *args, **kwargs):
        if not isinstance(request.accepted_renderer, CSVRenderer):
            return self.list(request, *args, **kwargs)
        self.paginator.check_parameters(request)  # a CSV file has no pages, but nonsense is refused all the same
        rows = list(self.filter_queryset(self.get_queryset())[: MAX_CSV_ROWS + 1])
        if len(rows) > MAX_CSV_ROWS:
            message = _("Zu viele Zeilen für eine CSV-Datei; bitte mit Filtern eingrenzen.")
            raise exceptions.ValidationError({"format": [message]})
        return Response(self.get_serializer(rows, many=True).data)


class PublicDetailView(PublicView, mixins.RetrieveModelMixin):
    def get(self, request, *args, **kwargs):
        return self.retrieve(request, *args, **kwargs)

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            # DRF would pass on Django's English "No Project matches the given query."
            raise exceptions.NotFound from None


ERROR_SCHEMA = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
VALIDATION_ERROR_SCHEMA = {
    "type": "object",
    "description": "Parameter name → messages",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


def document_error_responses(result, generator, request, public):
    """drf-spectacular documents only the successful answer; schemathesis checks that every answer is documented.

    It also gives CSV the JSON schema of the page; a CSV file is text with one row per object. Operations that need
    a login (their security lacks the anonymous `{}`) answer 401 without credentials and 403 without permission.
    """
    result.setdefault("components", {}).setdefault("schemas", {}).update(
        {"Error": ERROR_SCHEMA, "ValidationError": VALIDATION_ERROR_SCHEMA}
    )

    def answer(description, schema):
        return {"description": description, "content": {"application/json": {"schema": {"$ref": schema}}}}

    for operations in result["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    parameter["allowEmptyValue"] = True  # `?status=&q=` from a form means "no filter"
            responses = operation["responses"]
            for response in responses.values():
                if "text/csv" in response.get("content", {}):
                    response["content"]["text/csv"] = {"schema": {"type": "string"}}
            if "requestBody" in operation:
                # Unreadable bodies (JSON that does not parse) get {"detail": "…"}, invalid fields the usual mapping.
                schemas = [{"$ref": "#/components/schemas/ValidationError"}, {"$ref": "#/components/schemas/Error"}]
                content = {"application/json": {"schema": {"anyOf": schemas}}}
                responses.setdefault("400", {"description": _("Ungültige Anfrage"), "content": content})
                # A body in a format the parsers refuse (or a multipart body they cannot split).
                responses.setdefault("415", answer(_("Nicht unterstütztes Datenformat"), "#/components/schemas/Error"))
            elif any(parameter["in"] == "query" for parameter in operation.get("parameters", [])):
                responses.setdefault("400", answer(_("Ungültige Parameter"), "#/components/schemas/ValidationError"))
            if {} not in operation.get("security", [{}]):
                responses.setdefault("401", answer(_("Nicht angemeldet"), "#/components/schemas/Error"))
                responses.setdefault("403", answer(_("Keine Berechtigung"), "#/components/schemas/Error"))
            responses.setdefault("404", answer(_("Nicht gefunden"), "#/components/schemas/Error"))
            responses.setdefault("429", answer(_("Zu viele Anfragen"), "#/components/schemas/Error"))
    return result
