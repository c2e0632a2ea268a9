"""The helpers the news notifications reuse: subscriber_message, unsubscribe_url, list_unsubscribe_headers."""

import pytest

from citizens.emails import render_message, subscriber_message

from .helpers import make_subscription

pytestmark = pytest.mark.django_db


def test_subscriber_message_has_the_unsubscribe_link_headers_and_language(tmp_path, settings):
    templates = tmp_path / "emails"
    templates.mkdir()
    (templates / "probe_subject.txt").write_text("{% load i18n %}{% translate 'Abmelden' %}\n")
    (templates / "probe_body.txt").write_text('{% include "emails/_unsubscribe_footer.txt" %}')
    (templates / "probe_body.html").write_text('{% include "emails/_unsubscribe_footer.html" %}')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]

    subscription = make_subscription(everything=True, language="en")
    message = subscriber_message("probe", subscription)
    assert message.to == ["press@example.org"]
    assert message.subject in ("Abmelden", "Unsubscribe")
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert url in message.body
    assert url in message.alternatives[0][0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_subject_is_one_line():
    subscription = make_subscription(confirmed_at=None)
    message = render_message(
        "subscription_confirm",
        to=subscription.email,
        language="de",
        context={"pending": subscription, "confirm_url": "x", "valid_until": subscription.requested_at},
    )
    assert "\n" not in message.subject
