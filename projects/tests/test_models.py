import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from conftest import make_milestone, make_project
from projects.models import Milestone, Project
from projects.services import progress_record, project_update_progress

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 25)


def errors_of(project):
    with pytest.raises(ValidationError) as info:
        project.full_clean()
    return info.value.message_dict


def test_progress_above_100_is_refused_with_a_message():
    project = make_project()
    project.progress = 101
    assert "progress" in errors_of(project)


def test_progress_above_100_is_refused_by_the_database():
    project = make_project()
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.filter(pk=project.pk).update(progress=101)


def test_end_before_start_is_refused():
    project = make_project(start_date=datetime.date(2025, 5, 1))
    project.planned_end_date = datetime.date(2025, 4, 30)
    assert errors_of(project)["planned_end_date"] == ["Das geplante Ende darf nicht vor dem Beginn liegen."]


def test_completed_project_needs_an_actual_end_date():
    project = make_project(start_date=datetime.date(2025, 5, 1))
    project.status = Project.Status.COMPLETED
    assert "actual_end_date" in errors_of(project)
    project.actual_end_date = datetime.date(2026, 1, 31)
    project.full_clean()


def test_image_needs_alternative_text():
    project = make_project()
    project.image = SimpleUploadedFile("lamp.png", b"not checked here", content_type="image/png")
    assert errors_of(project)["image_alt"] == ["Ein Bild braucht einen Alternativtext."]


def test_coordinates_come_in_pairs():
    project = make_project()
    project.latitude = 49.44
    assert "longitude" in errors_of(project)


@pytest.mark.parametrize(
    ("due", "completed", "state"),
    [
        (datetime.date(2026, 11, 1), datetime.date(2026, 11, 3), Milestone.State.DONE),
        (datetime.date(2026, 12, 1), datetime.date(2026, 11, 3), Milestone.State.DONE),
        (datetime.date(2026, 11, 24), None, Milestone.State.OVERDUE),
        (datetime.date(2026, 11, 25), None, Milestone.State.UPCOMING),
        (datetime.date(2027, 1, 10), None, Milestone.State.UPCOMING),
    ],
)
def test_milestone_state_is_derived_from_its_dates(due, completed, state):
    milestone = make_milestone(make_project(), due_date=due, completed_on=completed)
    assert milestone.state_on(TODAY) == state


def test_changes_of_progress_or_status_are_recorded_once_each():
    project = make_project(progress=10, status=Project.Status.IN_PROGRESS)
    assert progress_record(project=project) is not None
    assert progress_record(project=project) is None  # nothing changed

    project_update_progress(project=project, progress=40, status=Project.Status.IN_PROGRESS)
    project_update_progress(project=project, progress=40, status=Project.Status.PAUSED)
    history = list(project.progress_entries.order_by("recorded_at").values_list("progress", "status"))
    assert history == [(10, "in_progress"), (40, "in_progress"), (40, "paused")]


def test_invalid_progress_update_changes_nothing():
    project = make_project(progress=10)
    with pytest.raises(ValidationError):
        project_update_progress(project=project, progress=120, status=Project.Status.IN_PROGRESS)
    project.refresh_from_db()
    assert project.progress == 10
    assert not project.progress_entries.exists()


def test_english_title_falls_back_to_german():
    from django.utils import translation

    project = make_project(title_de="Handyparken", title_en="")
    with translation.override("en"):
        assert project.title == "Handyparken"
