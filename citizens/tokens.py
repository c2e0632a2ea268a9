"""Signed tokens for the links in subscription emails.

A token signs the subscription's id together with a keyed digest of its address, so it cannot be forged, cannot
be turned into a token for another subscription, and stops working when the address changes. The address itself
never appears in the link.
"""

from dataclasses import dataclass

from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from .models import CONFIRMATION_PERIOD, Subscription

CONFIRM_SALT = "citizens.subscription.confirm"
UNSUBSCRIBE_SALT = "citizens.subscription.unsubscribe"


class InvalidToken(Exception):
    """The link was altered, belongs to no subscription of ours, or (for confirmations) has expired."""


@dataclass(frozen=True)
class TokenValue:
    subscription_id: int
    digest: str

    def matches(self, subscription: Subscription) -> bool:
        return constant_time_compare(self.digest, email_digest(subscription.email))


def email_digest(email: str) -> str:
    return salted_hmac("citizens.tokens.email", email.lower()).hexdigest()[:16]


def _value(subscription: Subscription) -> str:
    return f"{subscription.pk}.{email_digest(subscription.email)}"


def _parse(value: str) -> TokenValue:
    pk, _dot, digest = value.partition(".")
    if not pk.isdigit() or not digest:
        raise InvalidToken
    return TokenValue(int(pk), digest)


def confirmation_token(subscription: Subscription) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(_value(subscription))


def read_confirmation_token(token: str) -> TokenValue:
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=CONFIRMATION_PERIOD)
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        raise InvalidToken from None
    return _parse(value)


def unsubscribe_token(subscription: Subscription) -> str:
    # No expiry: the link in an old email must keep working.
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(_value(subscription))


def read_unsubscribe_token(token: str) -> TokenValue:
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        raise InvalidToken from None
    return _parse(value)
