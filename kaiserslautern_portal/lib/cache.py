"""Whole-page cache for anonymous visitors, correct after every edit.

Two tiers. Views marked with `cache_public_page` keep their rendered page in the shared cache (Redis), under a
key that carries a content version that any change of published content bumps (signals, the one technical
side effect we allow them), the language, the date (milestones turn overdue at midnight), the address with only
the query parameters the view reads, and the next scheduled news item's publication time, so scheduled items
appear on cached pages on time without any write. `PageCacheMiddleware`, placed right after the security and
static-file middleware, keeps each worker's own copy of the finished answers (security headers, ETag and Vary
included, compressed once with gzip and brotli) and answers a hit before the rest of the stack runs; it asks
Redis for the content version at most once a second, so an edit reaches every worker within that second.
"""

import dataclasses
import functools
import gzip
import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode

import brotli
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.translation import get_language
from rest_framework.throttling import BaseThrottle

from .language import request_language

logger = logging.getLogger(__name__)

VERSION_KEY = "portal:content-version"
NEXT_LIVE_KEY = "portal:next-go-live:{version}"
# Visitors with these cookies may see personal content (their account, flash messages).
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
# How stale a worker's own copy may be after an edit elsewhere, and how many answers it keeps.
LOCAL_CHECK_SECONDS = 1.0
LOCAL_MAX_PAGES = 1000
# The request headers a cached answer may vary on: each is part of the key or served per variant.
KEYED_VARY = {"cookie", "accept-language", "accept-encoding", "accept"}
# How often a worker merges the API requests it answered from its copy into the throttles' histories in Redis, and
# for how many client addresses it keeps them before merging all.
HIT_SYNC_SECONDS = 1.0
HIT_MAX_CLIENTS = 10_000
COMPRESS_MIN_BYTES = 200


def content_version() -> int | None:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    # None while Redis is down (ResilientRedisCache): no copy can be trusted, pages come from the database.
    return version


def bump_content_version(*, using=None, **kwargs) -> None:
    """Signal receiver: once a change to published content is committed, every cached page is stale at once.

    After the commit, so a request between the bump and the commit cannot cache the old content under the new
    version, and robust, so a cache failure is logged and never rolls back the editor's save.
    """
    transaction.on_commit(new_content_version, using=using, robust=True)


def new_content_version() -> None:
    cache.set(VERSION_KEY, time.time_ns(), None)
    LOCAL.forget()


def connect_invalidation(app_config) -> None:
    """Every model of a public-content app, and its many-to-many tables, bumps the version when written."""
    for model in app_config.get_models(include_auto_created=True):
        uid = f"portal-cache-{model._meta.label}"
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-delete")
        m2m_changed.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-m2m")


# Apps that publish on a schedule say when their next item goes live (news registers one in its ready()).
GO_LIVE_SOURCES: list[Callable[[datetime], datetime | None]] = []


def register_go_live(source: Callable[[datetime], datetime | None]) -> None:
    if source not in GO_LIVE_SOURCES:
        GO_LIVE_SOURCES.append(source)


def next_go_live(version: int) -> datetime | None:
    key = NEXT_LIVE_KEY.format(version=version)
    now = timezone.now()
    cached = cache.get(key, "missing")
    if cached == "missing" or (cached is not None and cached <= now):
        cached = min(filter(None, (source(now) for source in GO_LIVE_SOURCES)), default=None)
        # Valid for as long as the version (any new schedule bumps it): cached pages outlive a database outage.
        cache.set(key, cached, 24 * 3600)
    return cached


def is_cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
    )


def canonical_query(query_string: str, names: frozenset[str]) -> str:
    """Only the parameters a view reads, sorted by name: junk and reordering make no new cache entries."""
    if not query_string:
        return ""
    pairs = [(name, value) for name, value in parse_qsl(query_string, keep_blank_values=True) if name in names]
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def keep_query_parameters(request, names: frozenset[str]) -> None:
    """The view sees only the parameters of its key, so that what it renders (links included) is what the key says."""
    query = canonical_query(request.META.get("QUERY_STRING", ""), names)
    request.META["QUERY_STRING"] = query
    request.GET = QueryDict(query)


