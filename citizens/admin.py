from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from news.admin import NewsItemAdmin
from news.models import NewsItem

from .models import Delivery, Subscription, User


@admin.register(User)
class CitizenAdmin(UserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active", "date_joined"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password", "language"]}),
        (_("Name"), {"fields": ["first_name", "last_name"]}),
        (_("Berechtigungen"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Wichtige Daten"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "user", "everything", "frequency", "language", "requested_at", "confirmed_at"]
    list_filter = ["frequency", "language", "everything", ("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["email"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["fields", "projects"]
    readonly_fields = ["consent_text", "requested_at", "confirmed_at", "created", "updated"]


class NewsItemWithNotificationsAdmin(NewsItemAdmin):
    """The news admin, plus how its email notifications are doing (citizens knows news; not the other way)."""

    def get_list_display(self, request):
        return [*super().get_list_display(request), "notifications"]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "notifications"]

    def get_fieldsets(self, request, obj=None):
        return [*super().get_fieldsets(request, obj), (_("E-Mail-Benachrichtigungen"), {"fields": ["notifications"]})]

    def get_queryset(self, request):
        counts = {
            f"deliveries_{status}": Count("deliveries", filter=Q(deliveries__status=status))
            for status in ("pending", "sending", "sent", "failed")
        }
        return super().get_queryset(request).annotate(**counts)

    @admin.display(description=_("E-Mails"))
    def notifications(self, item):
        if not item.pk:
            return "–"
        counts = getattr(item, "deliveries_sent", None)
        if counts is None:  # the change form's object comes without annotations
            item = self.get_queryset(None).get(pk=item.pk)
        return _("%(pending)d wartend, %(sent)d gesendet, %(failed)d fehlgeschlagen") % {
            "pending": item.deliveries_pending + item.deliveries_sending,
            "sent": item.deliveries_sent,
            "failed": item.deliveries_failed,
        }


admin.site.unregister(NewsItem)
admin.site.register(NewsItem, NewsItemWithNotificationsAdmin)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["news_item", "kind", "email", "status", "attempts", "sent_at", "last_error"]
    list_filter = ["status", "kind"]
    search_fields = ["email", "news_item__title_de"]
    list_select_related = ["news_item"]
    readonly_fields = [field.name for field in Delivery._meta.fields]

    def has_add_permission(self, request):
        return False
