"""Email rendering shared by every app: templates/emails/<name>_subject.txt, _body.txt and _body.html."""

from dataclasses import dataclass
from email.utils import format_datetime, make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .identity.current import site_identity


def absolute_url(path: str) -> str:
    """A link for emails and feeds: they leave the site, so it names the public host from SITE_URL."""
    return f"{settings.SITE_URL}{path}"


@dataclass(frozen=True)
class Site:
    """The portal as emails name it (in place of allauth's request-based site): the identity's name, SITE_URL's host."""

    name: str
    domain: str

    def __str__(self):
        return self.name


def site() -> Site:
    return Site(name=site_identity().name, domain=urlsplit(settings.SITE_URL).netloc)


def identity_headers() -> dict[str, str]:
    """A Message-ID under the site's own domain (not the sending machine's) and a Date in local time (TIME_ZONE)."""
    return {
        "Message-ID": make_msgid(domain=urlsplit(settings.SITE_URL).hostname),
        "Date": format_datetime(timezone.localtime()),
    }


def render_message(
    name: str,
    *,
    to: str,
    language: str,
    context: dict,
    headers: dict[str, str] | None = None,
    reply_to: str | None = None,
) -> EmailMultiAlternatives:
    """Render one email, HTML and plain text, in the given language."""
    identity = site_identity()
    context = {"SITE_URL": settings.SITE_URL, "identity": identity, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{name}_subject.txt", context).split())
        text = render_to_string(f"emails/{name}_body.txt", context)
        html = render_to_string(f"emails/{name}_body.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        identity.sender,
        [to],
        headers={**identity_headers(), **(headers or {})},
        reply_to=[reply_to] if reply_to else None,
    )
    message.attach_alternative(html, "text/html")
    return message
