"""Open data API of the news: progress reports, press releases and announcements; and the programme reports, whose
frozen content comes as JSON and, table by table, as CSV.

Only public items appear: published and due, so a scheduled item shows up by itself once its time has come.
Included under /api/v1/ by kaiserslautern_portal/api.py.
"""

from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import exceptions, serializers
from rest_framework.response import Response

from kaiserslautern_portal.lib.rest import (
    APIURLField,
    CSVRenderer,
    HtmlURLField,
    PublicDetailView,
    PublicListView,
    PublicView,
    SinceFilter,
    StableOrderingFilter,
)
from projects.api import ProjectLinkSerializer
from projects.models import FieldOfAction, Project

from .models import NewsItem, ProgrammeReport, ReportErratum

# Serializers


class NewsItemSerializer(serializers.ModelSerializer):
    url = APIURLField("api:news-detail")
    html_url = HtmlURLField()
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    # Published projects only (NewsItemQuerySet.for_lists prefetches them so).
    projects = ProjectLinkSerializer(many=True, read_only=True, source="public_projects")

    class Meta:
        model = NewsItem
        fields = ["url", "html_url", "slug", "title", "teaser", "kind", "kind_label", "author", "published_at",
                  "projects", "sample_values"]  # fmt: skip


class NewsItemDetailSerializer(NewsItemSerializer):
    body_html = serializers.CharField(read_only=True)

    class Meta(NewsItemSerializer.Meta):
        fields = [*NewsItemSerializer.Meta.fields, "body", "body_html", "image", "image_alt", "image_credit",
                  "updated"]  # fmt: skip


# Filters: invalid values (unknown slug or kind, bad moment, unknown ordering) answer 400 with the field's error.


class NewsFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(label=_("Art"), choices=NewsItem.Kind.choices)
    project = filters.ModelChoiceFilter(
        label=_("Projekt (Kurzname)"),
        field_name="projects",
        queryset=Project.objects.published(),
        to_field_name="slug",
    )
    field = filters.ModelChoiceFilter(
        label=_("Handlungsfeld (Kurzname)"),
        field_name="projects__field",
        queryset=FieldOfAction.objects.all(),
        to_field_name="slug",
        method="in_field",
    )
    published_since = SinceFilter(label=_("veröffentlicht seit (ISO 8601)"), field_name="published_at")
    q = filters.CharFilter(label=_("Suche in Titel, Anreißer und Text"), method="search", max_length=100)
    ordering = StableOrderingFilter(
        label=_("Sortierung"),
        fields=["published_at", "title"],
        field_labels={"published_at": _("Veröffentlichung"), "title": _("Titel")},
    )

    class Meta:
        model = NewsItem
        fields = []

    def in_field(self, queryset, name, value):
        return queryset.for_field(value)

    def search(self, queryset, name, value):
        # A simple match in either language, like the project list; the site search ranks full text.
        match = Q()
        for field in ("title_de", "title_en", "teaser_de", "teaser_en", "body_de", "body_en"):
            match |= Q(**{f"{field}__icontains": value})
        return queryset.filter(match)


# Views: querysets are built per request, since what is public depends on the moment.


class NewsList(PublicListView):
    """Public news, newest first."""

    serializer_class = NewsItemSerializer
    filterset_class = NewsFilter

    def get_queryset(self):
        return NewsItem.objects.public().for_lists()


class NewsDetail(PublicDetailView):
    """A public news item with its text as Markdown and as sanitized HTML."""

    serializer_class = NewsItemDetailSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return NewsItem.objects.public().for_lists()


# Programme reports


class ErratumSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportErratum
        fields = ["date", "text"]


class ProgrammeReportSerializer(serializers.ModelSerializer):
    url = APIURLField("api:report-detail")
    html_url = HtmlURLField()
    csv_url = serializers.SerializerMethodField()
    errata = ErratumSerializer(many=True, read_only=True)

    class Meta:
        model = ProgrammeReport
        fields = ["url", "html_url", "csv_url", "slug", "title", "period_start", "period_end", "published_at",
                  "errata"]  # fmt: skip

    @extend_schema_field(OpenApiTypes.URI)
    def get_csv_url(self, report):
        return self.context["request"].build_absolute_uri(reverse("api:report-csv", kwargs={"slug": report.slug}))


