"""News on pages of the projects app, which itself knows nothing of news (dependencies point one way)."""

import datetime

from django import template

from news.models import NewsItem
from news.reports import report_summary
from projects.models import Indicator, Project

register = template.Library()

SHOWN = 5


@register.inclusion_tag("news/_news_section.html", takes_context=True)
def latest_news(context, heading, project=None, field=None):
    items = NewsItem.objects.public()
    if project is not None:
        items = items.for_project(project)
    elif field is not None:
        items = items.for_field(field)
    return {"items": items.for_lists()[:SHOWN], "heading": heading, "project": project, "field": field}


@register.filter
def isodate(value):
    """A date or moment stored as ISO 8601 text in a report's snapshot, for the `date` filter."""
    if not value:
        return None
    return (datetime.datetime if "T" in value else datetime.date).fromisoformat(value)


@register.filter
def status_label(value):
    return Project.Status(value).label


@register.filter
def unit_label(value):
    return Indicator.Unit(value).label


@register.filter
def kind_label(value):
    return NewsItem.Kind(value).label


@register.filter(name="report_summary")
def report_summary_filter(report):
    """The report's key numbers in the language active while the template renders (an email's reader's)."""
    return report_summary(report)
