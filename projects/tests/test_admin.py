import pytest
from django.contrib.auth.models import Group

from conftest import make_field, make_project
from projects.models import Project

pytestmark = pytest.mark.django_db


def project_form(field, **overrides):
    data = {
        "title_de": "Lotsensystem",
        "title_en": "Guidance system",
        "slug": "lotsensystem",
        "field": field.pk,
        "summary_de": "Wege nach persönlichem Bedarf.",
        "summary_en": "",
        "description_de": "",
        "description_en": "",
        "is_published": "on",
        "status": "in_progress",
        "progress": "25",
        "start_date": "2023-05-01",
        "planned_end_date": "2026-12-31",
        "actual_end_date": "",
        "budget": "323896",
        "spent": "",
        "spent_as_of": "",
        "update_interval_days": "90",
        "funding_source_de": "Bund",
        "funding_source_en": "",
        "partners_de": "",
        "partners_en": "",
        "responsible_office_de": "Referat Digitalisierung und Innovation",
        "responsible_office_en": "",
        "contact_name_de": "",
        "contact_name_en": "",
        "contact_email": "",
        "contact_phone": "",
        "place_name_de": "",
        "place_name_en": "",
        "latitude": "",
        "longitude": "",
        "image_alt_de": "",
        "image_alt_en": "",
        "image_credit_de": "",
        "image_credit_en": "",
        "milestones-TOTAL_FORMS": "2",
        "milestones-INITIAL_FORMS": "0",
        "milestones-MIN_NUM_FORMS": "0",
        "milestones-MAX_NUM_FORMS": "1000",
        "milestones-0-title_de": "Routing-Dienst",
        "milestones-0-title_en": "",
        "milestones-0-order": "1",
        "milestones-0-description_de": "",
        "milestones-0-description_en": "",
        "milestones-0-due_date": "2024-09-01",
        "milestones-0-completed_on": "2024-09-15",
        "milestones-1-title_de": "Regelbetrieb",
        "milestones-1-title_en": "",
        "milestones-1-order": "2",
        "milestones-1-description_de": "",
        "milestones-1-description_en": "",
        "milestones-1-due_date": "2026-12-31",
        "milestones-1-completed_on": "",
        "indicators-TOTAL_FORMS": "0",
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "1000",
        "date_changes-TOTAL_FORMS": "0",
        "date_changes-INITIAL_FORMS": "0",
        "date_changes-MIN_NUM_FORMS": "0",
        "date_changes-MAX_NUM_FORMS": "1000",
        "progress_entries-TOTAL_FORMS": "0",
        "progress_entries-INITIAL_FORMS": "0",
        "progress_entries-MIN_NUM_FORMS": "0",
        "progress_entries-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def milestone_rows(milestone, due_date: str) -> dict:
    """The change form's one milestone row, for an existing milestone moved to `due_date`."""
    return {
        "milestones-TOTAL_FORMS": "1",
        "milestones-INITIAL_FORMS": "1",
        "milestones-0-id": str(milestone.pk),
        "milestones-0-project": str(milestone.project_id),
        "milestones-0-title_de": milestone.title_de,
        "milestones-0-title_en": "",
        "milestones-0-order": "0",
        "milestones-0-description_de": "",
        "milestones-0-description_en": "",
        "milestones-0-due_date": due_date,
        "milestones-0-completed_on": "",
    }


def test_editors_group_exists_with_content_permissions_only():
    group = Group.objects.get(name="Redaktion")
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert ("projects", "change_project") in codenames
    assert ("projects", "add_milestone") in codenames
    assert ("kaiserslautern_portal", "change_legalpage") in codenames
    assert not {app for app, _codename in codenames} & {"auth", "citizens", "sessions", "contenttypes", "admin"}


def test_editor_creates_a_project_with_milestones_and_its_history_starts(client, editor):
    field = make_field()
    client.force_login(editor)
    response = client.post("/admin/projects/project/add/", project_form(field))
    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get(slug="lotsensystem")
    assert project.title_en == "Guidance system"
    assert list(project.milestones.values_list("title_de", flat=True)) == ["Routing-Dienst", "Regelbetrieb"]
    assert list(project.progress_entries.values_list("progress", "status")) == [(25, "in_progress")]


def test_editor_sees_clear_validation_messages(client, editor):
    field = make_field()
    client.force_login(editor)
    response = client.post(
        "/admin/projects/project/add/",
        project_form(field, progress="120", status="completed", planned_end_date="2020-01-01"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "kleiner oder gleich 100" in html
    assert "Ein umgesetztes Projekt braucht ein tatsächliches Ende." in html
    assert not Project.objects.exists()


def test_editor_changing_progress_adds_a_history_point(client, editor):
    project = make_project(title_de="Lotsensystem", slug="lotsensystem", progress=25, status="in_progress")
    client.force_login(editor)
    data = project_form(project.field, progress="60", **{"milestones-TOTAL_FORMS": "0"})
    response = client.post(f"/admin/projects/project/{project.pk}/change/", data)
    assert response.status_code == 302
    assert list(project.progress_entries.values_list("progress", flat=True)) == [60]


def test_editor_publishes_and_unpublishes_in_bulk(client, editor):
    drafts = [make_project(title_de=f"Entwurf {n}", is_published=False) for n in range(3)]
    client.force_login(editor)
    ids = [str(p.pk) for p in drafts[:2]]
    client.post("/admin/projects/project/", {"action": "publish", "_selected_action": ids})
    assert set(Project.objects.filter(is_published=True).values_list("pk", flat=True)) == {p.pk for p in drafts[:2]}
    client.post("/admin/projects/project/", {"action": "unpublish", "_selected_action": ids})
    assert not Project.objects.filter(is_published=True).exists()


def test_editor_list_view_shows_status_and_progress_with_filters(client, editor):
    make_project(title_de="Handyparken", progress=77)
    client.force_login(editor)
    html = client.get("/admin/projects/project/", {"status__exact": "planned"}).content.decode()
    assert "Handyparken" in html and "77" in html


def test_editor_cannot_manage_accounts_or_groups(client, editor):
    client.force_login(editor)
    assert client.get("/admin/citizens/user/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403
    assert client.get("/admin/projects/project/").status_code == 200


def test_citizen_cannot_enter_the_admin(client, citizen):
    client.force_login(citizen)
    response = client.get("/admin/projects/project/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