@dataclasses.dataclass(frozen=True)
class PageMark:
    """What a view tells the middleware about its answer: it may be kept, under which parameters, until when."""

    query: frozenset[str]
    # When an answer must be rendered anew whatever the content version (a scheduled publication).
    expires: datetime | None = None
    # DRF throttle classes that must count a request answered from the copy, too.
    throttles: tuple = ()
    # Content negotiation by the Accept header (the API's JSON or CSV).
    negotiated: bool = False


def mark_public(response, mark: PageMark) -> None:
    response.page_cache = mark


def page_key(request, version: int, going_live: datetime | None) -> str:
    # The next go-live time is part of the key: once it passes, pages are rendered anew, whatever the TTL.
    epoch = going_live.timestamp() if going_live else 0
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"portal:page:{version}:{epoch}:{get_language()}:{timezone.localdate().isoformat()}:{address}"


def cache_public_page(view: Callable | None = None, /, *, query: Iterable[str] = ()):
    """Serve anonymous GETs of a public page from the cache; everyone else gets a fresh render.

    `query` names the query parameters the view reads; all others are dropped before it runs.
    """
    names = frozenset(query)

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            keep_query_parameters(request, names)
            if not is_cacheable_request(request):
                return view(request, *args, **kwargs)
            version = content_version()
            going_live = next_go_live(version)
            key = page_key(request, version, going_live)
            response = cache.get(key)
            if response is None:
                response = view(request, *args, **kwargs)
                timeout = settings.PAGE_CACHE_SECONDS
                if going_live is not None:
                    timeout = min(timeout, max(1, int((going_live - timezone.now()).total_seconds())))
                if (
                    response.status_code == 200
                    and not response.streaming
                    and not response.cookies
                    and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
                ):
                    if hasattr(response, "render"):
                        response.render()
                    cache.set(key, response, timeout)
            # Browsers and proxies revalidate every time (ETag), so an edit is visible at once.
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            patch_vary_headers(response, ["Cookie", "Accept-Language"])
            mark_public(response, PageMark(query=names, expires=going_live))
            return response

        return wrapper

    return decorator(view) if view is not None else decorator


@functools.lru_cache(maxsize=128)
def preferred_encoding(accept_encoding: str) -> str:
    """br, then gzip, then none, as the client's Accept-Encoding allows (q=0 refuses)."""
    accepted = set()
    for part in accept_encoding.lower().split(","):
        coding, _sep, params = part.strip().partition(";")
        quality = params.strip().removeprefix("q=")
        if not params or (quality.replace(".", "", 1).isdigit() and float(quality) > 0):
            accepted.add(coding.strip())
    for coding in ("br", "gzip"):
        if coding in accepted or "*" in accepted:
            return coding
    return ""


def compress(coding: str, body: bytes) -> bytes:
    if coding == "br":
        return brotli.compress(body, quality=9)
    return gzip.compress(body, compresslevel=6, mtime=0)


def etag_matches(if_none_match: str, etag: str) -> bool:
    # The weak comparison of RFC 9110 13.1.2, as Django's ConditionalGetMiddleware does it.
    if if_none_match.strip() == "*":
        return True
    return etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}


class AnonymousClient:
    """The little of a request a DRF throttle reads."""

    is_authenticated = False

    def __init__(self, request):
        self.headers, self.META, self.user = request.headers, request.META, self


@dataclasses.dataclass
class Window:
    """One client's requests under one DRF throttle: its history as Redis last had it (newest first, as DRF keeps
    it) and the requests this worker answered from its copy since."""

    synced_at: float
    duration: int
    history: list[float]
    pending: list[float] = dataclasses.field(default_factory=list)


