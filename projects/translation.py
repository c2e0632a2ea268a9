from modeltranslation.translator import TranslationOptions, register

from .models import FieldOfAction, Indicator, Milestone, Project


@register(FieldOfAction)
class FieldOfActionTranslation(TranslationOptions):
    fields = ("name", "summary")


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary", "description")


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name",)
