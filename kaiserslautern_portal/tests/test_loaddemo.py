import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from kaiserslautern_portal.models import LegalPage
from projects.models import FieldOfAction, Milestone, ProgressEntry, Project

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 25)


def counts():
    return [m.objects.count() for m in (FieldOfAction, Project, Milestone, ProgressEntry, LegalPage)]


def test_demo_programme_is_realistic_and_loads_idempotently(settings):
    settings.DEBUG = True
    call_command("loaddemo", today=TODAY, stdout=io.StringIO())
    first = counts()
    call_command("loaddemo", today=TODAY, stdout=io.StringIO())
    assert counts() == first
    fields, projects, milestones, entries, legal = first
    assert fields >= 6 and projects >= 15 and milestones >= 3 * projects and entries >= projects and legal == 4
    published = Project.objects.published()
    assert {p.status for p in published} >= {"planned", "in_progress", "completed"}
    assert all("Demo" in p.description_de and p.description_en for p in published)
    assert Milestone.objects.upcoming(TODAY).count() >= 5
    assert Milestone.objects.overdue(TODAY, since=TODAY - datetime.timedelta(days=90)).exists()
    for project in published:
        project.full_clean()
        last = project.progress_entries.order_by("recorded_at").last()
        assert (last.progress, last.status) == (project.progress, project.status)


def test_demo_editor_exists_only_while_developing(settings):
    settings.DEBUG = False
    call_command("loaddemo", today=TODAY, stdout=io.StringIO())
    assert not get_user_model().objects.exists()
    settings.DEBUG = True
    call_command("loaddemo", today=TODAY, stdout=io.StringIO())
    editor = get_user_model().objects.get()
    assert editor.is_staff and not editor.is_superuser
    assert editor.groups.filter(name="Redaktion").exists()
    assert editor.emailaddress_set.get().verified
    assert editor.edited_projects.count() == Project.objects.count()