class ProgrammeReportDetailSerializer(ProgrammeReportSerializer):
    foreword_html = serializers.CharField(read_only=True)
    snapshot = serializers.JSONField(
        read_only=True,
        help_text=_(
            "Der bei der Veröffentlichung festgeschriebene Inhalt: Stand am Ende des Zeitraums, je Handlungsfeld, je "
            "Projekt, Ereignisse im Zeitraum und Vergleich mit dem letzten Bericht. Texte stehen als <name>_de und "
            "<name>_en darin."
        ),
    )

    class Meta(ProgrammeReportSerializer.Meta):
        fields = [*ProgrammeReportSerializer.Meta.fields, "foreword", "foreword_html", "frozen_at", "snapshot"]


class ProgrammeReportList(PublicListView):
    """Published programme reports, the latest period first."""

    serializer_class = ProgrammeReportSerializer

    def get_queryset(self):
        return ProgrammeReport.objects.public().for_lists()


class ProgrammeReportDetail(PublicDetailView):
    """A published programme report with its frozen content (`snapshot`) and its dated corrections."""

    serializer_class = ProgrammeReportDetailSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return ProgrammeReport.objects.public().prefetch_related("errata")


# Each table of a report's CSV: where its rows lie in the snapshot, and its columns (nested objects flattened).
REPORT_TABLES = {
    "projects": (("projects",), ["slug", "title_de", "title_en", "field", "status", "progress", "status_at_start",
                                 "progress_at_start", "baseline_end", "planned_end", "actual_end", "slip_days", "late",
                                 "budget", "spent", "spent_as_of"]),
    "fields": (("fields",), ["slug", "name_de", "name_en", "projects", "on_time", "late", "average_progress",
                             *(f"by_status_{status}" for status in Project.Status.values), "budget", "budget_projects",
                             "spent", "spent_projects", "spent_as_of_earliest", "spent_as_of_latest", "period_started",
                             "period_completed", "period_paused", "period_stopped", "period_milestones_reached",
                             "period_milestones_overdue", "period_date_changes"]),
    "milestones_reached": (("period_events", "milestones_reached"), ["project_slug", "project_title_de",
                                                                     "title_de", "title_en", "date"]),
    "milestones_overdue": (("period_events", "milestones_overdue"), ["project_slug", "project_title_de",
                                                                     "title_de", "title_en", "due_date"]),
    "date_changes": (("period_events", "date_changes"), ["project_slug", "project_title_de", "kind",
                                                         "milestone_title_de", "old_date", "new_date", "shift_days",
                                                         "reason", "changed_on"]),
    "progress_changes": (("period_events", "progress_changes"), ["slug", "title_de", "title_en", "from", "to"]),
    "indicators": (("period_events", "indicators"), ["project_slug", "project_title_de", "name_de", "name_en", "unit",
                                                     "baseline_value", "baseline_date", "value", "value_date",
                                                     "target_value", "target_date", "share_of_way"]),
    "news": (("period_events", "news"), ["slug", "title_de", "title_en", "kind", "published_at"]),
}  # fmt: skip


class ProgrammeReportCSV(PublicView):
    renderer_classes = [CSVRenderer]

    def query_parameters(self) -> set[str]:
        return {*super().query_parameters(), "table"}

    @extend_schema(
        operation_id="reports_csv",
        parameters=[
            OpenApiParameter(
                "table",
                OpenApiTypes.STR,
                enum=list(REPORT_TABLES),
                description=_("Welche Tabelle des Berichts; ohne Angabe die Projekte."),
            )
        ],
        responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description=_("Eine Zeile je Eintrag"))},
    )
    def get(self, request, slug):
        """One table of a published programme report as CSV (UTF-8 with byte order mark), from its frozen content."""
        table = request.query_params.get("table") or "projects"
        if table not in REPORT_TABLES:
            message = _("Bitte eine dieser Tabellen angeben: %(tables)s") % {"tables": ", ".join(REPORT_TABLES)}
            raise exceptions.ValidationError({"table": [message]})
        report = ProgrammeReport.objects.public().filter(slug=slug).first()
        if report is None:
            raise exceptions.NotFound
        path, self.csv_columns = REPORT_TABLES[table]
        rows = report.snapshot
        for key in path:
            rows = rows[key]
        self.csv_filename = f"programmbericht-{report.slug}-{table}.csv"
        return Response(rows)


urlpatterns = [
    path("news/", NewsList.as_view(), name="news-list"),
    path("news/<slug:slug>/", NewsDetail.as_view(), name="news-detail"),
    path("reports/", ProgrammeReportList.as_view(), name="report-list"),
    path("reports/<slug:slug>/", ProgrammeReportDetail.as_view(), name="report-detail"),
    path("reports/<slug:slug>/csv/", ProgrammeReportCSV.as_view(), name="report-csv"),
]
