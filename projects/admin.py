import copy

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from kaiserslautern_portal.lib.english_admin import EnglishMissingFilter, EnglishMissingMixin

from .models import DateChange, FieldOfAction, Indicator, IndicatorValue, Milestone, ProgressEntry, Project
from .services import PLANNED_DATES, milestone_save, planned_date_change, project_mark_updated, project_save

# Amounts and measured values in German notation ("180000,00"), not the number input's "180000.00".
LOCALIZED_NUMBERS = {models.DecimalField: {"localize": True}}


def reason_field(help_text):
    return forms.CharField(
        label=_("Begründung der Terminänderung"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=help_text,
    )


@admin.register(FieldOfAction)
class FieldOfActionAdmin(EnglishMissingMixin, TranslationAdmin):
    list_display = ["name", "order", "colour", "project_count", "english_missing"]
    list_filter = [EnglishMissingFilter]
    list_editable = ["order"]
    search_fields = ["name_de", "name_en"]
    prepopulated_fields = {"slug": ["name_de"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(project_count=Count("projects"))

    @admin.display(description=_("Projekte"), ordering="project_count")
    def project_count(self, field):
        return field.project_count


class PlannedDateForm(forms.ModelForm):
    """Asks for the public reason of a moved date by the very rule that saves it (planned_date_change)."""

    def clean(self):
        cleaned = super().clean()
        date_field, _baseline, _kind = PLANNED_DATES[self._meta.model]
        if date_field in cleaned:
            plan = copy.copy(self.instance)  # the instance still holds the stored values until the form is saved
            setattr(plan, date_field, cleaned[date_field])
            stored = self.instance if self.instance.pk else None
            try:
                planned_date_change(plan=plan, stored=stored, reason=cleaned.get("date_change_reason", ""))
            except ValidationError as error:
                self.add_error("date_change_reason", error.messages)
        return cleaned


class MilestoneAdminForm(PlannedDateForm):
    date_change_reason = reason_field(
        _("Pflicht, wenn das Fälligkeitsdatum verschoben wird; wird öffentlich angezeigt.")
    )


class MilestoneInline(TranslationStackedInline):
    model = Milestone
    form = MilestoneAdminForm
    extra = 0
    fields = [
        ("title", "order"),
        "description",
        ("due_date", "completed_on"),
        "baseline_due_date",
        "date_change_reason",
    ]
    readonly_fields = ["baseline_due_date"]


class IndicatorInline(TranslationStackedInline):
    """Stacked, two fields a line: as a table the indicators made a project's form 2,041 px wide."""

    model = Indicator
    extra = 0
    formfield_overrides = LOCALIZED_NUMBERS
    fields = [
        "name",
        ("unit", "order"),
        ("baseline_value", "baseline_date"),
        ("target_value", "target_date"),
        "values_link",
    ]
    readonly_fields = ["values_link"]
    verbose_name_plural = _("Wirkungsindikatoren (Messwerte auf der Seite des Indikators)")

    @admin.display(description=_("Messwerte"))
    def values_link(self, indicator):
        if not indicator.pk:
            return _("nach dem Speichern")
        url = reverse("admin:projects_indicator_change", args=[indicator.pk])
        return format_html('<a href="{}">{}</a>', url, _("Messwerte bearbeiten"))


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class DateChangeTranslationForm(forms.ModelForm):
    class Meta:
        model = DateChange
        fields = ["reason_en"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason_en"].required = False


class DateChangeInline(admin.TabularInline):
    """The record of a move stays as it was; only its English reason can be added later."""

    model = DateChange
    form = DateChangeTranslationForm
    fk_name = "project"
    extra = 0
    can_delete = False
    fields = ["changed_at", "kind", "milestone", "old_date", "new_date", "reason_de", "reason_en", "changed_by"]
    readonly_fields = [name for name in fields if name != "reason_en"]
    verbose_name_plural = _("Terminänderungen (werden beim Verschieben eines Termins mit Begründung ergänzt)")

    def has_add_permission(self, request, obj=None):
        return False


class ProgressEntryInline(ReadOnlyInline):
    model = ProgressEntry
    fields = ["recorded_at", "progress", "status"]
    readonly_fields = fields
    verbose_name_plural = _("Fortschrittsverlauf (wird bei jeder Änderung von Fortschritt oder Status ergänzt)")


class ProjectAdminForm(PlannedDateForm):
    date_change_reason = reason_field(_("Pflicht, wenn das geplante Ende verschoben wird; wird öffentlich angezeigt."))
    confirm_update = forms.BooleanField(
        label=_("Stand geprüft und aktuell"),
        required=False,
        help_text=_(
            "Ankreuzen, wenn alle Angaben geprüft sind, auch ohne Änderung. Änderungen an Status, Fortschritt, "
            "Terminen, Ausgaben, Meilensteinen oder Messwerten zählen automatisch als Aktualisierung."
        ),
    )


@admin.register(Project)
class ProjectAdmin(EnglishMissingMixin, TranslationAdmin):
    form = ProjectAdminForm
    formfield_overrides = LOCALIZED_NUMBERS
    english_related = ("milestones", "date_changes", "indicators")
    list_display = [
        "title", "field", "status", "progress", "start_date", "planned_end_date", "is_published", "last_update",
        "update_overdue", "english_missing",
    ]  # fmt: skip
    list_filter = ["is_published", "status", "field", "update_interval_days", EnglishMissingFilter, "sample_values"]
    search_fields = ["title_de", "title_en", "summary_de", "partners_de", "responsible_office_de"]
    date_hierarchy = "start_date"
    list_select_related = ["field"]
    prepopulated_fields = {"slug": ["title_de"]}
    filter_horizontal = ["editors"]
    inlines = [MilestoneInline, IndicatorInline, DateChangeInline, ProgressEntryInline]
    actions = ["publish", "unpublish"]
    readonly_fields = ["baseline_end_date", "last_update", "next_update_due"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "field", "summary", "description", "is_published", "sample_values"]}),
        (
            _("Stand"),
            {
                "fields": [
                    "status",
                    "progress",
                    "start_date",
                    "planned_end_date",
                    "baseline_end_date",
                    "date_change_reason",
                    "actual_end_date",
                ]
            },
        ),
        (_("Geld und Partner"), {"fields": ["budget", ("spent", "spent_as_of"), "funding_source", "partners"]}),
        (
            _("Aktualität"),
            {"fields": ["update_interval_days", "last_update", "next_update_due", "confirm_update", "editors"]},
        ),
        (
            _("Zuständigkeit"),
            {"fields": ["responsible_office", "contact_name", "contact_email", "contact_phone", "press_email"]},
        ),
        (_("Ort"), {"fields": ["place_name", "latitude", "longitude"], "classes": ["collapse"]}),
        (_("Bild"), {"fields": ["image", "image_alt", "image_credit"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("nächste Aktualisierung fällig am"))
    def next_update_due(self, project):
        return project.next_update_due if project.pk else None

    @admin.display(description=_("Aktualisierung überfällig"), boolean=True)
    def update_overdue(self, project):
        return project.update_overdue

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "editors":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True).order_by("email")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        project_save(
            project=obj,
            reason=form.cleaned_data.get("date_change_reason", ""),
            confirmed=form.cleaned_data.get("confirm_update", False),
            changed_by=request.user,
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is not Milestone:
            return super().save_formset(request, form, formset, change)
        reasons = {
            id(f.instance): f.cleaned_data.get("date_change_reason", "") for f in formset.forms if f.cleaned_data
        }
        milestones = formset.save(commit=False)
        for milestone in formset.deleted_objects:
            milestone.delete()
        for milestone in milestones:
            milestone_save(milestone=milestone, reason=reasons.get(id(milestone), ""), changed_by=request.user)

    @admin.action(description=_("Ausgewählte Projekte veröffentlichen"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(description=_("Veröffentlichung der ausgewählten Projekte zurücknehmen"), permissions=["change"])
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, False)

    def _set_published(self, request, queryset, published):
        for project in queryset:
            project.is_published = published
            project.save(update_fields=["is_published", "updated"])
        count = len(queryset)
        message = (
            ngettext("%(count)d Projekt veröffentlicht.", "%(count)d Projekte veröffentlicht.", count)
            if published
            else ngettext("%(count)d Projekt zurückgezogen.", "%(count)d Projekte zurückgezogen.", count)
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)


class IndicatorValueInline(TranslationTabularInline):
    model = IndicatorValue
    formfield_overrides = LOCALIZED_NUMBERS
    extra = 1
    fields = ["date", "value", "note"]


@admin.register(Indicator)
class IndicatorAdmin(EnglishMissingMixin, TranslationAdmin):
    english_related = ("values",)
    list_display = ["name", "project", "unit", "baseline_value", "target_value", "target_date", "english_missing"]
    list_filter = ["unit", EnglishMissingFilter]
    list_select_related = ["project"]
    search_fields = ["name_de", "name_en", "project__title_de"]
    autocomplete_fields = ["project"]
    inlines = [IndicatorValueInline]
    formfield_overrides = LOCALIZED_NUMBERS
    fields = ["project", "name", "unit", ("baseline_value", "baseline_date"), ("target_value", "target_date"), "order"]

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.new_objects or formset.changed_objects or formset.deleted_objects:
            project_mark_updated(project_id=form.instance.project_id)
