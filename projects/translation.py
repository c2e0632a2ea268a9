from modeltranslation.translator import TranslationOptions, register

from .models import DateChange, FieldOfAction, Indicator, IndicatorValue, Milestone, Project


@register(FieldOfAction)
class FieldOfActionTranslation(TranslationOptions):
    fields = ("name", "summary")


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = (
        "title", "summary", "description", "funding_source", "partners", "responsible_office", "contact_name",
        "place_name", "image_alt", "image_credit",
    )  # fmt: skip


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name",)


@register(DateChange)
class DateChangeTranslation(TranslationOptions):
    fields = ("reason",)


@register(IndicatorValue)
class IndicatorValueTranslation(TranslationOptions):
    fields = ("note",)
