"""Small builders for the citizens tests, in the style of the root conftest's make_project."""

import re

from django.utils import timezone

from citizens.models import Subscription


def make_subscription(*, fields=(), projects=(), **kwargs):
    kwargs.setdefault("email", "press@example.org")
    kwargs.setdefault("consent_text", "Ich möchte E-Mails bekommen.")
    kwargs.setdefault("requested_at", timezone.now())
    kwargs.setdefault("confirmed_at", kwargs["requested_at"])
    subscription = Subscription.objects.create(**kwargs)
    subscription.fields.set(fields)
    subscription.projects.set(projects)
    return subscription


def subscribe_data(**overrides):
    data = {
        "email": "press@example.org",
        "scope": "alles",
        "frequency": "immediately",
        "language": "de",
        "consent": "on",
    }
    data.update(overrides)
    return data


def link_in(message, path_prefix: str) -> str:
    """The first link in an email's plain text whose path starts with path_prefix, as a path."""
    match = re.search(rf"https?://[^/\s]+({re.escape(path_prefix)}\S*)", message.body)
    assert match, f"no link to {path_prefix} in:\n{message.body}"
    return match.group(1)
