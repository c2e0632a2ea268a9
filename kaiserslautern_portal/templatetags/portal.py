import functools
from decimal import Decimal

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.defaultfilters import floatformat
from django.templatetags.static import static
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation

from kaiserslautern_portal.lib import display

register = template.Library()


@register.inclusion_tag("includes/_nav_link.html", takes_context=True)
def nav_link(context, url_name, label):
    """A navigation link marked aria-current when the visitor is in its section."""
    url = reverse(url_name)
    path = context["request"].path
    # The start page ("/" or "/en/") is a prefix of every page: only its own address makes it current.
    current = path == url if url == reverse("projects:home") else path.startswith(url)
    return {"url": url, "label": label, "current": current}


# Dates are the most frequent value on the project pages: one filter call each instead of an include or two filters.
register.filter("time_tag", display.time_tag, is_safe=True)
register.filter("date_cell", display.date_cell, is_safe=True)


@functools.cache
def _illustration_path(name: str) -> str:
    path = f"img/illustrations/{name}.svg"
    return path if finders.find(path) else "img/illustrations/programme.svg"


@register.simple_tag
def illustration(name):
    """The portal's drawing for a field of action (static/img/illustrations/<slug>.svg), else the programme's."""
    return static(_illustration_path(name))


@register.simple_tag(takes_context=True)
def language_versions(context) -> dict:
    """This page in every language, for the hreflang alternates and the language switch.

    A page that does not exist (404) has no other versions: its switch leads to each language's start page.
    """
    request = context.get("request")
    try:
        exists = request is not None and bool(resolve(request.path_info))
    except Resolver404:
        exists = False
    versions = []
    for code, _name in settings.LANGUAGES:
        if exists:
            url = translate_url(request.get_full_path(), code)
        else:
            with translation.override(code):
                url = reverse("projects:home")
        name = translation.get_language_info(code)["name_local"]
        versions.append({"code": code, "name": name, "url": url, "current": code == translation.get_language()})
    return {"alternates": exists, "versions": versions, "default": versions[0]}


register.filter("falls_back_to_german", display.missing_translation)
register.filter("tr", display.tr)


@register.tag
def tr_block(parser, token):
    """{% tr_block obj "field" %}…{% endtr_block %}: like `tr`, for block content such as rendered Markdown or lists."""
    try:
        _tag, obj, field = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError("tr_block takes an object and a field name") from None
    nodelist = parser.parse(("endtr_block",))
    parser.delete_first_token()
    return TranslatedBlockNode(nodelist, parser.compile_filter(obj), parser.compile_filter(field))


class TranslatedBlockNode(template.Node):
    def __init__(self, nodelist, obj, field):
        self.nodelist, self.obj, self.field = nodelist, obj, field

    def render(self, context):
        content = self.nodelist.render(context)
        if not display.missing_translation(self.obj.resolve(context), self.field.resolve(context)):
            return content
        return display.mark_german(content, block=True)


@register.filter
def euro(amount):
    """A whole-euro amount in the page's style: "23.418.896 €" (no-break space) or "€23,418,896"."""
    if amount in (None, ""):
        return ""
    number = floatformat(Decimal(amount), "0g")
    if translation.get_language() == "en":
        return f"€{number}"
    return f"{number}\N{NO-BREAK SPACE}€"
