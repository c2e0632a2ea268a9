import functools

from django import template
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("includes/_nav_link.html", takes_context=True)
def nav_link(context, url_name, label):
    """A navigation link marked aria-current when the visitor is in its section."""
    url = reverse(url_name)
    path = context["request"].path
    current = path == url if url == "/" else path.startswith(url)
    return {"url": url, "label": label, "current": current}


@functools.cache
def _illustration_path(name: str) -> str:
    path = f"img/illustrations/{name}.svg"
    return path if finders.find(path) else "img/illustrations/programme.svg"


@register.simple_tag
def illustration(name):
    """The portal's drawing for a field of action (static/img/illustrations/<slug>.svg), else the programme's."""
    return static(_illustration_path(name))
