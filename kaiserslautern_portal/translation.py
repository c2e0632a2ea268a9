from modeltranslation.translator import TranslationOptions, register

from .models import LegalPage


@register(LegalPage)
class LegalPageTranslation(TranslationOptions):
    fields = ("title", "body")
