from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from projects.models import FieldOfAction, Project

from .models import NewsItem


class NewsFilterForm(forms.Form):
    art = forms.ChoiceField(label=_("Art"), choices=[("", _("alle Arten")), *NewsItem.Kind.choices], required=False)
    # A search, not a dropdown: the programme may have thousands of projects. Links from project pages pass the slug.
    projekt = forms.CharField(label=_("Projekt (Name oder Teil davon)"), max_length=100, required=False, strip=True)
    handlungsfeld = forms.ModelChoiceField(
        label=_("Handlungsfeld"),
        queryset=FieldOfAction.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle Handlungsfelder"),
    )

    def clean_projekt(self):
        text = self.cleaned_data["projekt"]
        if text and not self.matching_projects(text).exists():
            raise forms.ValidationError(_("Kein veröffentlichtes Projekt passt zu dieser Angabe."))
        return text

    @staticmethod
    def matching_projects(text: str):
        return Project.objects.published().filter(
            Q(slug=text) | Q(title_de__icontains=text) | Q(title_en__icontains=text)
        )

    def filter(self, items):
        data = self.cleaned_data
        if data["art"]:
            items = items.filter(kind=data["art"])
        if data["projekt"]:
            links = NewsItem.projects.through.objects.filter(project__in=self.matching_projects(data["projekt"]))
            items = items.filter(pk__in=links.values("newsitem"))
        if data["handlungsfeld"]:
            items = items.for_field(data["handlungsfeld"])
        return items
