"""The identity as every page, email and feed reads it: a copy per process, no database query per request.

The copy is checked against the page cache's content version at most once a second (one Redis read), the same
version a saved identity bumps, so an edit in the admin reaches every worker within that second; this process
drops its copy at once.
"""

import logging
import time

from django.db import transaction
from django.db.models.signals import post_save

from .. import cache
from .models import SINGLETON_PK, SiteIdentity

logger = logging.getLogger(__name__)


class Copy:
    identity: SiteIdentity | None = None
    version: int | None = None
    check_at = 0.0


COPY = Copy()


def site_identity() -> SiteIdentity:
    """The saved identity, or the neutral defaults of an unsaved one before anybody saved it."""
    now = time.monotonic()
    if COPY.identity is not None and now < COPY.check_at:
        return COPY.identity
    COPY.check_at = now + cache.LOCAL_CHECK_SECONDS
    try:
        version = cache.content_version()
    except Exception:  # Redis down: read the database each second rather than trust an old copy
        version = None
    if COPY.identity is None or version is None or version != COPY.version:
        try:
            COPY.identity = SiteIdentity.objects.filter(pk=SINGLETON_PK).first() or SiteIdentity()
            COPY.version = version
        except Exception:  # no database (down, or not open yet): error pages still name the city they last knew
            logger.warning("site identity unavailable; using the last copy or the defaults", exc_info=True)
            return COPY.identity or SiteIdentity()
    return COPY.identity


def forget() -> None:
    COPY.identity, COPY.version, COPY.check_at = None, None, 0.0


def forget_after_save(**kwargs) -> None:
    # At once (the saving request's own next read) and after the commit (requests of this process meanwhile).
    forget()
    transaction.on_commit(forget, using=kwargs.get("using"))


def connect_refresh() -> None:
    post_save.connect(forget_after_save, sender=SiteIdentity, dispatch_uid="identity-forget")
