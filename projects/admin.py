from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from .models import FieldOfAction, Milestone, ProgressEntry, Project
from .services import progress_record


@admin.register(FieldOfAction)
class FieldOfActionAdmin(TranslationAdmin):
    list_display = ["name", "order", "colour", "project_count"]
    list_editable = ["order"]
    search_fields = ["name_de", "name_en"]
    prepopulated_fields = {"slug": ["name_de"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(project_count=Count("projects"))

    @admin.display(description=_("Projekte"), ordering="project_count")
    def project_count(self, field):
        return field.project_count


class MilestoneInline(TranslationStackedInline):
    model = Milestone
    extra = 0
    fields = [("title", "order"), "description", ("due_date", "completed_on")]


class ProgressEntryInline(admin.TabularInline):
    model = ProgressEntry
    extra = 0
    fields = ["recorded_at", "progress", "status"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = _("Fortschrittsverlauf (wird bei jeder Änderung von Fortschritt oder Status ergänzt)")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Project)
class ProjectAdmin(TranslationAdmin):
    list_display = ["title", "field", "status", "progress", "start_date", "planned_end_date", "is_published", "updated"]
    list_filter = ["is_published", "status", "field"]
    search_fields = ["title_de", "title_en", "summary_de", "partners", "responsible_office"]
    date_hierarchy = "start_date"
    list_select_related = ["field"]
    prepopulated_fields = {"slug": ["title_de"]}
    inlines = [MilestoneInline, ProgressEntryInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "field", "summary", "description", "is_published"]}),
        (_("Stand"), {"fields": ["status", "progress", "start_date", "planned_end_date", "actual_end_date"]}),
        (_("Geld und Partner"), {"fields": ["budget", "funding_source", "partners"]}),
        (_("Zuständigkeit"), {"fields": ["responsible_office", "contact_name", "contact_email", "contact_phone"]}),
        (_("Ort"), {"fields": ["place_name", "latitude", "longitude"], "classes": ["collapse"]}),
        (_("Bild"), {"fields": ["image", "image_alt", "image_credit"], "classes": ["collapse"]}),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        progress_record(project=obj)

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
