"""Whole-page cache for anonymous visitors, correct after every edit.

Keys carry a content version that any change of published content bumps (signals, the one
technical side effect we allow them), the language, the date (milestones turn overdue at
midnight) and the full path. Keys also carry the next scheduled news item's
publication time, so scheduled items appear on cached pages on time without any write.
"""

import functools
import hashlib
import time
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

VERSION_KEY = "portal:content-version"
NEXT_LIVE_KEY = "portal:next-go-live:{version}"
# Visitors with these cookies may see personal content (their account, flash messages).
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    # None while Redis is down: page keys then miss anyway, and pages come from the database.
    return version or 0


def bump_content_version(*, using=None, **kwargs) -> None:
    """Signal receiver: once a change to published content is committed, every cached page is stale at once.

    After the commit, so a request between the bump and the commit cannot cache the old content under the new
    version, and robust, so a cache failure is logged and never rolls back the editor's save.
    """
    transaction.on_commit(new_content_version, using=using, robust=True)


def new_content_version() -> None:
    cache.set(VERSION_KEY, time.time_ns(), None)


def connect_invalidation(app_config) -> None:
    """Every model of a public-content app, and its many-to-many tables, bumps the version when written."""
    for model in app_config.get_models(include_auto_created=True):
        uid = f"portal-cache-{model._meta.label}"
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-delete")
        m2m_changed.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-m2m")


def next_go_live(version: int) -> datetime | None:
    from news.models import NewsItem

    key = NEXT_LIVE_KEY.format(version=version)
    now = timezone.now()
    cached = cache.get(key, "missing")
    if cached == "missing" or (cached is not None and cached <= now):
        cached = (
            NewsItem.objects.filter(status=NewsItem.Status.PUBLISHED, published_at__gt=now)
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        # Valid for as long as the version (any new schedule bumps it): cached pages outlive a database outage.
        cache.set(key, cached, 24 * 3600)
    return cached


def is_cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
    )


def page_key(request, version: int, going_live: datetime | None) -> str:
    # The next go-live time is part of the key: once it passes, pages are rendered anew, whatever the TTL.
    epoch = going_live.timestamp() if going_live else 0
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"portal:page:{version}:{epoch}:{get_language()}:{timezone.localdate().isoformat()}:{path}"


def cache_public_page(view):
    """Serve anonymous GETs of a public page from the cache; everyone else gets a fresh render."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
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
        return response

    return wrapper
