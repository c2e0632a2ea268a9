"""One rule for planned dates (services.planned_date_change): the admin and the services must never disagree.

Each case runs both ways, through the admin's forms and through project_save / milestone_save, and both must end
in the same state: refused, or saved with the same dates and the same public record of moves.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError

from conftest import make_field, make_project
from projects.models import DateChange, Milestone, Project
from projects.services import milestone_save, project_save
from projects.tests.test_admin import milestone_rows, project_form

pytestmark = pytest.mark.django_db

JUNE, SEPTEMBER = datetime.date(2026, 6, 30), datetime.date(2026, 9, 30)
REFUSED = "refused"


def record(project):
    return list(project.date_changes.order_by("pk").values_list("kind", "old_date", "new_date", "reason"))


def project_state(project):
    project.refresh_from_db()
    return (project.baseline_end_date, project.planned_end_date, record(project))


def stored_project(planned):
    """A project as saved before the edit; with no planned end it has no baseline yet."""
    return project_save(project=make_project(title_de="Lotsensystem", slug="lotsensystem", planned_end_date=planned))


def admin_saves(client, project, **overrides) -> bool:
    """Posts the project's change form; True when it saved, False when it asked again."""
    data = project_form(project.field, slug=project.slug, **{"milestones-TOTAL_FORMS": "0", **overrides})
    response = client.post(f"/admin/projects/project/{project.pk}/change/", data)
    assert response.status_code in (200, 302)
    return response.status_code == 302


def through_the_admin(client, project, planned, reason):
    saved = admin_saves(
        client, project, planned_end_date=planned.isoformat() if planned else "", date_change_reason=reason
    )
    return project_state(project) if saved else REFUSED


def through_the_service(project, planned, reason):
    project = Project.objects.get(pk=project.pk)
    project.planned_end_date = planned
    try:
        project_save(project=project, reason=reason)
    except ValidationError:
        return REFUSED
    return project_state(project)


PROJECT_CASES = {
    # name: (stored planned end, new planned end, reason, expected (baseline, planned, record) or REFUSED)
    "unchanged": (JUNE, JUNE, "", (JUNE, JUNE, [])),
    "moved without reason": (JUNE, SEPTEMBER, "", REFUSED),
    "moved with spaces only": (JUNE, SEPTEMBER, "   ", REFUSED),
    "moved with reason": (JUNE, SEPTEMBER, " Später. ", (JUNE, SEPTEMBER, [("end", JUNE, SEPTEMBER, "Später.")])),
    "cleared with reason": (JUNE, None, "Offen.", (JUNE, None, [("end", JUNE, None, "Offen.")])),
    "cleared without reason": (JUNE, None, "", REFUSED),
    "first planned end": (None, SEPTEMBER, "", (SEPTEMBER, SEPTEMBER, [])),
}


@pytest.mark.parametrize("case", PROJECT_CASES)
def test_admin_and_service_agree_on_a_projects_planned_end(client, editor, case):
    stored, planned, reason, expected = PROJECT_CASES[case]
    client.force_login(editor)
    by_admin = through_the_admin(client, stored_project(stored), planned, reason)
    Project.objects.all().delete()
    by_service = through_the_service(stored_project(stored), planned, reason)
    assert by_admin == by_service == expected


def test_admin_and_service_agree_on_a_new_projects_baseline(client, editor):
    client.force_login(editor)
    data = project_form(make_field(), **{"milestones-TOTAL_FORMS": "0"})
    assert client.post("/admin/projects/project/add/", data).status_code == 302
    by_admin = project_state(Project.objects.get(slug="lotsensystem"))
    Project.objects.all().delete()
    new = Project(
        title_de="Lotsensystem", slug="lotsensystem", summary_de="Wege.", responsible_office="Referat",
        field=make_field(), planned_end_date=datetime.date(2026, 12, 31),
    )  # fmt: skip
    by_service = project_state(project_save(project=new))
    assert by_admin == by_service == (datetime.date(2026, 12, 31), datetime.date(2026, 12, 31), [])


def milestone_state(milestone):
    milestone.refresh_from_db()
    return (milestone.baseline_due_date, milestone.due_date, record(milestone.project))


def stored_milestone():
    project = stored_project(JUNE)
    return milestone_save(milestone=Milestone(project=project, title_de="Test", due_date=JUNE))


def milestone_through_the_admin(client, milestone, due, reason):
    rows = milestone_rows(milestone, due.isoformat()) | {"milestones-0-date_change_reason": reason}
    saved = admin_saves(client, milestone.project, planned_end_date=JUNE.isoformat(), **rows)
    return milestone_state(milestone) if saved else REFUSED


def milestone_through_the_service(milestone, due, reason):
    milestone = Milestone.objects.get(pk=milestone.pk)
    milestone.due_date = due
    try:
        milestone_save(milestone=milestone, reason=reason)
    except ValidationError:
        return REFUSED
    return milestone_state(milestone)


MILESTONE_CASES = {
    "unchanged": (JUNE, "", (JUNE, JUNE, [])),
    "moved without reason": (SEPTEMBER, "", REFUSED),
    "moved with reason": (SEPTEMBER, "Später.", (JUNE, SEPTEMBER, [("milestone", JUNE, SEPTEMBER, "Später.")])),
}


@pytest.mark.parametrize("case", MILESTONE_CASES)
def test_admin_and_service_agree_on_a_milestones_due_date(client, editor, case):
    due, reason, expected = MILESTONE_CASES[case]
    client.force_login(editor)
    by_admin = milestone_through_the_admin(client, stored_milestone(), due, reason)
    Project.objects.all().delete()
    by_service = milestone_through_the_service(stored_milestone(), due, reason)
    assert by_admin == by_service == expected


def test_the_admin_shows_the_rules_message_for_a_move_without_reason(client, editor):
    project = stored_project(JUNE)
    client.force_login(editor)
    data = project_form(project.field, slug=project.slug, planned_end_date=SEPTEMBER.isoformat())
    data["milestones-TOTAL_FORMS"] = "0"
    html = client.post(f"/admin/projects/project/{project.pk}/change/", data).content.decode()
    assert "Der Termin wurde verschoben: Bitte kurz und öffentlich begründen, warum." in html
    assert not DateChange.objects.exists()
