"""One function per kind of email, each rendering templates/emails/<name>_subject.txt, _body.txt and _body.html.

For mail to subscribers (news notifications, digests) use `subscriber_message`: it renders in the subscriber's
language and adds the visible unsubscribe link and the RFC 8058 one-click headers. Send a batch over one
connection with `get_connection().send_messages(messages)`.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import CONFIRMATION_PERIOD, Subscription
from .tokens import confirmation_token, unsubscribe_token


def absolute_url(path: str) -> str:
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


def unsubscribe_url(subscription: Subscription) -> str:
    """The absolute one-click unsubscribe link of a confirmed subscription."""
    return absolute_url(reverse("citizens:unsubscribe", args=[unsubscribe_token(subscription)]))


def list_unsubscribe_headers(subscription: Subscription) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers: mail clients offer one-click unsubscribing with them."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscription)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def subscriber_message(name: str, subscription: Subscription, context: dict | None = None) -> EmailMultiAlternatives:
    """An email to a subscriber: in their language, with `unsubscribe_url` in the context and the RFC 8058 headers.

    The templates include emails/_unsubscribe_footer.txt / .html to show the link.
    """
    context = {"subscription": subscription, "unsubscribe_url": unsubscribe_url(subscription), **(context or {})}
    return render_message(
        name,
        to=subscription.email,
        language=subscription.language,
        context=context,
        headers=list_unsubscribe_headers(subscription),
    )


def send_subscription_confirmation(pending: Subscription) -> None:
    """The double opt-in email for a pending request, in the language the request asked for.

    To an address that is already subscribed it says so (confirming changes the choice) and carries the
    unsubscribe link of the existing subscription.
    """
    current = Subscription.objects.confirmed().for_address(pending.email).first()
    context = {
        "pending": pending,
        "fields": list(pending.fields.all()),
        "projects": list(pending.projects.all()),
        "confirm_url": absolute_url(reverse("citizens:confirm", args=[confirmation_token(pending)])),
        "valid_until": pending.requested_at + CONFIRMATION_PERIOD,
        "already_subscribed": current is not None,
        "privacy_url": absolute_url(reverse("legal_page", args=["datenschutz"])),
    }
    headers = None
    if current is not None:
        context["unsubscribe_url"] = unsubscribe_url(current)
        headers = list_unsubscribe_headers(current)
    render_message(
        "subscription_confirm", to=pending.email, language=pending.language, context=context, headers=headers
    ).send()
