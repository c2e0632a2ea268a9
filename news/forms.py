from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from projects.models import FieldOfAction, Project

from .models import NewsItem


def project_choices():
    english = get_language() == "en"
    rows = Project.objects.published().order_by("title_de", "pk").values_list("slug", "title_de", "title_en")
    return [("", _("alle Projekte")), *((slug, (en or de) if english else de) for slug, de, en in rows)]


class NewsFilterForm(forms.Form):
    art = forms.ChoiceField(label=_("Art"), choices=[("", _("alle Arten")), *NewsItem.Kind.choices], required=False)
    # Plain (slug, title) pairs: model instances and per-option widget templates cost too much for long lists.
    projekt = forms.ChoiceField(label=_("Projekt"), choices=project_choices, required=False)
    handlungsfeld = forms.ModelChoiceField(
        label=_("Handlungsfeld"),
        queryset=FieldOfAction.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle Handlungsfelder"),
    )

    def filter(self, items):
        data = self.cleaned_data
        if data["art"]:
            items = items.filter(kind=data["art"])
        if data["projekt"]:
            items = items.filter(projects__slug=data["projekt"])
        if data["handlungsfeld"]:
            items = items.for_field(data["handlungsfeld"])
        return items
