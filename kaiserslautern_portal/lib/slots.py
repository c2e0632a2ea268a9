"""Named places on a page that a higher app fills, so that a lower app's template never names a higher app.

A lower app's template marks the place, `{% load slots %}{% slot "topic-actions" project %}`; a higher app fills it
in its AppConfig.ready(), `slots.fill("topic-actions", "citizens/_follow.html")`. Each filling template renders
like an `{% include %}`: with the page's context plus `target` (the object given, or None), the keyword arguments
of the tag and, when the fill names one, what its `context` function returns for the target. An empty place renders
nothing. Plain server-rendered HTML, no JavaScript.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@dataclass(frozen=True)
class Fill:
    template_name: str
    context: Callable[..., dict] | None = None


FILLS: dict[str, list[Fill]] = {}


def fill(slot: str, template_name: str, context: Callable[..., dict] | None = None) -> None:
    """Render `template_name` where templates say {% slot slot ... %}; `context(target)` adds to its context."""
    fills = FILLS.setdefault(slot, [])
    if Fill(template_name, context) not in fills:  # ready() may run twice in tests
        fills.append(Fill(template_name, context))


@register.simple_tag(takes_context=True)
def slot(context, name, target=None, **values):
    html = []
    for each in FILLS.get(name, []):
        extra = each.context(target) if each.context else {}
        with context.push(target=target, **values, **extra):
            html.append(context.template.engine.get_template(each.template_name).render(context))
    return mark_safe("".join(html))  # noqa: S308 -- rendered templates, escaped already
