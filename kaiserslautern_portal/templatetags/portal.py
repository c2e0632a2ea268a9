import datetime

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext

register = template.Library()


@register.inclusion_tag("includes/_nav_link.html", takes_context=True)
def nav_link(context, url_name, label):
    """A navigation link marked aria-current when the visitor is in its section."""
    url = reverse(url_name)
    path = context["request"].path
    current = path == url if url == "/" else path.startswith(url)
    return {"url": url, "label": label, "current": current}


# Dates are the most frequent value on the project pages: one filter call each instead of an include or two filters.
@register.filter(is_safe=True)
def time_tag(value, format_name="DATE_FORMAT"):
    """`<time datetime="2026-05-01">1. Mai 2026</time>` in the current language; a moment counts by its local day."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), date_format(value, format_name))


@register.filter(is_safe=True)
def date_cell(value):
    """A table cell's date, or a dash that screen readers announce as "no information"."""
    if value:
        return time_tag(value)
    return format_html(
        '<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>', gettext("keine Angabe")
    )
