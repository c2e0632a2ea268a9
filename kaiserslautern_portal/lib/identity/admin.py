from django.contrib import admin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .models import SINGLETON_PK, SiteIdentity


@admin.register(SiteIdentity)
class SiteIdentityAdmin(TranslationAdmin):
    """One record: the list leads straight to it, nobody adds a second one or deletes it."""

    fieldsets = [
        (_("Namen"), {"fields": ["city", "programme_name", "site_name", "meta_description", "signature"]}),
        (
            _("Betreiberin (Impressum)"),
            {"fields": ["operator_name", "operator_address", "operator_representative", "operator_email",
                        "operator_phone"]},
        ),
        (_("Presse"), {"fields": ["press_name", "press_email", "press_phone"]}),
        (_("E-Mail und Anmeldung"), {"fields": ["sender_name", "sender_email", "totp_issuer"]}),
        (
            _("Aussehen"),
            {"fields": ["logo", "logo_alt", "colour_accent", "colour_link", "colour_accent_dark", "colour_link_dark"]},
        ),
    ]  # fmt: skip

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        identity, _created = SiteIdentity.objects.get_or_create(pk=SINGLETON_PK)
        return redirect("admin:identity_siteidentity_change", identity.pk)