class HitCounter:
    """Counts the API requests answered from the local copy against the view's DRF throttle, in memory.

    DRF's throttle reads and writes a client's history in Redis on every request; for a hit that took most of its
    time. Here a hit is counted in the worker's memory against the same rate and history, merged into Redis at most
    once a second per client, and before any other request of that client runs through the stack (so the view's
    throttle, which answers every miss, sees the hits too). Over the limit the hit is not answered here: its pending
    hits go to Redis and the view's throttle refuses it with the usual 429. Each worker decides on a history at most
    a second old, so a client spreading requests over several workers can exceed the rate by what the other
    workers served it within that second, never by more than one rate per worker; misses, which cost the database,
    are still decided on the exact history in Redis.
    """

    def __init__(self):
        self.windows: dict[str, dict[str, Window]] = {}  # client address -> throttle's cache key -> window

    def allow(self, throttle, request) -> bool:
        client = AnonymousClient(request)
        key = throttle.get_cache_key(client, None)
        if key is None or throttle.rate is None:
            return True
        now = throttle.timer()
        ident = throttle.get_ident(client)
        if ident not in self.windows and len(self.windows) >= HIT_MAX_CLIENTS:
            for known in list(self.windows):
                self.flush(known)
        windows = self.windows.setdefault(ident, {})
        window = windows.get(key)
        if window is None or now >= window.synced_at + HIT_SYNC_SECONDS:
            window = windows[key] = self.synced(key, window, now, throttle.duration)
        since = now - throttle.duration
        if sum(moment > since for moment in window.pending) + len(window.history) >= throttle.num_requests:
            self.flush(ident)
            return False
        window.pending.insert(0, now)
        return True

    @staticmethod
    def synced(key: str, window: Window | None, now: float, duration: int) -> Window:
        history = cache.get(key, [])
        if window is not None and window.pending:
            history = sorted([*window.pending, *history], reverse=True)
        history = [moment for moment in history if moment > now - duration]
        if window is not None and window.pending:
            cache.set(key, history, duration)
        return Window(synced_at=now, duration=duration, history=history)

    def flush(self, ident: str) -> None:
        for key, window in self.windows.pop(ident, {}).items():
            if window.pending:
                self.synced(key, window, time.time(), window.duration)

    def flush_for(self, request) -> None:
        """Before a request runs through the stack, where the view's throttle reads the history in Redis."""
        if not self.windows:
            return
        try:
            self.flush(BaseThrottle().get_ident(AnonymousClient(request)))
        except Exception:  # Redis down: the view's throttle cannot count either (ResilientRedisCache)
            logger.warning("API hits could not be merged into the throttle history", exc_info=True)


HITS = HitCounter()


