from django import forms
from django.utils.translation import gettext_lazy as _

from projects.models import FieldOfAction, Project

from .models import NewsItem


class NewsFilterForm(forms.Form):
    art = forms.ChoiceField(label=_("Art"), choices=[("", _("alle Arten")), *NewsItem.Kind.choices], required=False)
    projekt = forms.ModelChoiceField(
        label=_("Projekt"),
        queryset=Project.objects.published().only("title", "title_de", "title_en", "slug"),
        to_field_name="slug",
        required=False,
        empty_label=_("alle Projekte"),
    )
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
            items = items.for_project(data["projekt"])
        if data["handlungsfeld"]:
            items = items.for_field(data["handlungsfeld"])
        return items


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Suchbegriff"), max_length=200, required=False, strip=True)
