"""Filters for the news app's own templates and emails: reports keep their figures as plain values."""

import datetime

from django import template

from news.models import NewsItem
from news.reports import report_summary
from projects.models import Indicator, Project

register = template.Library()


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