@dataclasses.dataclass(frozen=True)
class Page:
    """One finished answer with its headers, in each encoding; each hit builds a fresh response from it."""

    bodies: dict[str, bytes]
    headers: dict[str, dict[str, str]]
    expires: float
    throttles: tuple

    @classmethod
    def of(cls, response, expires: float, throttles: tuple) -> "Page":
        body = response.content
        headers = dict(response.items())
        bodies, variants = {"": body}, {"": headers}
        if len(body) >= COMPRESS_MIN_BYTES:
            for coding in ("br", "gzip"):
                bodies[coding] = compress(coding, body)
                etag = headers.get("ETag", "")
                variants[coding] = {
                    **headers,
                    "Content-Encoding": coding,
                    "Content-Length": str(len(bodies[coding])),
                    # One ETag per representation; weak, like Django's GZipMiddleware makes it.
                    **({"ETag": etag if etag.startswith("W/") else f"W/{etag}"} if etag else {}),
                }
        return cls(bodies=bodies, headers=variants, expires=expires, throttles=throttles)

    def respond(self, request):
        coding = preferred_encoding(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        if coding not in self.bodies:
            coding = ""
        headers = self.headers[coding]
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match and "ETag" in headers and etag_matches(if_none_match, headers["ETag"]):
            response = HttpResponseNotModified()
            for name, value in headers.items():
                if name not in ("Content-Type", "Content-Length", "Content-Encoding"):
                    response[name] = value
            return response
        return HttpResponse(self.bodies[coding], headers=headers)


class LocalPages:
    """A worker's own copy of finished anonymous answers, dropped as soon as the content version changes."""

    def __init__(self):
        self.pages: dict[tuple, Page] = {}
        self.queries: dict[str, tuple[frozenset, bool]] = {}
        self.version: int | None = None
        self.check_at = 0.0

    def forget(self) -> None:
        self.pages.clear()
        self.check_at = 0.0

    def current_version(self) -> int | None:
        now = time.monotonic()
        if now >= self.check_at:
            self.check_at = now + LOCAL_CHECK_SECONDS
            try:
                version = content_version()
            except Exception:  # Without Redis no copy can be trusted to be fresh: render from the database.
                logger.warning("content version unavailable; the local page copy is off", exc_info=True)
                version = None
            if version != self.version:
                self.pages.clear()
                self.version = version
        return self.version

    def key(self, request, language: str) -> tuple | None:
        known = self.queries.get(request.path)
        if known is None:
            return None
        names, negotiated = known
        try:
            host = request.get_host()
        except Exception:  # DisallowedHost: the rest of the stack answers with its 400
            return None
        return (
            request.scheme,
            host,
            language,
            request.path,
            canonical_query(request.META.get("QUERY_STRING", ""), names),
            request.META.get("HTTP_ACCEPT", "") if negotiated else "",
        )

    def answer(self, request):
        if self.current_version() is None:
            return None
        key = self.key(request, request_language(request))
        page = self.pages.get(key) if key else None
        if page is None:
            return None
        if page.expires <= time.time():
            self.pages.pop(key, None)
            return None
        try:
            if not all(HITS.allow(throttle(), request) for throttle in page.throttles):
                return None  # the view's own throttle answers with its 429
        except Exception:
            logger.warning("throttle unavailable; answering through the view", exc_info=True)
            return None
        return page.respond(request)

    def keep(self, request, response, version: int | None) -> Page | None:
        mark = getattr(response, "page_cache", None)
        language = request_language(request)
        if (
            mark is None
            or version is None
            or version != self.version
            or response.status_code != 200
            or response.streaming
            or response.cookies
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or response.has_header("Content-Encoding")
            or response.get("Content-Language", language) != language
            or "private" in response.get("Cache-Control", "")
            or not vary_is_keyed(response)
        ):
            return None
        self.queries[request.path] = (mark.query, mark.negotiated)
        key = self.key(request, language)
        if key is None:
            return None
        patch_vary_headers(response, ["Accept-Encoding"])
        expires = time.time() + settings.PAGE_CACHE_SECONDS
        if mark.expires is not None:
            expires = min(expires, mark.expires.timestamp())
        midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
        if len(self.pages) >= LOCAL_MAX_PAGES:
            self.pages.pop(next(iter(self.pages)))
        if len(self.queries) > LOCAL_MAX_PAGES:
            self.queries.clear()
            self.queries[request.path] = (mark.query, mark.negotiated)
        page = self.pages[key] = Page.of(response, min(expires, midnight.timestamp()), mark.throttles)
        return page


def vary_is_keyed(response) -> bool:
    vary = response.get("Vary", "")
    return {name.strip().lower() for name in vary.split(",") if name.strip()} <= KEYED_VARY


LOCAL = LocalPages()


class PageCacheMiddleware:
    """Answers anonymous GETs from the worker's copy before sessions, CSRF, authentication and the view run.

    Place it after SecurityMiddleware (HTTPS redirect, HSTS) and WhiteNoise; every header the inner middleware
    adds (CSP, Permissions-Policy, X-Frame-Options, ETag, Vary, Content-Language) is kept with the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            HITS.flush_for(request)
            return self.get_response(request)
        answer = LOCAL.answer(request)
        if answer is not None:
            return answer
        HITS.flush_for(request)
        version = LOCAL.version
        response = self.get_response(request)
        # An answer to HEAD lacks the ETag that ConditionalGetMiddleware adds to GETs only.
        page = LOCAL.keep(request, response, version) if request.method == "GET" else None
        # The first visitor gets the compressed copy too, when their client takes it.
        coding = preferred_encoding(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        if page is not None and coding and coding in page.bodies:
            return page.respond(request)
        return response
