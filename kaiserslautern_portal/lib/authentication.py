"""How API clients prove who they are (DRF's DEFAULT_AUTHENTICATION_CLASSES).

A module of its own: DRF loads these classes while rest.py would still be importing DRF.
"""

from rest_framework import exceptions, throttling
from rest_framework.authentication import TokenAuthentication, get_authorization_header


class FailedTokenThrottle(throttling.SimpleRateThrottle):
    """Wrong API tokens per client address (rate `token_failures`): guessing stops long before it could succeed."""

    scope = "token_failures"

    def get_cache_key(self, request, view=None):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def exhausted(self, request) -> bool:
        self.key = self.get_cache_key(request)
        self.now = self.timer()
        self.history = [moment for moment in self.cache.get(self.key, []) if moment > self.now - self.duration]
        return len(self.history) >= self.num_requests

    def record_failure(self) -> None:
        self.throttle_success()


class ThrottledTokenAuthentication(TokenAuthentication):
    """`Authorization: Token …`; an address that sent too many wrong tokens gets 429, even for a right one."""

    def authenticate(self, request):
        words = get_authorization_header(request).split()
        if not words or words[0].lower() != self.keyword.lower().encode():
            return None
        throttle = FailedTokenThrottle()
        if throttle.exhausted(request):
            raise exceptions.Throttled(wait=throttle.wait())
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            throttle.record_failure()
            raise
