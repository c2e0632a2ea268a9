"""The project cards of the lists (project list, field pages), built in one tag for the whole page."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from kaiserslautern_portal.lib.display import date_cell, illustration, mark_german, missing_translation, tr
from projects.models import describe_slip

register = template.Library()

CARD = """<li class="card">
  {picture}
  {band}
  <p class="card__field">{swatch}{field}</p>
  <h{level}><a href="{url}">{title}</a></h{level}>
  <p>{summary}</p>
  <p>{status}{sample}</p>
  {progress}
  {late}<dl class="card__dates">{dates}
</dl>
</li>
"""
PICTURE = '<p class="card__picture"><img src="{}" alt="{}"{} loading="lazy"></p>'
ILLUSTRATION = '<p class="card__picture"><img src="{}" alt="" width="320" height="180" loading="lazy"></p>'
DATE = "\n  <div><dt>{}</dt><dd>{}</dd></div>"
GERMAN = mark_safe(' lang="de"')


def field_pieces(field) -> dict:
    return {
        "illustration": format_html(ILLUSTRATION, illustration(field.slug)),
        "band": render_to_string("includes/_field_band.html", {"field": field}),
        "swatch": render_to_string("includes/_swatch.html", {"field": field}),
        "field": tr(field, "name"),
    }


def picture(project, pieces: dict):
    if not project.image:
        return pieces["illustration"]
    lang = GERMAN if missing_translation(project, "image_alt") else ""
    return format_html(PICTURE, project.image.url, project.image_alt, lang)


def dates(project, *, late: bool, labels: dict):
    """When the project ended or is planned to end, and why it is late (the latest reason given)."""
    rows = []
    if project.actual_end_date:
        rows.append((labels["ended"], date_cell(project.actual_end_date)))
    elif project.planned_end_date:
        rows.append((labels["planned"], date_cell(project.planned_end_date)))
    if late and project.latest_reason_de:
        reason = project.latest_reason or mark_german(conditional_escape(project.latest_reason_de), block=False)
        rows.append((labels["reason"], reason))
    return format_html_join("", DATE, rows)


@register.simple_tag
def project_cards(projects, level=2):
    """A card for each project of a for_cards() queryset or page.

    An include per card, with its eight nested includes, cost a third of a millisecond a card; here a card is one
    format string, and the includes of what depends on one value only (a status' badge, a field's band, a progress
    bar) are rendered once a page for each value.
    """
    today = timezone.localdate()
    labels = {"ended": gettext("Beendet am"), "planned": gettext("Geplantes Ende"), "reason": gettext("Begründung:")}
    sample = render_to_string("includes/_sample_values.html", {"sample": True})
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
        pieces = fields[field.pk]
        card = format_html(
            CARD,
            picture=picture(project, pieces),
            band=pieces["band"],
            swatch=pieces["swatch"],
            field=pieces["field"],
            level=level,
            url=project.get_absolute_url(),
            title=tr(project, "title"),
            summary=tr(project, "summary"),
            status=badges[status],
            sample=sample if project.sample_values else "",
            progress=bars[progress, status],
            late=format_html('<p class="card__late">{}</p>\n', describe_slip(*project.delay_on(today))) if late else "",
            dates=dates(project, late=late, labels=labels),
        )
        cards.append(card)
    return mark_safe("".join(cards))  # noqa: S308 -- each card built by format_html
