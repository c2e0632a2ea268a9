"""Editors see which texts residents read are still missing in English: a list column, a filter and a notice.

A text is missing when it has German but no English; the public page then shows the German text marked
lang="de" with a "German only" note (display.tr).
"""

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator

SOURCE = settings.LANGUAGE_CODE
TARGET = "en"


def translated_fields(model) -> list[str]:
    return list(translator.get_options_for_model(model).all_fields)


def missing_english_q(model) -> Q:
    """Rows with at least one text that has German but no English."""
    missing = Q()
    for name in translated_fields(model):
        target = f"{name}_{TARGET}"
        source = f"{name}_{SOURCE}"
        # Spelled so that no part is SQL NULL: the flag is always true or false, never unknown.
        has_german = Q(**{f"{source}__isnull": False}) & ~Q(**{source: ""})
        missing |= has_german & (Q(**{f"{target}__isnull": True}) | Q(**{target: ""}))
    return missing


def missing_english_labels(obj) -> list[str]:
    """The names of obj's texts that have German but no English, as editors see them in the form."""
    return [
        str(capfirst(obj._meta.get_field(name).verbose_name))
        for name in translated_fields(type(obj))
        if getattr(obj, f"{name}_{SOURCE}") and not getattr(obj, f"{name}_{TARGET}")
    ]


class EnglishMissingFilter(admin.SimpleListFilter):
    title = _("englische Texte")
    parameter_name = "englisch"

    def lookups(self, request, model_admin):
        return [("fehlt", _("Englisch fehlt")), ("vollstaendig", _("vollständig übersetzt"))]

    def queryset(self, request, queryset):
        if self.value() in ("fehlt", "vollstaendig"):
            return queryset.filter(english_missing=self.value() == "fehlt")
        return queryset


class EnglishMissingMixin:
    """For a TranslationAdmin: `english_missing` for list_display, EnglishMissingFilter for list_filter, and a
    notice on the change form. `english_related` names reverse relations (inlines) whose texts count too."""

    english_related: tuple[str, ...] = ()

    def related_model(self, relation: str):
        field = self.model._meta.get_field(relation)
        return field.related_model, field.field.name

    def get_queryset(self, request):
        missing = Q(missing_english_q(self.model))
        flags = {}
        for relation in self.english_related:
            model, fk = self.related_model(relation)
            flags[f"english_missing_{relation}"] = Exists(
                model.objects.filter(missing_english_q(model), **{fk: OuterRef("pk")})
            )
            missing |= Q(flags[f"english_missing_{relation}"])
        return (
            super()
            .get_queryset(request)
            .annotate(**flags, english_missing=ExpressionWrapper(missing, output_field=BooleanField()))
        )

    @admin.display(description=_("Englisch fehlt"), ordering="english_missing")
    def english_missing(self, obj):
        labels = missing_english_labels(obj)
        for relation in self.english_related:
            if getattr(obj, f"english_missing_{relation}", False):
                labels.append(str(capfirst(self.related_model(relation)[0]._meta.verbose_name_plural)))
        return ", ".join(labels) or "–"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if request.method == "GET" else None
        if obj is not None:
            missing = [", ".join(missing_english_labels(obj))] if missing_english_labels(obj) else []
            for relation in self.english_related:
                for related in getattr(obj, relation).all():
                    if labels := missing_english_labels(related):
                        missing.append(f"{related._meta.verbose_name} „{related}“: {', '.join(labels)}")
            if missing:
                notice = gettext("Englisch fehlt – die englische Seite zeigt hier den deutschen Text: %(texts)s.")
                self.message_user(request, notice % {"texts": "; ".join(missing)}, messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)
