"""Display values the templates show most often, as plain functions: registered as filters in templatetags/portal.py
and called directly where a view prepares a long list (a filter per value in a template loop costs far more)."""

import datetime
import functools

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext


def time_tag(value, format_name="DATE_FORMAT"):
    """`<time datetime="2026-05-01">1. Mai 2026</time>` in the current language; a moment counts by its local day."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return day_tag(value, format_name, translation.get_language())


# A page shows a few dozen dates, most of them over and over: each formatted once per language and process.
@functools.lru_cache(maxsize=2048)
def day_tag(day: datetime.date, format_name: str, language: str) -> SafeString:
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), date_format(day, format_name))


def moment_tag(value):
    """`<time datetime="2026-05-01T09:30:00+02:00">1. Mai 2026</time>`: a moment, shown by its local day."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return local_moment_tag(local, local.utcoffset(), translation.get_language())


@functools.lru_cache(maxsize=2048)
def local_moment_tag(local: datetime.datetime, offset, language: str) -> SafeString:
    # Equal moments in other zones are equal keys: the offset keeps their local days apart.
    return format_html('<time datetime="{}">{}</time>', date_format(local, "c"), date_format(local, "DATE_FORMAT"))


def decimal_text(value) -> str:
    """floatformat:"-2g": up to two decimals, grouped, in the current language; once per value and language."""
    return formatted_decimal(value, translation.get_language())


@functools.lru_cache(maxsize=2048)
def formatted_decimal(value, language: str) -> str:
    return floatformat(value, "-2g")


def date_cell(value):
    """A table cell's date, or a dash that screen readers announce as "no information"."""
    if value:
        return time_tag(value)
    return format_html(
        '<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>', gettext("keine Angabe")
    )


def translated(text: str, **values) -> SafeString:
    """text % values as {% blocktranslate with … %} writes it: the values escaped, the translated text not.
    `text` comes from gettext at the caller, where makemessages finds its msgid."""
    return mark_safe(text % {name: conditional_escape(value) for name, value in values.items()})  # noqa: S308


def missing_translation(obj, field: str) -> bool:
    """On a page in another language, whether `field` of `obj` shows its German text for want of a translation.

    As the filter `falls_back_to_german` it marks the element of an attribute, which cannot hold markup:
    <img alt="…" lang="de">.
    """
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE or not hasattr(obj, f"{field}_{language}"):
        return False
    return not getattr(obj, f"{field}_{language}") and bool(getattr(obj, f"{field}_{settings.LANGUAGE_CODE}"))


def mark_german(content: SafeString, *, block: bool) -> SafeString:
    return render_to_string("includes/_german_only.html", {"content": content, "block": block})


def tr(obj, field: str):
    """A translated model text; where English is missing, the German text marked lang="de" with a "German only" note."""
    if not missing_translation(obj, field):
        return getattr(obj, field)
    return mark_german(conditional_escape(getattr(obj, f"{field}_{settings.LANGUAGE_CODE}")), block=False)


@functools.cache
def _illustration_path(name: str) -> str:
    path = f"img/illustrations/{name}.svg"
    return path if finders.find(path) else "img/illustrations/programme.svg"


def illustration(name):
    """The portal's drawing for a field of action (static/img/illustrations/<slug>.svg), else the programme's."""
    return static(_illustration_path(name))
