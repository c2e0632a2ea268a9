from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from news.admin import ItemColumn, NewsItemAdmin
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


def delivery_counts(queryset):
    return queryset.annotate(
        **{
            f"deliveries_{status}": Count("deliveries", filter=Q(deliveries__status=status))
            for status in ("pending", "sending", "sent", "failed")
        }
    )


@admin.display(description=_("E-Mails"))
def email_notifications(item: NewsItem):
    if not item.pk:
        return "–"
    if not hasattr(item, "deliveries_sent"):  # an object the admin did not take from its queryset
        item = delivery_counts(NewsItem.objects.filter(pk=item.pk)).get()
    return _("%(pending)d wartend, %(sent)d gesendet, %(failed)d fehlgeschlagen") % {
        "pending": item.deliveries_pending + item.deliveries_sending,
        "sent": item.deliveries_sent,
        "failed": item.deliveries_failed,
    }


# Per news item, how its emails are doing: through the column the news admin offers, not by replacing it.
NewsItemAdmin.columns.append(
    ItemColumn(heading=_("E-Mail-Benachrichtigungen"), display=email_notifications, annotate=delivery_counts)
)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["news_item", "kind", "email", "status", "attempts", "sent_at", "last_error"]
    list_filter = ["status", "kind"]
    search_fields = ["email", "news_item__title_de"]
    list_select_related = ["news_item"]
    readonly_fields = [field.name for field in Delivery._meta.fields]

    def has_add_permission(self, request):
        return False
