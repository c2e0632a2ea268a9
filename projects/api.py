"""Open data API of the programme: fields of action, projects with milestones, progress history and accountability
(date changes, outcome indicators), milestones, indicators.

Only published projects and what belongs to them appear. Included under /api/v1/ by kaiserslautern_portal/api.py.
"""

from django.db.models import Prefetch
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kaiserslautern_portal.lib.rest import (
    APIURLField,
    CSVRenderer,
    HtmlURLField,
    PublicDetailView,
    PublicListView,
    SinceFilter,
    StableOrderingFilter,
)

from .models import DateChange, FieldOfAction, Indicator, IndicatorValue, Milestone, ProgressEntry, Project

# Serializers


class FieldOfActionSerializer(serializers.ModelSerializer):
    url = APIURLField("api:field-detail")
    html_url = HtmlURLField()
    project_count = serializers.IntegerField(read_only=True)
    average_progress = serializers.FloatField(read_only=True, allow_null=True)
    projects_url = serializers.SerializerMethodField()
    sample_project_count = serializers.IntegerField(source="sample_count", read_only=True)

    class Meta:
        model = FieldOfAction
        fields = ["url", "html_url", "slug", "name", "summary", "colour", "project_count", "average_progress",
                  "projects_url", "sample_project_count"]  # fmt: skip

    @extend_schema_field(OpenApiTypes.URI)
    def get_projects_url(self, field):
        url = f"{reverse('api:project-list')}?{urlencode({'field': field.slug})}"
        return self.context["request"].build_absolute_uri(url)


class FieldOfActionLinkSerializer(serializers.ModelSerializer):
    url = APIURLField("api:field-detail")

    class Meta:
        model = FieldOfAction
        fields = ["slug", "name", "url"]


