from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from kaiserslautern_portal.lib.english_admin import EnglishMissingFilter, EnglishMissingMixin

from .models import NewsItem, ProgrammeReport, ProgressUpdate, ReportErratum
from .reports import report_content
from .services import news_apply_progress, news_publish, report_publish, report_unschedule


class ProgressUpdateInline(admin.TabularInline):
    model = ProgressUpdate
    extra = 0
    fields = ["project", "progress", "status", "applied_at"]
    readonly_fields = ["applied_at"]
    autocomplete_fields = ["project"]


@dataclass(frozen=True)
class ItemColumn:
    """A read-only fact about each news item that a higher app shows in this admin (citizens: how its emails are
    doing): a column of the list and a section of its own on the change form. `display` is an admin.display
    function of one item; `annotate` adds to the queryset what it reads, once for all rows."""

    heading: str
    display: Callable[[NewsItem], str]
    annotate: Callable[[QuerySet], QuerySet]


@admin.register(NewsItem)
class NewsItemAdmin(EnglishMissingMixin, TranslationAdmin):
    # Filled by higher apps in their admin.py (ItemColumn); the news app itself knows none of them.
    columns: ClassVar[list[ItemColumn]] = []
    list_display = ["title", "kind", "status", "published_at", "visibility", "author", "english_missing"]
    list_filter = ["status", "kind", "published_at", "projects__field", EnglishMissingFilter, "sample_values"]
    search_fields = ["title_de", "title_en", "teaser_de", "author_de"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title_de"]}
    filter_horizontal = ["projects"]
    inlines = [ProgressUpdateInline]
    actions = ["publish_now"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "teaser", "body", "author", "press_email", "sample_values"]}),
        (_("Projekte"), {"fields": ["projects"]}),
        (_("Veröffentlichung"), {"fields": ["status", "published_at", "preview_link"]}),
        (_("Bild"), {"fields": ["image", "image_alt", "image_credit"], "classes": ["collapse"]}),
    ]
    readonly_fields = ["preview_link"]

    def get_list_display(self, request):
        return [*super().get_list_display(request), *(column.display for column in self.columns)]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *(column.display for column in self.columns)]

    def get_fieldsets(self, request, obj=None):
        extra = [(column.heading, {"fields": [column.display]}) for column in self.columns]
        return [*super().get_fieldsets(request, obj), *extra]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        for column in self.columns:
            queryset = column.annotate(queryset)
        return queryset

    @admin.display(description=_("Sichtbarkeit"))
    def visibility(self, item):
        if item.status == NewsItem.Status.DRAFT:
            return _("Entwurf")
        if item.published_at > timezone.now():
            return _("geplant")
        return _("öffentlich")

    @admin.display(description=_("Vorschau"))
    def preview_link(self, item):
        if not item.pk:
            return _("Nach dem ersten Speichern verfügbar.")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            item.get_absolute_url(),
            _("So sieht die Öffentlichkeit diese Meldung (öffnet ein neues Fenster)"),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Projects and progress values are saved now: a report that is already public takes effect at once.
        news_apply_progress(item=form.instance)

    @admin.action(description=_("Ausgewählte Meldungen jetzt veröffentlichen"), permissions=["change"])
    def publish_now(self, request, queryset):
        published, failed = 0, []
        for item in queryset.filter(status=NewsItem.Status.DRAFT):
            try:
                news_publish(item=item, at=timezone.now())
            except ValidationError as error:
                failed.append(f"{item}: {'; '.join(error.messages)}")
            else:
                published += 1
        message = ngettext("%(count)d Meldung veröffentlicht.", "%(count)d Meldungen veröffentlicht.", published)
        self.message_user(request, message % {"count": published}, messages.SUCCESS)
        for failure in failed:
            self.message_user(request, failure, messages.ERROR)


class ReportErratumInline(TranslationTabularInline):
    model = ReportErratum
    extra = 0
    fields = ["date", "text"]

    def has_add_permission(self, request, obj=None):
        # A correction belongs to a published report; a draft is simply edited.
        return obj is not None and obj.is_public and super().has_add_permission(request, obj)


@admin.register(ProgrammeReport)
class ProgrammeReportAdmin(TranslationAdmin):
    list_display = ["title", "period_start", "period_end", "status", "published_at", "frozen_at"]
    list_filter = ["status"]
    search_fields = ["title_de", "title_en"]
    prepopulated_fields = {"slug": ["title_de"]}
    inlines = [ReportErratumInline]
    actions = ["publish", "unschedule"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "period_start", "period_end", "foreword"]}),
        (_("Veröffentlichung"), {"fields": ["status", "published_at", "frozen_at", "preview_link"]}),
        (_("Erzeugte Zahlen (nicht bearbeitbar)"), {"fields": ["generated_numbers"]}),
    ]
    readonly_fields = ["status", "frozen_at", "preview_link", "generated_numbers"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.snapshot is not None:
            # Published means frozen: corrections go into dated errata below.
            frozen = ["title_de", "title_en", "slug", "period_start", "period_end", "foreword_de", "foreword_en"]
            return [*self.readonly_fields, *frozen, "published_at"]
        return self.readonly_fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None and obj.snapshot is not None else self.prepopulated_fields

    @admin.display(description=_("Vorschau"))
    def preview_link(self, report):
        if not report.pk:
            return _("Nach dem ersten Speichern verfügbar.")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            report.get_absolute_url(),
            _("Den ganzen Bericht ansehen, wie ihn die Öffentlichkeit sieht (öffnet ein neues Fenster)"),
        )

    @admin.display(description=_("Kennzahlen"))
    def generated_numbers(self, report):
        if not report.pk:
            return _("Nach dem ersten Speichern verfügbar.")
        content = report.snapshot or report_content(report)
        return render_to_string("news/_report_admin_numbers.html", {"content": content, "frozen": report.snapshot})

    @admin.action(description=_("Ausgewählte Berichte veröffentlichen (zum eingetragenen Zeitpunkt oder jetzt)"))
    def publish(self, request, queryset):
        published, failed = 0, []
        for report in queryset.filter(status=ProgrammeReport.Status.DRAFT):
            try:
                report_publish(report=report, at=report.published_at)
            except ValidationError as error:
                failed.append(f"{report}: {'; '.join(error.messages)}")
            else:
                published += 1
        message = ngettext("%(count)d Bericht veröffentlicht oder geplant.",
                           "%(count)d Berichte veröffentlicht oder geplant.", published)  # fmt: skip
        self.message_user(request, message % {"count": published}, messages.SUCCESS)
        for failure in failed:
            self.message_user(request, failure, messages.ERROR)

    @admin.action(description=_("Geplante Veröffentlichung der ausgewählten Berichte aufheben"))
    def unschedule(self, request, queryset):
        count = sum(report_unschedule(report=report) for report in queryset)
        message = ngettext(
            "%(count)d Bericht ist wieder ein Entwurf.", "%(count)d Berichte sind wieder Entwürfe.", count
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
