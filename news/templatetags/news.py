"""News on pages of the projects app, which itself knows nothing of news (dependencies point one way)."""

from django import template

from news.models import NewsItem

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
