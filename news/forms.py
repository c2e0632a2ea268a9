from django import forms
from django.core.validators import slug_re
from django.db.models import Max, Min, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from projects.models import FieldOfAction, Project

from .models import NewsItem


class NewsFilterForm(forms.Form):
    """The news list's filters. The project list holds the chosen field's projects only: a few dozen options where
    the programme has thousands of projects."""

    art = forms.ChoiceField(label=_("Art"), choices=[("", _("alle Arten")), *NewsItem.Kind.choices], required=False)
    handlungsfeld = forms.ModelChoiceField(
        label=_("Handlungsfeld"),
        queryset=FieldOfAction.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle Handlungsfelder"),
    )
    # Plain (slug, title) pairs: model instances and per-option widget templates cost too much for long lists.
    projekt = forms.ChoiceField(
        label=_("Projekt"),
        required=False,
        help_text=_("Zur Auswahl stehen die Projekte des gewählten Handlungsfelds."),
    )
    jahr = forms.TypedChoiceField(label=_("Jahr"), coerce=int, required=False, empty_value=None)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        data = data or {}
        self.fields["projekt"].choices = [("", _("alle Projekte")), *self.project_options(data)]
        self.fields["jahr"].choices = [("", _("alle Jahre")), *((year, str(year)) for year in self.years())]

    @staticmethod
    def years() -> range:
        """From the newest item's year back to the first's. Two ends read from the index instead of every item's
        year (10 ms at 10,000 items); a year without news in between, rare for a programme that reports all year,
        simply lists nothing."""
        ends = NewsItem.objects.public().aggregate(first=Min("published_at"), last=Max("published_at"))
        if ends["first"] is None:
            return range(0)
        first, last = (timezone.localtime(ends[end]).year for end in ("first", "last"))
        return range(last, first - 1, -1)

    @staticmethod
    def project_options(data):
        """The published projects of the chosen field, or the chosen project alone (a link from a project page)."""
        # Only well-formed slugs reach the database; anything else fails the fields' own validation.
        field, chosen = (
            value if slug_re.fullmatch(value or "") else ""
            for value in (data.get("handlungsfeld"), data.get("projekt"))
        )
        projects = Project.objects.published()
        if field:
            # A project chosen before the field changed stays valid; it then simply finds nothing in the new field.
            projects = projects.filter(Q(field__slug=field) | Q(slug=chosen or None))
        elif chosen:
            projects = projects.filter(slug=chosen)
        else:
            return []
        english = get_language() == "en"
        rows = projects.order_by("title_de", "pk").values_list("slug", "title_de", "title_en")
        return [(slug, (en or de) if english else de) for slug, de, en in rows]

    def filter(self, items):
        data = self.cleaned_data
        if data["art"]:
            items = items.filter(kind=data["art"])
        if data["projekt"]:
            items = items.filter(projects__slug=data["projekt"])
        if data["handlungsfeld"]:
            items = items.for_field(data["handlungsfeld"])
        if data["jahr"]:
            items = items.filter(published_at__year=data["jahr"])
        return items
