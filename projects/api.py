"""Open data API of the programme: fields of action, projects with milestones and progress history, milestones.

Only published projects and their milestones appear. Included under /api/v1/ by kaiserslautern_portal/api.py.
"""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kaiserslautern_portal.rest import (
    APIURLField,
    HtmlURLField,
    PublicDetailView,
    PublicListView,
    SinceFilter,
    StableOrderingFilter,
)

from .models import FieldOfAction, Milestone, ProgressEntry, Project

# Serializers


class FieldOfActionSerializer(serializers.ModelSerializer):
    url = APIURLField("api:field-detail")
    html_url = HtmlURLField()
    project_count = serializers.IntegerField(read_only=True)
    average_progress = serializers.FloatField(read_only=True, allow_null=True)
    projects_url = serializers.SerializerMethodField()

    class Meta:
        model = FieldOfAction
        fields = ["url", "html_url", "slug", "name", "summary", "colour", "project_count", "average_progress",
                  "projects_url"]  # fmt: skip

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

    class Meta:
        model = Project
        fields = ["url", "html_url", "slug", "title", "summary", "field", "status", "status_label", "progress",
                  "start_date", "planned_end_date", "actual_end_date", "budget", "funding_source",
                  "responsible_office", "updated"]  # fmt: skip
        extra_kwargs = {"budget": {"coerce_to_string": False}}


class ProjectMilestoneSerializer(serializers.ModelSerializer):
    state = serializers.ChoiceField(choices=Milestone.State.choices, read_only=True)

    class Meta:
        model = Milestone
        fields = ["id", "title", "description", "due_date", "completed_on", "state"]


class ProgressEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgressEntry
        fields = ["recorded_at", "progress", "status"]


class ProjectDetailSerializer(ProjectSerializer):
    description_html = serializers.CharField(read_only=True)
    partners = serializers.ListField(source="partner_list", child=serializers.CharField(), read_only=True)
    milestones = ProjectMilestoneSerializer(many=True, read_only=True)
    progress_history = ProgressEntrySerializer(source="progress_entries", many=True, read_only=True)

    class Meta(ProjectSerializer.Meta):
        fields = [*ProjectSerializer.Meta.fields, "description", "description_html", "partners", "contact_name",
                  "contact_email", "contact_phone", "place_name", "latitude", "longitude", "image", "image_alt",
                  "image_credit", "created", "milestones", "progress_history"]  # fmt: skip
        extra_kwargs = {name: {"coerce_to_string": False} for name in ("budget", "latitude", "longitude")}


class ProjectLinkSerializer(serializers.ModelSerializer):
    url = APIURLField("api:project-detail")
    html_url = HtmlURLField()

    class Meta:
        model = Project
        fields = ["slug", "title", "url", "html_url"]


class MilestoneSerializer(ProjectMilestoneSerializer):
    project = ProjectLinkSerializer(read_only=True)
    html_url = serializers.SerializerMethodField()

    class Meta(ProjectMilestoneSerializer.Meta):
        fields = [*ProjectMilestoneSerializer.Meta.fields, "project", "html_url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, milestone):
        return self.context["request"].build_absolute_uri(f"{milestone.project.get_absolute_url()}#milestones")


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
    """A published project with its milestones and progress history."""

    serializer_class = ProjectDetailSerializer
    queryset = Project.objects.published().for_detail()
    lookup_field = "slug"


class MilestoneList(PublicListView):
    """Milestones of published projects, by due date; `?format=csv` gives every matching milestone."""

    serializer_class = MilestoneSerializer
    queryset = Milestone.objects.public().order_by("due_date", "pk")
    filterset_class = MilestoneFilter
    csv_filename = "meilensteine.csv"


urlpatterns = [
    path("fields-of-action/", FieldOfActionList.as_view(), name="field-list"),
    path("fields-of-action/<slug:slug>/", FieldOfActionDetail.as_view(), name="field-detail"),
    path("projects/", ProjectList.as_view(), name="project-list"),
    path("projects/<slug:slug>/", ProjectDetail.as_view(), name="project-detail"),
    path("milestones/", MilestoneList.as_view(), name="milestone-list"),
]
