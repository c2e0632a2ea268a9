"""One search across projects and news: full-text with German stemming on PostgreSQL, a simple match elsewhere."""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, TextField
from django.db.models.functions import Coalesce, NullIf
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from projects.models import Project

from .models import NewsItem

LIMIT = 100
START, STOP = "\u27e6", "\u27e7"  # markers no text contains, turned into <mark> after escaping


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    snippet: SafeString
    rank: float


def highlight(text: str) -> SafeString:
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 - escaped first


def search(text: str) -> list[Hit]:
    hits = _postgresql(text) if connection.vendor == "postgresql" else _simple(text)
    return sorted(hits, key=lambda hit: -hit.rank)


def _localized(field: str):
    """The field in the current language, falling back to German like the pages do."""
    language = get_language() or "de"
    if language == "de":
        return F(f"{field}_de")
    return Coalesce(NullIf(F(f"{field}_{language}"), ""), F(f"{field}_de"), output_field=TextField())


def _postgresql(text: str) -> list[Hit]:
    query = SearchQuery(text, config="german", search_type="websearch") | SearchQuery(
        text, config="english", search_type="websearch"
    )
    options = {"start_sel": START, "stop_sel": STOP, "max_words": 35, "min_words": 15, "highlight_all": False}
    sources = [
        (Project.objects.published(), "project", "summary"),
        (NewsItem.objects.public(), "news", "teaser"),
    ]
    hits = []
    for queryset, kind, snippet_field in sources:
        rows = (
            queryset.filter(search_vector=query)
            .annotate(
                rank=SearchRank(F("search_vector"), query),
                title_hl=SearchHeadline(_localized("title"), query, config="german", **options),
                snippet_hl=SearchHeadline(_localized(snippet_field), query, config="german", **options),
            )
            .order_by("-rank", "pk")
            .only("slug")[:LIMIT]
        )
        hits += [Hit(kind, highlight(r.title_hl), r.get_absolute_url(), highlight(r.snippet_hl), r.rank) for r in rows]
    return hits


def _simple(text: str) -> list[Hit]:
    words = text.split()[:10]
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)

    def mark(value: str) -> SafeString:
        return highlight(pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", value))

    def matching(queryset, fields):
        condition = Q()
        for word in words:
            word_matches = Q()
            for field in fields:
                word_matches |= Q(**{f"{field}__icontains": word})
            condition &= word_matches
        return queryset.filter(condition)[:LIMIT]

    hits = []
    project_fields = ["title_de", "title_en", "summary_de", "summary_en", "description_de", "description_en"]
    for project in matching(Project.objects.published(), project_fields):
        rank = 2.0 if pattern.search(project.title) else 1.0
        hits.append(Hit("project", mark(project.title), project.get_absolute_url(), mark(project.summary), rank))
    news_fields = ["title_de", "title_en", "teaser_de", "teaser_en", "body_de", "body_en"]
    for item in matching(NewsItem.objects.public(), news_fields):
        rank = 2.0 if pattern.search(item.title) else 1.0
        hits.append(Hit("news", mark(item.title), item.get_absolute_url(), mark(item.teaser), rank))
    return hits
