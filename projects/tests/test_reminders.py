"""The weekly email that reminds editors of their projects whose update is overdue."""

import datetime
from unittest import mock

import pytest
import time_machine
from celery.schedules import crontab
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import make_project
from kaiserslautern_portal.lib.identity.current import site_identity
from projects.models import ReminderSent
from projects.services import update_reminders_send
from projects.tasks import send_update_reminders

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 11, 23)
LONG_AGO = datetime.date(2026, 1, 5)


@pytest.fixture
def second_editor(django_user_model):
    return django_user_model.objects.create_user(
        email="dora@kaiserslautern.example", password="dora-secret-123", is_staff=True, language="en"
    )


def overdue_project(*editors, **kwargs):
    kwargs.setdefault("status", "in_progress")
    kwargs.setdefault("last_update", LONG_AGO)
    project = make_project(**kwargs)
    project.editors.set(editors)
    return project


def test_each_editor_gets_one_email_listing_only_their_overdue_projects(editor, second_editor):
    overdue_project(editor, title_de="Lotsensystem", slug="lotsensystem")
    overdue_project(editor, second_editor, title_de="Schulnetz", slug="schulnetz", title_en="School network")
    overdue_project(editor, title_de="Frisch", last_update=MONDAY)
    overdue_project(editor, title_de="Fertig", status="completed", actual_end_date=LONG_AGO)
    overdue_project(editor, title_de="Entwurf", is_published=False)
    overdue_project(title_de="Ohne Zuständige")

    assert update_reminders_send(today=MONDAY) == 2

    assert len(mail.outbox) == 2
    by_recipient = {message.to[0]: message for message in mail.outbox}
    bob = by_recipient["bob@kaiserslautern.example"]
    assert bob.subject == "Aktualisierung überfällig: 2 Projekte"
    assert "Lotsensystem" in bob.body and "Schulnetz" in bob.body
    assert "Frisch" not in bob.body and "Fertig" not in bob.body and "Entwurf" not in bob.body
    assert "Zuletzt aktualisiert am 5. Januar 2026, fällig am 5. April 2026 (seit 232 Tagen überfällig)" in bob.body
    assert f"{settings.SITE_URL}/projekte/lotsensystem/" in bob.body
    assert f"{settings.SITE_URL}/admin/projects/project/" in bob.body
    html, mimetype = bob.alternatives[0]
    assert mimetype == "text/html" and 'href="http' in html and "Lotsensystem" in html

    dora = by_recipient["dora@kaiserslautern.example"]
    assert "School network" in dora.body and "Lotsensystem" not in dora.body


def test_a_second_run_in_the_same_week_sends_nothing_and_the_next_week_sends_again(editor):
    overdue_project(editor)
    assert update_reminders_send(today=MONDAY) == 1
    assert update_reminders_send(today=MONDAY + datetime.timedelta(days=3)) == 0
    assert len(mail.outbox) == 1
    assert ReminderSent.objects.get().week == MONDAY

    assert update_reminders_send(today=MONDAY + datetime.timedelta(days=7)) == 1
    assert len(mail.outbox) == 2


def test_nothing_is_sent_when_no_update_is_overdue(editor):
    overdue_project(editor, last_update=MONDAY)
    assert update_reminders_send(today=MONDAY) == 0
    assert not mail.outbox and not ReminderSent.objects.exists()


def test_inactive_editors_get_no_reminder(editor):
    editor.is_active = False
    editor.save()
    overdue_project(editor)
    assert update_reminders_send(today=MONDAY) == 0


def test_a_failed_send_leaves_the_week_unclaimed_so_the_next_run_retries(editor):
    overdue_project(editor)
    with (
        mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=ConnectionError),
        pytest.raises(ConnectionError),
    ):
        update_reminders_send(today=MONDAY)
    assert not ReminderSent.objects.exists()
    assert update_reminders_send(today=MONDAY) == 1


def test_the_task_runs_for_today_and_is_scheduled_on_monday_mornings(editor):
    overdue_project(editor)
    with time_machine.travel(datetime.datetime(2026, 11, 23, 6, tzinfo=datetime.UTC), tick=False):
        assert send_update_reminders.apply().get() == 1
    # A broker outage at 07:00 makes beat miss the first run; a later one that Monday sends it, never twice.
    with time_machine.travel(datetime.datetime(2026, 11, 23, 14, tzinfo=datetime.UTC), tick=False):
        assert send_update_reminders.apply().get() == 0
    entry = settings.CELERY_BEAT_SCHEDULE["projects-update-reminders"]
    assert entry["task"] == "projects.tasks.send_update_reminders"
    assert entry["schedule"] == crontab(minute="*/15", hour="7-20", day_of_week="mon")
    assert settings.CELERY_TIMEZONE == "Europe/Berlin"


def test_the_query_count_grows_with_editors_not_with_projects(editor):
    overdue_project(editor)
    site_identity()  # read once per process, whatever the count of emails
    with CaptureQueriesContext(connection) as one_project:
        update_reminders_send(today=MONDAY)
    for n in range(20):
        overdue_project(editor, title_de=f"Projekt {n}")
    with CaptureQueriesContext(connection) as many_projects:
        assert update_reminders_send(today=MONDAY + datetime.timedelta(days=7)) == 1
    assert len(many_projects) == len(one_project) <= 10
