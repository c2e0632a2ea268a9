"""Email rendering shared by every app: templates/emails/<name>_subject.txt, _body.txt and _body.html."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path: str) -> str:
    """A link for emails and feeds: they leave the site, so it names the public host from SITE_URL."""
    return f"{settings.SITE_URL}{path}"


def render_message(
    name: str, *, to: str, language: str, context: dict, headers: dict[str, str] | None = None
) -> EmailMultiAlternatives:
    """Render one email, HTML and plain text, in the given language."""
    context = {"SITE_URL": settings.SITE_URL, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{name}_subject.txt", context).split())
        text = render_to_string(f"emails/{name}_body.txt", context)
        html = render_to_string(f"emails/{name}_body.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to], headers=headers)
    message.attach_alternative(html, "text/html")
    return message
