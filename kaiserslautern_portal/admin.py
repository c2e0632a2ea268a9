from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .lib.english_admin import EnglishMissingFilter, EnglishMissingMixin
from .models import LegalPage


@admin.register(LegalPage)
class LegalPageAdmin(EnglishMissingMixin, TranslationAdmin):
    list_display = ["title", "kind", "updated", "english_missing"]
    list_filter = [EnglishMissingFilter]
