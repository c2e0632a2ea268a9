"""A Redis cache that keeps the portal up while Redis is down.

Django's RedisCache raises on every call when Redis is unreachable, so every page, form and admin save would
fail. This backend turns Redis errors into a per-process local-memory cache instead: rate-limit counters (allauth,
DRF, the subscription form) keep counting in each process, so limits stay enforced, never unlimited. Keys under
NO_FALLBACK_PREFIXES are never kept locally but simply miss: a per-process copy of a page could not be invalidated
by an edit in another process. After a failure Redis is left alone for RETRY_SECONDS (each attempt would cost a
connect timeout); then the next call tries again, so the portal recovers without a restart. Keys named in
FORGET_ON_RECOVERY are deleted when Redis answers again: writes to them during the outage were lost.
"""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def guarded(name: str):
    """A cache method whose first argument is the key, or the keys (a list, or the dict of set_many)."""

    def method(self, key, *args, **kwargs):
        return self._call(name, key, key, *args, **kwargs)

    method.__name__ = name
    return method


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.no_fallback_prefixes = tuple(options.pop("NO_FALLBACK_PREFIXES", ()))
        self.forget_on_recovery = list(options.pop("FORGET_ON_RECOVERY", ()))
        self.retry_seconds = float(options.pop("RETRY_SECONDS", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        # LocMemCache instances with one name share their store: one fallback per process, whatever the thread.
        self.fallback = LocMemCache(f"redis-fallback:{server}", {"OPTIONS": {"MAX_ENTRIES": 10000}})
        self.down_until = 0.0

    @property
    def degraded(self) -> bool:
        return time.monotonic() < self.down_until

    def ping(self) -> None:
        """Ask Redis itself (readiness checks), whatever the fallback would answer."""
        self._cache.get_client(write=True).ping()

    def _call(self, name: str, key, *args, **kwargs):
        if not self.degraded:
            try:
                if self.down_until:
                    self._recover()
                return getattr(super(), name)(*args, **kwargs)
            except RedisError as error:
                if not self.down_until:  # once per outage, not on every retry
                    logger.warning(
                        "cache: Redis failed (%s: %s), using the local fallback", type(error).__name__, error
                    )
                self.down_until = time.monotonic() + self.retry_seconds
        target = self.fallback if self._may_keep_locally(key) else MISSES
        return getattr(target, name)(*args, **kwargs)

    def _may_keep_locally(self, key) -> bool:
        keys = [key] if isinstance(key, str) else key
        return not any(str(k).startswith(self.no_fallback_prefixes) for k in keys)

    def _recover(self) -> None:
        """Before anything is read again: forget what may have missed a write meanwhile."""
        if self.forget_on_recovery:
            super().delete_many(self.forget_on_recovery)
        else:
            self.ping()
        self.down_until = 0.0
        logger.warning("cache: Redis answers again")

    add = guarded("add")
    get = guarded("get")
    set = guarded("set")
    touch = guarded("touch")
    delete = guarded("delete")
    has_key = guarded("has_key")
    incr = guarded("incr")
    get_many = guarded("get_many")
    set_many = guarded("set_many")
    delete_many = guarded("delete_many")

    def clear(self):
        return self._call("clear", ())


class Misses:
    """What a key without local fallback answers while Redis is down: a miss, a write that did not happen."""

    def add(self, key, *args, **kwargs):
        return False

    def get(self, key, default=None, version=None):
        return default

    def set(self, *args, **kwargs):
        return None

    def touch(self, *args, **kwargs):
        return False

    def delete(self, *args, **kwargs):
        return False

    def has_key(self, *args, **kwargs):
        return False

    def incr(self, key, *args, **kwargs):
        raise ValueError(f"Key '{key}' not found")

    def get_many(self, *args, **kwargs):
        return {}

    def set_many(self, data, *args, **kwargs):
        return list(data)

    def delete_many(self, *args, **kwargs):
        return None


MISSES = Misses()
