from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Subscription, User


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
