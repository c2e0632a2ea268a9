from decimal import Decimal

from django import template
from django.conf import settings
from django.template.defaultfilters import floatformat
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.encoding import escape_uri_path, iri_to_uri
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from kaiserslautern_portal.lib import display

register = template.Library()


CURRENT = mark_safe(' aria-current="page"')
# One tag for the whole list: an inclusion tag per link cost a quarter of a millisecond on every page.
MAIN_NAV = (
    ("projects:home", _("Start")),
    ("projects:list", _("Projekte")),
    ("news:list", _("Neuigkeiten")),
    ("news:reports", _("Berichte")),
    ("citizens:subscribe", _("Abonnieren")),
    ("citizens:account", _("Konto")),
)


@register.simple_tag(takes_context=True)
def main_nav(context):
    """The main navigation's links, the one of the visitor's section marked aria-current."""
    path = context["request"].path
    home = reverse("projects:home")
    links = []
    for url_name, label in MAIN_NAV:
        url = reverse(url_name)
        # The start page ("/" or "/en/") is a prefix of every page: only its own address makes it current.
        current = path == url if url == home else path.startswith(url)
        links.append(format_html('<li><a href="{}"{}>{}</a></li>', url, CURRENT if current else "", label))
    return mark_safe("\n".join(links))  # noqa: S308 -- each link built by format_html


# Dates are the most frequent value on the project pages: one filter call each instead of an include or two filters.
register.filter("time_tag", display.time_tag, is_safe=True)
register.filter("moment_tag", display.moment_tag, is_safe=True)
register.filter("date_cell", display.date_cell, is_safe=True)


register.simple_tag(display.illustration, name="illustration")


def page_match(request):
    """The URL match of the page: the handler's own, or (for an error page rendered before the view, such as a 503
    from the middleware) resolved here; None for an address that does not exist."""
    if request is None:
        return None
    if (match := getattr(request, "resolver_match", None)) is not None:
        return match
    try:
        return resolve(request.path_info)
    except Resolver404:
        return None


@register.simple_tag(takes_context=True)
def language_versions(context) -> dict:
    """This page in every language, for the hreflang alternates and the language switch.

    A page that does not exist (404) has no other versions: its switch leads to each language's start page.
    """
    request = context.get("request")
    match = page_match(request)
    versions = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            if match is not None:
                try:
                    url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
                except NoReverseMatch:  # an unnamed view: as translate_url, the address as it is
                    url = escape_uri_path(request.path)
                if query := request.META.get("QUERY_STRING"):
                    url = f"{url}?{iri_to_uri(query)}"
            else:
                url = reverse("projects:home")
        name = translation.get_language_info(code)["name_local"]
        versions.append({"code": code, "name": name, "url": url, "current": code == translation.get_language()})
    exists = match is not None
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
