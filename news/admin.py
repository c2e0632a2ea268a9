from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from kaiserslautern_portal.lib.english_admin import EnglishMissingFilter, EnglishMissingMixin

from .models import NewsItem, ProgressUpdate
from .services import news_apply_progress, news_publish


class ProgressUpdateInline(admin.TabularInline):
    model = ProgressUpdate
    extra = 0
    fields = ["project", "progress", "status", "applied_at"]
    readonly_fields = ["applied_at"]
    autocomplete_fields = ["project"]


@admin.register(NewsItem)
class NewsItemAdmin(EnglishMissingMixin, TranslationAdmin):
    list_display = ["title", "kind", "status", "published_at", "visibility", "author", "english_missing"]
    list_filter = ["status", "kind", "published_at", "projects__field", EnglishMissingFilter]
    search_fields = ["title_de", "title_en", "teaser_de", "author_de"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title_de"]}
    filter_horizontal = ["projects"]
    inlines = [ProgressUpdateInline]
    actions = ["publish_now"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "teaser", "body", "author", "press_email"]}),
        (_("Projekte"), {"fields": ["projects"]}),
        (_("Veröffentlichung"), {"fields": ["status", "published_at", "preview_link"]}),
        (_("Bild"), {"fields": ["image", "image_alt", "image_credit"], "classes": ["collapse"]}),
    ]
    readonly_fields = ["preview_link"]

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
