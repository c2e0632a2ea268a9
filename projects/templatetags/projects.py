"""The project cards of the lists (project list, field pages): one tag and one template for the whole page."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.translation import gettext

from kaiserslautern_portal.lib.display import date_cell, illustration, mark_german, missing_translation, tr
from projects.models import describe_slip

register = template.Library()


def field_pieces(field) -> dict:
    return {
        "illustration": illustration(field.slug),
        "band": render_to_string("includes/_field_band.html", {"field": field}),
        "swatch": render_to_string("includes/_swatch.html", {"field": field}),
        "field": tr(field, "name"),
    }


def dates(project, *, late: bool, labels: dict) -> list[tuple[str, str]]:
    """When the project ended or is planned to end, and why it is late (the latest reason given)."""
    rows = []
    if project.actual_end_date:
        rows.append((labels["ended"], date_cell(project.actual_end_date)))
    elif project.planned_end_date:
        rows.append((labels["planned"], date_cell(project.planned_end_date)))
    if late and project.latest_reason_de:
        reason = project.latest_reason or mark_german(conditional_escape(project.latest_reason_de), block=False)
        rows.append((labels["reason"], reason))
    return rows


@register.inclusion_tag("includes/_project_cards.html")
def project_cards(projects, level=2):
    """A card for each project of a for_cards() queryset or page, every value ready to show.

    An include per card, with its eight nested includes, cost a third of a millisecond a card; here one template
    writes all cards, and the includes of what depends on one value only (a status' badge, a field's band, a
    progress bar) are rendered once a page for each value.
    """
    today = timezone.localdate()
    labels = {"ended": gettext("Beendet am"), "planned": gettext("Geplantes Ende"), "reason": gettext("Begründung:")}
    fields, badges, bars, cards = {}, {}, {}, []
    for project in projects:
        field, status, progress = project.field, project.status, project.progress
        if field.pk not in fields:
            fields[field.pk] = field_pieces(field)
        if status not in badges:
            badges[status] = render_to_string("includes/_status.html", {"project": project})
        if (progress, status) not in bars:
            bars[progress, status] = render_to_string("includes/_progress.html", {"value": progress, "status": status})
        late = project.is_late_on(today)
        cards.append(
            {
                **fields[field.pk],
                "image": project.image.url if project.image else "",
                "alt": project.image_alt,
                "alt_in_german": bool(project.image) and missing_translation(project, "image_alt"),
                "url": project.get_absolute_url(),
                "title": tr(project, "title"),
                "summary": tr(project, "summary"),
                "status": badges[status],
                "sample": project.sample_values,
                "progress": bars[progress, status],
                "late": describe_slip(*project.delay_on(today)) if late else "",
                "dates": dates(project, late=late, labels=labels),
            }
        )
    return {
        "cards": cards,
        "level": level,
        "sample": render_to_string("includes/_sample_values.html", {"sample": True}),
    }
