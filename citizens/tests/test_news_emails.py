"""News emails a journalist can work with: a subject that names the topic, the full text, whom to answer, headers."""

import datetime

import pytest
import time_machine
from django.core import mail

from citizens import notifications
from citizens.tests.helpers import make_subscription
from conftest import make_field, make_news, make_project

pytestmark = pytest.mark.django_db

WINTER = datetime.datetime(2026, 11, 25, 9, tzinfo=datetime.UTC)
SUMMER = datetime.datetime(2026, 7, 1, 9, tzinfo=datetime.UTC)
BODY = """Die **Verkabelung** der Grundschulen dauert länger.

- Neubau der Leitungen
- [Zeitplan](https://example.org/plan)

<script>alert("gestohlen")</script>
"""


@pytest.fixture
def schoolnet(settings):
    settings.SITE_URL = "https://digital.kaiserslautern.example"
    settings.PRESS_EMAIL = "presse@kaiserslautern.example"
    education = make_field(name_de="Bildung", slug="bildung")
    return make_project(title_de="Zentrales Schulnetz", field=education, press_email="schulnetz@kaiserslautern.example")


def announce(capture, **news):
    make_subscription(email="redaktion@rheinpfalz.example", everything=True)
    with capture(execute=True):
        notifications.announcement_fan_out(item=make_news(**news))


def test_the_subject_names_the_project_and_the_email_carries_the_full_sanitized_text(
    schoolnet, django_capture_on_commit_callbacks
):
    announce(
        django_capture_on_commit_callbacks,
        title_de="Die Grundschulen brauchen etwas länger",
        body_de=BODY,
        projects=[schoolnet],
    )
    [message] = mail.outbox
    assert message.subject == "Zentrales Schulnetz: Die Grundschulen brauchen etwas länger"
    html = message.alternatives[0][0]
    assert "Die <strong>Verkabelung</strong> der Grundschulen dauert länger." in html
    assert '<li><a href="https://example.org/plan" rel="noopener noreferrer">Zeitplan</a></li>' in html
    assert "<script" not in html and "gestohlen" not in html
    assert "Die **Verkabelung** der Grundschulen dauert länger." in message.body
    assert "- Neubau der Leitungen" in message.body
    assert "<script" not in message.body and "gestohlen" not in message.body


def test_the_subject_names_the_field_when_a_report_concerns_several_of_its_projects(
    schoolnet, django_capture_on_commit_callbacks
):
    other = make_project(title_de="Tablets für Schulen", field=schoolnet.field)
    announce(django_capture_on_commit_callbacks, title_de="Neues aus den Schulen", projects=[schoolnet, other])
    assert mail.outbox[0].subject == "Bildung: Neues aus den Schulen"


@pytest.mark.parametrize(
    ("item_contact", "project_contact", "reply_to"),
    [
        ("sprecherin@kaiserslautern.example", "schulnetz@kaiserslautern.example", "sprecherin@kaiserslautern.example"),
        ("", "schulnetz@kaiserslautern.example", "schulnetz@kaiserslautern.example"),
        ("", "", "presse@kaiserslautern.example"),
    ],
)
def test_replies_go_to_the_press_contact_of_the_item_else_of_its_project_else_to_the_press_office(
    schoolnet, django_capture_on_commit_callbacks, item_contact, project_contact, reply_to
):
    schoolnet.press_email = project_contact
    schoolnet.save()
    announce(django_capture_on_commit_callbacks, press_email=item_contact, projects=[schoolnet])
    assert mail.outbox[0].reply_to == [reply_to]


@pytest.mark.parametrize(("now", "offset"), [(WINTER, "+0100"), (SUMMER, "+0200")])
def test_the_message_id_names_the_site_and_the_date_carries_the_berlin_offset(
    schoolnet, django_capture_on_commit_callbacks, smtp_server, now, offset
):
    with time_machine.travel(now, tick=False):
        announce(django_capture_on_commit_callbacks, published_at=now, projects=[schoolnet])
    [(_recipients, message)] = smtp_server.messages
    assert message["Message-ID"].endswith("@digital.kaiserslautern.example>")
    assert message["Date"].endswith(offset)
    assert message["Reply-To"] == "schulnetz@kaiserslautern.example"
    assert message["Subject"].startswith("=?utf-8?") or message["Subject"].startswith("Zentrales Schulnetz")
