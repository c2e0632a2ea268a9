"""One search across projects and news: full-text with German stemming on PostgreSQL, a simple match elsewhere.

`search` ranks: it returns light references, cheap enough for all matches. `hits` turns the references of the
page being shown into titles and snippets with the match highlighted, which is the expensive part.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from news.models import NewsItem
from projects.models import Project

LIMIT = 100
# A word in most texts matches thousands of items; ranking them all costs as much as the rest of the page.
CANDIDATES = 200
START, STOP = "\u27e6", "\u27e7"  # markers no text contains, turned into <mark> after escaping


@dataclass(frozen=True)
class Ref:
    kind: str
    pk: int
    rank: float


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    snippet: SafeString
    # Shown in German for want of a translation: marked lang="de" with a "German only" note.
    title_german: bool = False
    snippet_german: bool = False


SOURCES = {
    "project": (lambda: Project.objects.published(), "summary"),
    "news": (lambda: NewsItem.objects.public(), "teaser"),
}
SEARCHED_FIELDS = {
    "project": ["title", "summary", "description"],
    "news": ["title", "teaser", "body"],
}


def highlight(text: str) -> SafeString:
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 - escaped first


def search(text: str) -> list[Ref]:
    refs = _postgresql_refs(text) if connection.vendor == "postgresql" else _simple_refs(text)
    return sorted(refs, key=lambda ref: (-ref.rank, ref.kind, ref.pk))


def hits(refs: list[Ref], text: str) -> list[Hit]:
    build = _postgresql_hits if connection.vendor == "postgresql" else _simple_hits
    found = {}
    for kind in SOURCES:
        pks = [ref.pk for ref in refs if ref.kind == kind]
        if pks:
            found.update({(kind, pk): hit for pk, hit in build(kind, pks, text).items()})
    return [found[(ref.kind, ref.pk)] for ref in refs if (ref.kind, ref.pk) in found]


def _german(obj, field: str) -> bool:
    """On a page in another language, whether `field` falls back to its German text."""
    language = get_language() or "de"
    return language != "de" and not getattr(obj, f"{field}_{language}", None) and bool(getattr(obj, f"{field}_de"))


def _hit(kind: str, obj, title: SafeString, snippet_field: str, snippet: SafeString) -> Hit:
    return Hit(kind, title, obj.get_absolute_url(), snippet, _german(obj, "title"), _german(obj, snippet_field))


def _localized(field: str):
    """The field in the current language, falling back to German like the pages do."""
    language = get_language() or "de"
    if language == "de":
        return F(f"{field}_de")
    # A bare "" would be read as a field name: the empty text must be a Value.
    return Coalesce(NullIf(F(f"{field}_{language}"), Value("")), F(f"{field}_de"), output_field=TextField())


def _query(text: str):
    return SearchQuery(text, config="german", search_type="websearch") | SearchQuery(
        text, config="english", search_type="websearch"
    )


def _postgresql_refs(text: str) -> list[Ref]:
    query = _query(text)
    refs = []
    for kind, (queryset, _snippet) in SOURCES.items():
        # The first CANDIDATES matches the index yields are ranked, however many there are: bounded work per search.
        candidates = queryset().filter(search_vector=query).order_by().values("pk")[:CANDIDATES]
        rows = (
            queryset()
            .filter(pk__in=candidates)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "pk")
            .values_list("pk", "rank")[:LIMIT]
        )
        refs += [Ref(kind, pk, rank) for pk, rank in rows]
    return refs


def _postgresql_hits(kind: str, pks: list[int], text: str) -> dict[int, Hit]:
    query = _query(text)
    queryset, snippet_field = SOURCES[kind]
    options = {"start_sel": START, "stop_sel": STOP, "max_words": 35, "min_words": 15, "highlight_all": False}
    # Highlight with the stemming of the language shown, so "schools" marks "School" on English pages.
    config = "english" if get_language() == "en" else "german"
    rows = (
        queryset()
        .filter(pk__in=pks)
        .annotate(
            title_hl=SearchHeadline(_localized("title"), query, config=config, **options),
            snippet_hl=SearchHeadline(_localized(snippet_field), query, config=config, **options),
        )
        .only("slug", "title_de", "title_en", f"{snippet_field}_de", f"{snippet_field}_en")
    )
    return {r.pk: _hit(kind, r, highlight(r.title_hl), snippet_field, highlight(r.snippet_hl)) for r in rows}


def _pattern(text: str):
    words = text.split()[:10]
    return words, re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)


def _simple_refs(text: str) -> list[Ref]:
    words, pattern = _pattern(text)
    refs = []
    for kind, (queryset, _snippet) in SOURCES.items():
        condition = Q()
        for word in words:
            word_matches = Q()
            for field in SEARCHED_FIELDS[kind]:
                word_matches |= Q(**{f"{field}_de__icontains": word}) | Q(**{f"{field}_en__icontains": word})
            condition &= word_matches
        rows = queryset().filter(condition).values_list("pk", "title_de", "title_en")[:CANDIDATES]
        ranked = [Ref(kind, pk, 2.0 if pattern.search(f"{de} {en}") else 1.0) for pk, de, en in rows]
        refs += sorted(ranked, key=lambda ref: (-ref.rank, ref.pk))[:LIMIT]
    return refs


def _simple_hits(kind: str, pks: list[int], text: str) -> dict[int, Hit]:
    _words, pattern = _pattern(text)
    queryset, snippet_field = SOURCES[kind]

    def mark(value: str) -> SafeString:
        return highlight(pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", value))

    return {
        obj.pk: _hit(kind, obj, mark(obj.title), snippet_field, mark(getattr(obj, snippet_field)))
        for obj in queryset().filter(pk__in=pks)
    }
