from modeltranslation.translator import TranslationOptions, register

from .models import NewsItem


@register(NewsItem)
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "teaser", "body", "author", "image_alt", "image_credit")
    # The author has a default, so an empty English author would otherwise count as a translation.
    fallback_undefined = {"author": ""}
