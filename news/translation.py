from modeltranslation.translator import TranslationOptions, register

from .models import NewsItem, ProgrammeReport, ReportErratum


@register(NewsItem)
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "teaser", "body")


@register(ProgrammeReport)
class ProgrammeReportTranslation(TranslationOptions):
    fields = ("title", "foreword")


@register(ReportErratum)
class ReportErratumTranslation(TranslationOptions):
    fields = ("text",)