class ProjectSerializer(serializers.ModelSerializer):
    url = APIURLField("api:project-detail")
    html_url = HtmlURLField()
    field = FieldOfActionLinkSerializer(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    # Accountability from the project's own row: no extra query, so lists and their CSV carry it too.
    slip_days = serializers.IntegerField(read_only=True, allow_null=True)
    next_update_due = serializers.DateField(read_only=True, allow_null=True)
    update_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Project
        # New columns go at the end, so that CSV readers which count columns keep working.
        fields = ["url", "html_url", "slug", "title", "summary", "field", "status", "status_label", "progress",
                  "start_date", "planned_end_date", "actual_end_date", "budget", "funding_source",
                  "responsible_office", "updated", "baseline_end_date", "slip_days", "spent", "spent_as_of",
                  "last_update", "next_update_due", "update_overdue", "sample_values"]  # fmt: skip
        extra_kwargs = {name: {"coerce_to_string": False} for name in ("budget", "spent")}


class ProjectMilestoneSerializer(serializers.ModelSerializer):
    state = serializers.ChoiceField(choices=Milestone.State.choices, read_only=True)
    slip_days = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Milestone
        fields = ["id", "title", "description", "due_date", "completed_on", "state", "baseline_due_date", "slip_days"]


class ProgressEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgressEntry
        fields = ["recorded_at", "progress", "status"]


class DateChangeSerializer(serializers.ModelSerializer):
    milestone_title = serializers.CharField(source="milestone.title", read_only=True, allow_null=True)

    class Meta:
        model = DateChange
        fields = ["kind", "milestone", "milestone_title", "old_date", "new_date", "shift_days", "reason", "changed_at"]


class IndicatorValueSerializer(serializers.ModelSerializer):
    class Meta:
        model = IndicatorValue
        fields = ["date", "value", "note"]
        extra_kwargs = {"value": {"coerce_to_string": False}}


class IndicatorSerializer(serializers.ModelSerializer):
    unit_label = serializers.CharField(source="get_unit_display", read_only=True)
    values = IndicatorValueSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = ["id", "name", "unit", "unit_label", "baseline_value", "baseline_date", "target_value", "target_date",
                  "values"]  # fmt: skip
        extra_kwargs = {name: {"coerce_to_string": False} for name in ("baseline_value", "target_value")}


class ProjectDetailSerializer(ProjectSerializer):
    description_html = serializers.CharField(read_only=True)
    partners = serializers.ListField(source="partner_list", child=serializers.CharField(), read_only=True)
    milestones = ProjectMilestoneSerializer(many=True, read_only=True)
    progress_history = ProgressEntrySerializer(source="progress_entries", many=True, read_only=True)
    date_changes = DateChangeSerializer(many=True, read_only=True)
    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta(ProjectSerializer.Meta):
        fields = [*ProjectSerializer.Meta.fields, "description", "description_html", "partners", "contact_name",
                  "contact_email", "contact_phone", "place_name", "latitude", "longitude", "image", "image_alt",
                  "image_credit", "created", "milestones", "progress_history", "date_changes",
                  "indicators"]  # fmt: skip
        extra_kwargs = {name: {"coerce_to_string": False} for name in ("budget", "spent", "latitude", "longitude")}


class ProjectLinkSerializer(serializers.ModelSerializer):
    url = APIURLField("api:project-detail")
    html_url = HtmlURLField()

    class Meta:
        model = Project
        fields = ["slug", "title", "url", "html_url"]


class MilestoneSerializer(ProjectMilestoneSerializer):
    project = ProjectLinkSerializer(read_only=True)
    html_url = serializers.SerializerMethodField()
    sample_values = serializers.BooleanField(source="project.sample_values", read_only=True)

    class Meta(ProjectMilestoneSerializer.Meta):
        fields = [*ProjectMilestoneSerializer.Meta.fields, "project", "html_url", "sample_values"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, milestone):
        return self.context["request"].build_absolute_uri(f"{milestone.project.get_absolute_url()}#milestones")


class IndicatorListSerializer(IndicatorSerializer):
    project = ProjectLinkSerializer(read_only=True)
    sample_values = serializers.BooleanField(source="project.sample_values", read_only=True)

    class Meta(IndicatorSerializer.Meta):
        fields = [*IndicatorSerializer.Meta.fields, "project", "sample_values"]


class IndicatorValueRowSerializer(serializers.ModelSerializer):
    """One measured value with its indicator: a row of the indicators' CSV file."""

    project_slug = serializers.CharField(source="indicator.project.slug", read_only=True)
    indicator_id = serializers.IntegerField(source="indicator.id", read_only=True)
    indicator_name = serializers.CharField(source="indicator.name", read_only=True)
    unit = serializers.CharField(source="indicator.unit", read_only=True)
    baseline_value = serializers.DecimalField(
        source="indicator.baseline_value", max_digits=14, decimal_places=2, coerce_to_string=False, read_only=True
    )
    baseline_date = serializers.DateField(source="indicator.baseline_date", read_only=True)
    target_value = serializers.DecimalField(
        source="indicator.target_value", max_digits=14, decimal_places=2, coerce_to_string=False, read_only=True
    )
    target_date = serializers.DateField(source="indicator.target_date", read_only=True)
    sample_values = serializers.BooleanField(source="indicator.project.sample_values", read_only=True)

    class Meta:
        model = IndicatorValue
        fields = ["project_slug", "indicator_id", "indicator_name", "unit", "date", "value", "note", "baseline_value",
                  "baseline_date", "target_value", "target_date", "sample_values"]  # fmt: skip
        extra_kwargs = {"value": {"coerce_to_string": False}}


# Filters: invalid values (unknown slug or status, bad date, unknown ordering) answer 400 with the field's error.


class ProjectFilter(filters.FilterSet):
    field = filters.ModelChoiceFilter(
        label=_("Handlungsfeld (Kurzname)"), queryset=FieldOfAction.objects.all(), to_field_name="slug"
    )
    status = filters.ChoiceFilter(label=_("Status"), choices=Project.Status.choices)
    q = filters.CharFilter(label=_("Suche in Titel, Zusammenfassung und Beschreibung"), method="search", max_length=100)
    updated_since = SinceFilter(label=_("geändert seit (ISO 8601)"), field_name="updated")
    ordering = StableOrderingFilter(
        label=_("Sortierung"),
        fields=["title", "progress", "planned_end_date", "updated"],
        field_labels={"title": _("Titel"), "progress": _("Fortschritt in Prozent"),
                      "planned_end_date": _("geplantes Ende"), "updated": _("geändert")},
    )  # fmt: skip

    class Meta:
        model = Project
        fields = []

    def search(self, queryset, name, value):
        return queryset.search(value)


class MilestoneFilter(filters.FilterSet):
    project = filters.ModelChoiceFilter(
        label=_("Projekt (Kurzname)"), queryset=Project.objects.published(), to_field_name="slug"
    )
    field = filters.ModelChoiceFilter(
        label=_("Handlungsfeld (Kurzname)"),
        field_name="project__field",
        queryset=FieldOfAction.objects.all(),
        to_field_name="slug",
    )
    state = filters.ChoiceFilter(label=_("Stand"), choices=Milestone.State.choices, method="in_state")
    ordering = StableOrderingFilter(
        label=_("Sortierung"),
        fields=["due_date", "completed_on"],
        field_labels={"due_date": _("fällig am"), "completed_on": _("erreicht am")},
    )

    class Meta:
        model = Milestone
        fields = []

    def in_state(self, queryset, name, value):
        return queryset.in_state(value, timezone.localdate())


class IndicatorFilter(filters.FilterSet):
    project = filters.ModelChoiceFilter(
        label=_("Projekt (Kurzname)"), queryset=Project.objects.published(), to_field_name="slug"
    )

    class Meta:
        model = Indicator
        fields = []


class IndicatorValueFilter(filters.FilterSet):
    """The same parameters for the CSV file, whose rows are measured values."""

    project = filters.ModelChoiceFilter(
        label=_("Projekt (Kurzname)"),
        field_name="indicator__project",
        queryset=Project.objects.published(),
        to_field_name="slug",
    )

    class Meta:
        model = IndicatorValue
        fields = []


# Views


class FieldOfActionList(PublicListView):
    """Fields of action of the programme with the number and average progress of their published projects."""

    serializer_class = FieldOfActionSerializer
    queryset = FieldOfAction.objects.with_stats().order_by("order", "name", "pk")


class FieldOfActionDetail(PublicDetailView):
    """A field of action with the number and average progress of its published projects."""

    serializer_class = FieldOfActionSerializer
    queryset = FieldOfAction.objects.with_stats()
    lookup_field = "slug"


class ProjectList(PublicListView):
    """Published projects; `?format=csv` gives every matching project as one spreadsheet."""

    serializer_class = ProjectSerializer
    queryset = Project.objects.published().select_related("field").order_by("title", "pk")
    filterset_class = ProjectFilter
    csv_filename = "projekte.csv"


class ProjectDetail(PublicDetailView):
    """A published project with its milestones, progress history, date changes and outcome indicators."""

    serializer_class = ProjectDetailSerializer
    queryset = Project.objects.published().for_detail().with_accountability()
    lookup_field = "slug"


class MilestoneList(PublicListView):
    """Milestones of published projects, by due date; `?format=csv` gives every matching milestone."""

    serializer_class = MilestoneSerializer
    queryset = Milestone.objects.public().order_by("due_date", "pk")
    filterset_class = MilestoneFilter
    csv_filename = "meilensteine.csv"


class IndicatorList(PublicListView):
    """Outcome indicators of published projects with their measured values; `?format=csv` gives one row per measured
    value (indicators without values have no row)."""

    csv_filename = "indikatoren.csv"

    def wants_csv(self):
        return isinstance(getattr(self.request, "accepted_renderer", None), CSVRenderer)

    def get_queryset(self):
        if self.wants_csv():
            return (
                IndicatorValue.objects.filter(indicator__project__is_published=True)
                .select_related("indicator__project")
                .defer("indicator__project__search_vector")
                .order_by("indicator__project__title", "indicator__project__pk", "indicator__order", "indicator__pk",
                          "date", "pk")
            )  # fmt: skip
        return (
            Indicator.objects.filter(project__is_published=True)
            .select_related("project")
            .defer("project__search_vector")
            .prefetch_related(Prefetch("values", queryset=IndicatorValue.objects.order_by("date", "pk")))
            .order_by("project__title", "project__pk", "order", "pk")
        )

    def get_serializer_class(self):
        return IndicatorValueRowSerializer if self.wants_csv() else IndicatorListSerializer

    @property
    def filterset_class(self):
        return IndicatorValueFilter if self.wants_csv() else IndicatorFilter


urlpatterns = [
    path("fields-of-action/", FieldOfActionList.as_view(), name="field-list"),
    path("fields-of-action/<slug:slug>/", FieldOfActionDetail.as_view(), name="field-detail"),
    path("projects/", ProjectList.as_view(), name="project-list"),
    path("projects/<slug:slug>/", ProjectDetail.as_view(), name="project-detail"),
    path("milestones/", MilestoneList.as_view(), name="milestone-list"),
    path("indicators/", IndicatorList.as_view(), name="indicator-list"),
]
