import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FieldOfAction, Project


class ProjectFilterForm(forms.Form):
    """The query parameters of the project list: German names, as they appear in shared links."""

    SORTS = {
        "titel": ("title", "pk"),
        "fortschritt": ("-progress", "title", "pk"),
        "ende": ("planned_end_date", "title", "pk"),
        "aktualisiert": ("-updated", "pk"),
    }

    q = forms.CharField(label=_("Suche"), max_length=100, required=False, strip=True)
    handlungsfeld = forms.ModelChoiceField(
        label=_("Handlungsfeld"),
        queryset=FieldOfAction.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle Handlungsfelder"),
    )
    # Besides the statuses, "verspaetet": unfinished projects past their planned end or moved beyond the original plan.
    LATE = "verspaetet"

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("jeder Status")), *Project.Status.choices, (LATE, _("verspätet"))],
        required=False,
    )
    sortierung = forms.ChoiceField(
        label=_("Sortierung"),
        required=False,
        choices=[
            ("titel", _("Titel (A–Z)")),
            ("fortschritt", _("Fortschritt (höchster zuerst)")),
            ("ende", _("geplantes Ende (frühestes zuerst)")),
            ("aktualisiert", _("zuletzt aktualisiert")),
        ],
    )

    def filter(self, projects, *, today: datetime.date):
        data = self.cleaned_data
        if data["q"]:
            projects = projects.search(data["q"])
        if data["handlungsfeld"]:
            projects = projects.filter(field=data["handlungsfeld"])
        if data["status"] == self.LATE:
            projects = projects.late(today)
        elif data["status"]:
            projects = projects.filter(status=data["status"])
        return projects.order_by(*self.SORTS[data["sortierung"] or "titel"])
