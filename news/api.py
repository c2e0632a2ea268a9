"""Open data API of the news: progress reports, press releases and announcements.

Only public items appear: published and due, so a scheduled item shows up by itself once its time has come.
Included under /api/v1/ by kaiserslautern_portal/api.py.
"""

from django.db.models import Q
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from rest_framework import serializers

from kaiserslautern_portal.lib.rest import (
    APIURLField,
    HtmlURLField,
    PublicDetailView,
    PublicListView,
    SinceFilter,
    StableOrderingFilter,
)
from projects.api import ProjectLinkSerializer
from projects.models import FieldOfAction, Project

from .models import NewsItem

# Serializers


class NewsItemSerializer(serializers.ModelSerializer):
    url = APIURLField("api:news-detail")
    html_url = HtmlURLField()
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    # Published projects only (NewsItemQuerySet.for_lists prefetches them so).
    projects = ProjectLinkSerializer(many=True, read_only=True)

    class Meta:
        model = NewsItem
        fields = ["url", "html_url", "slug", "title", "teaser", "kind", "kind_label", "author", "published_at",
                  "projects"]  # fmt: skip


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


urlpatterns = [
    path("news/", NewsList.as_view(), name="news-list"),
    path("news/<slug:slug>/", NewsDetail.as_view(), name="news-detail"),
]
