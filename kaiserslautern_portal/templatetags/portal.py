from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("includes/_nav_link.html", takes_context=True)
def nav_link(context, url_name, label):
    """A navigation link marked aria-current when the visitor is in its section."""
    url = reverse(url_name)
    path = context["request"].path
    current = path == url if url == "/" else path.startswith(url)
    return {"url": url, "label": label, "current": current}
