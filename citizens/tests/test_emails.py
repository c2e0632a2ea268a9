"""The helpers the news notifications use: subscriber_template, for_subscriber, render_message."""

import pytest

from citizens.emails import for_subscriber, render_message, subscriber_template

from .helpers import make_subscription

pytestmark = pytest.mark.django_db


def test_subscriber_email_has_its_own_unsubscribe_link_headers_and_language(tmp_path, settings):
    templates = tmp_path / "emails"
    templates.mkdir()
    (templates / "probe_subject.txt").write_text("{% load i18n %}{% translate 'Abmelden' %}\n")
    (templates / "probe_body.txt").write_text('{% include "emails/_unsubscribe_footer.txt" %}')
    (templates / "probe_body.html").write_text('{% include "emails/_unsubscribe_footer.html" %}')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]

    subscription = make_subscription(everything=True, language="en")
    message = for_subscriber(subscriber_template("probe", language="en", context={}), subscription)
    assert message.to == ["press@example.org"]
    assert message.subject == "Log out"  # the probe's German word, rendered in English
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert url in message.body
    assert url in message.alternatives[0][0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    other = make_subscription(email="other@example.org", everything=True)
    assert for_subscriber(subscriber_template("probe", language="en", context={}), other).body != message.body


def test_subject_is_one_line():
    subscription = make_subscription(confirmed_at=None)
    message = render_message(
        "subscription_confirm",
        to=subscription.email,
        language="de",
        context={"pending": subscription, "confirm_url": "x", "valid_until": subscription.requested_at},
    )
    assert "\n" not in message.subject
