from modeltranslation.translator import TranslationOptions, register

from .models import SiteIdentity


@register(SiteIdentity)
class SiteIdentityTranslation(TranslationOptions):
    fields = (
        "city",
        "programme_name",
        "site_name",
        "meta_description",
        "signature",
        "operator_name",
        "operator_representative",
        "press_name",
        "logo_alt",
    )
