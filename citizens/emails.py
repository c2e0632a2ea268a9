"""One function per kind of email, each rendering templates/emails/<name>_subject.txt, _body.txt and _body.html.

Mail to many subscribers (news notifications, digests) is rendered once per language with `subscriber_template`
and addressed to each reader with `for_subscriber`, which puts in their own unsubscribe link (the templates include
emails/_unsubscribe_footer.txt / .html) and the RFC 8058 one-click headers.
"""

from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from kaiserslautern_portal.lib.mail import absolute_url, identity_headers, render_message

from .models import CONFIRMATION_PERIOD, Subscription
from .tokens import confirmation_token, unsubscribe_token


def unsubscribe_url(subscription: Subscription) -> str:
    """The absolute one-click unsubscribe link of a confirmed subscription, to the page in the reader's language."""
    with translation.override(subscription.language):
        return absolute_url(reverse("citizens:unsubscribe", args=[unsubscribe_token(subscription)]))


def list_unsubscribe_headers(subscription: Subscription) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers: mail clients offer one-click unsubscribing with them."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscription)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


# Mass mail is rendered once per item and language with this in place of each reader's own link.
UNSUBSCRIBE_PLACEHOLDER = "https://unsubscribe.invalid/placeholder/"


def subscriber_template(
    name: str, *, language: str, context: dict, reply_to: str | None = None
) -> EmailMultiAlternatives:
    """A subscriber email rendered once, for `for_subscriber` to address to each reader."""
    context = {**context, "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER}
    return render_message(name, to="", language=language, context=context, reply_to=reply_to)


def for_subscriber(template: EmailMultiAlternatives, subscription: Subscription) -> EmailMultiAlternatives:
    """The template addressed to one reader, with their unsubscribe link in the text and in the headers."""
    url = unsubscribe_url(subscription)
    message = EmailMultiAlternatives(
        template.subject,
        template.body.replace(UNSUBSCRIBE_PLACEHOLDER, url),
        template.from_email,
        [subscription.email],
        headers={**identity_headers(), **list_unsubscribe_headers(subscription)},
        reply_to=template.reply_to,
    )
    html, mimetype = template.alternatives[0]
    message.attach_alternative(html.replace(UNSUBSCRIBE_PLACEHOLDER, escape(url)), mimetype)
    return message


def send_subscription_confirmation(pending: Subscription) -> None:
    """The double opt-in email for a pending request, in the language the request asked for.

    To an address that is already subscribed it says so (confirming changes the choice) and carries the
    unsubscribe link of the existing subscription.
    """
    current = Subscription.objects.confirmed().for_address(pending.email).first()
    with translation.override(pending.language):
        links = {
            "confirm_url": absolute_url(reverse("citizens:confirm", args=[confirmation_token(pending)])),
            "privacy_url": absolute_url(reverse("legal_page", args=["datenschutz"])),
        }
    context = {
        "pending": pending,
        "fields": list(pending.fields.all()),
        "projects": list(pending.projects.all()),
        "valid_until": pending.requested_at + CONFIRMATION_PERIOD,
        "already_subscribed": current is not None,
        **links,
    }
    headers = None
    if current is not None:
        context["unsubscribe_url"] = unsubscribe_url(current)
        headers = list_unsubscribe_headers(current)
    render_message(
        "subscription_confirm", to=pending.email, language=pending.language, context=context, headers=headers
    ).send()
