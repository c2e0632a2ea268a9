"""Planned vs. actual with public reasons, budget vs. money spent, and freshness of each project."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from conftest import make_milestone, make_project
from projects.models import DateChange, Milestone, Project
from projects.services import milestone_save, project_save, project_update_progress
from projects.tests.test_admin import milestone_rows, project_form

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 25)
NOW = datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)
travel = time_machine.travel(NOW, tick=False)
# Before the planned ends of 2026 the tests below move: their slip is the plan's, not yet the calendar's.
travel_to_spring = time_machine.travel(datetime.datetime(2026, 5, 4, 12, tzinfo=datetime.UTC), tick=False)


def saved_project(**kwargs):
    """A project created the way the admin creates one: through the service."""
    kwargs.setdefault("title_de", "Lotsensystem")
    project = make_project(**kwargs)
    project.baseline_end_date = None
    return project_save(project=project)


# Baseline, forecast, actual


def test_the_first_planned_end_becomes_the_baseline_without_a_reason():
    project = saved_project(planned_end_date=datetime.date(2026, 6, 30))
    assert project.baseline_end_date == datetime.date(2026, 6, 30)
    assert not project.date_changes.exists()


@travel_to_spring
def test_moving_the_planned_end_keeps_the_baseline_and_records_old_new_reason_and_time(editor):
    project = saved_project(planned_end_date=datetime.date(2026, 6, 30))
    project.planned_end_date = datetime.date(2026, 8, 16)
    project_save(project=project, reason="  Lieferengpass bei den Sensoren.  ", changed_by=editor, at=NOW)

    project.refresh_from_db()
    assert project.baseline_end_date == datetime.date(2026, 6, 30)
    assert project.planned_end_date == datetime.date(2026, 8, 16)
    change = project.date_changes.get()
    assert (change.kind, change.milestone, change.old_date, change.new_date) == (
        "end", None, datetime.date(2026, 6, 30), datetime.date(2026, 8, 16)
    )  # fmt: skip
    assert change.reason == "Lieferengpass bei den Sensoren."
    assert (change.changed_at, change.changed_by) == (NOW, editor)
    assert project.slip_days == 47
    assert project.slip_label == "47 Tage später als ursprünglich geplant"


@pytest.mark.parametrize("reason", ["", "   "])
def test_moving_the_planned_end_without_a_reason_is_refused_and_nothing_changes(reason):
    project = saved_project(planned_end_date=datetime.date(2026, 6, 30))
    project.planned_end_date = datetime.date(2026, 9, 30)
    with pytest.raises(ValidationError) as info:
        project_save(project=project, reason=reason)
    assert "reason" in info.value.message_dict
    project.refresh_from_db()
    assert project.planned_end_date == datetime.date(2026, 6, 30)
    assert not DateChange.objects.exists()


def test_a_reason_longer_than_300_characters_is_refused():
    project = saved_project(planned_end_date=datetime.date(2026, 6, 30))
    project.planned_end_date = datetime.date(2026, 9, 30)
    with pytest.raises(ValidationError):
        project_save(project=project, reason="x" * 301)


def test_the_database_refuses_a_date_change_without_reason_or_movement():
    project = make_project()
    day = datetime.date(2026, 1, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        DateChange.objects.create(project=project, kind="end", old_date=day, new_date=day, reason="Grund")
    with pytest.raises(IntegrityError), transaction.atomic():
        DateChange.objects.create(project=project, kind="end", old_date=day, new_date=None, reason="")


@travel_to_spring
def test_every_move_is_kept_while_the_baseline_stays(editor):
    project = saved_project(planned_end_date=datetime.date(2026, 6, 30))
    for day, reason in [(datetime.date(2026, 9, 30), "Erster Grund."), (datetime.date(2026, 7, 31), "Zweiter Grund.")]:
        project.planned_end_date = day
        project_save(project=project, reason=reason, changed_by=editor)
    project.refresh_from_db()
    assert project.baseline_end_date == datetime.date(2026, 6, 30)
    assert list(project.date_changes.values_list("old_date", "new_date", "reason")) == [
        (datetime.date(2026, 9, 30), datetime.date(2026, 7, 31), "Zweiter Grund."),
        (datetime.date(2026, 6, 30), datetime.date(2026, 9, 30), "Erster Grund."),
    ]
    assert project.slip_days == 31


@travel
def test_milestones_keep_their_first_due_date_and_record_moves():
    project = saved_project()
    milestone = milestone_save(milestone=Milestone(project=project, title_de="Abnahme", due_date=TODAY))
    assert milestone.baseline_due_date == TODAY

    milestone.due_date = TODAY + datetime.timedelta(days=10)
    with pytest.raises(ValidationError):
        milestone_save(milestone=milestone)
    milestone_save(milestone=milestone, reason="Die Prüfstelle hat später Zeit.")
    milestone.refresh_from_db()
    assert (milestone.baseline_due_date, milestone.slip_days) == (TODAY, 10)
    change = project.date_changes.get()
    assert (change.kind, change.milestone, change.subject) == ("milestone", milestone, "Meilenstein „Abnahme“")


@travel
def test_slip_uses_the_actual_date_once_reached_and_can_be_negative():
    project = make_project(
        baseline_end_date=datetime.date(2026, 6, 30),
        planned_end_date=datetime.date(2026, 9, 30),
        actual_end_date=datetime.date(2026, 6, 20),
        status="completed",
    )
    assert project.slip_days == -10
    assert project.slip_label == "10 Tage früher als ursprünglich geplant"
    milestone = make_milestone(project, baseline_due_date=TODAY, due_date=TODAY, completed_on=TODAY)
    assert (milestone.slip_days, milestone.slip_label) == (0, "wie ursprünglich geplant")
    assert make_project(title_de="Ohne Plan").slip_days is None


def test_deleting_a_moved_milestone_keeps_the_record_of_the_move():
    project = saved_project()
    milestone = milestone_save(milestone=Milestone(project=project, title_de="Abnahme", due_date=TODAY))
    milestone.due_date = TODAY + datetime.timedelta(days=3)
    milestone_save(milestone=milestone, reason="Krankheit.")
    milestone.delete()
    assert project.date_changes.get().subject == "Meilenstein (inzwischen entfernt)"


# Late projects


def late_programme():
    day = datetime.date
    return {
        "past_end": make_project(title_de="Abgelaufen", status="in_progress", baseline_end_date=day(2026, 10, 1),
                                 planned_end_date=day(2026, 10, 1)),
        "moved": make_project(title_de="Verschoben", status="in_progress", baseline_end_date=day(2026, 12, 1),
                              planned_end_date=day(2027, 3, 1)),
        "on_time": make_project(title_de="Pünktlich", status="in_progress", baseline_end_date=day(2027, 3, 1),
                                planned_end_date=day(2027, 3, 1)),
        "earlier": make_project(title_de="Früher", status="planned", baseline_end_date=day(2027, 3, 1),
                                planned_end_date=day(2027, 1, 1)),
        "done_late": make_project(title_de="Spät fertig", status="completed", baseline_end_date=day(2026, 1, 1),
                                  planned_end_date=day(2026, 5, 1), actual_end_date=day(2026, 5, 1)),
        "stopped": make_project(title_de="Eingestellt", status="stopped", baseline_end_date=day(2026, 1, 1),
                                planned_end_date=day(2026, 5, 1)),
        "draft": make_project(title_de="Entwurf spät", status="in_progress", is_published=False,
                              baseline_end_date=day(2026, 1, 1), planned_end_date=day(2026, 5, 1)),
    }  # fmt: skip


def test_late_projects_are_unfinished_and_past_their_end_or_moved_beyond_the_baseline():
    projects = late_programme()
    late = set(Project.objects.late(TODAY).values_list("title_de", flat=True))
    assert late == {"Abgelaufen", "Verschoben", "Entwurf spät"}
    # The model says the same as the query.
    assert {p.title_de for p in projects.values() if p.is_late_on(TODAY)} == late


@travel
def test_project_list_can_show_only_late_projects(client):
    late_programme()
    response = client.get("/projekte/", {"status": "verspaetet"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 Projekte gefunden" in html
    assert "Abgelaufen" in html and "Verschoben" in html
    assert "Pünktlich" not in html and "Spät fertig" not in html and "Entwurf spät" not in html
    assert '<option value="verspaetet" selected>verspätet</option>' in html


@travel
def test_start_page_lists_late_projects_and_links_to_all_of_them(client):
    late_programme()
    html = client.get("/").content.decode()
    assert "Verzögerte Projekte" in html
    assert "Abgelaufen</a>:\n          überfällig seit 55 Tagen</li>" in html
    assert "90 Tage später als ursprünglich geplant" in html
    assert 'href="/projekte/?status=verspaetet"' in html
    assert "Entwurf spät" not in html


@travel
def test_late_filter_says_how_late_each_project_is(client):
    late_programme()
    html = client.get("/projekte/", {"status": "verspaetet"}).content.decode()
    assert '<p class="card__late">überfällig seit 55 Tagen</p>' in html
    assert '<p class="card__late">90 Tage später als ursprünglich geplant</p>' in html


# Open dates past their day: late by at least the days since


@travel
@pytest.mark.parametrize(
    ("days_ago", "german", "english"),
    [(1, "überfällig seit 1 Tag", "overdue for 1 day"), (35, "überfällig seit 35 Tagen", "overdue for 35 days")],
)
def test_an_open_milestone_past_its_date_is_overdue_by_the_days_since(days_ago, german, english):
    due = TODAY - datetime.timedelta(days=days_ago)
    milestone = make_milestone(make_project(), baseline_due_date=due, due_date=due)
    assert (milestone.slip_days, milestone.slip_label) == (days_ago, german)
    with translation.override("en"):
        assert milestone.slip_label == english


@travel
def test_an_overdue_date_that_was_moved_before_is_late_by_the_days_since_the_original_plan():
    days_ago = datetime.timedelta(days=1)
    milestone = make_milestone(make_project(), baseline_due_date=TODAY - 45 * days_ago, due_date=TODAY - 35 * days_ago)
    assert milestone.slip_days == 45
    assert milestone.slip_label == "überfällig seit 35 Tagen, mindestens 45 Tage später als ursprünglich geplant"


@travel
def test_an_open_date_today_or_later_and_a_reached_one_are_not_overdue():
    project = make_project()
    today = make_milestone(project, baseline_due_date=TODAY, due_date=TODAY)
    reached = make_milestone(
        project, baseline_due_date=TODAY - datetime.timedelta(days=9), due_date=TODAY - datetime.timedelta(days=9),
        completed_on=TODAY - datetime.timedelta(days=10),
    )  # fmt: skip
    assert (today.slip_days, today.slip_label) == (0, "wie ursprünglich geplant")
    assert (reached.slip_days, reached.slip_label) == (-1, "1 Tag früher als ursprünglich geplant")


@travel
def test_the_schedule_table_says_an_open_milestone_and_the_project_end_are_overdue(client):
    project = make_project(
        status="in_progress", baseline_end_date=datetime.date(2026, 10, 1), planned_end_date=datetime.date(2026, 10, 1)
    )
    day = datetime.date(2026, 10, 21)
    make_milestone(project, title_de="Abnahme", baseline_due_date=day, due_date=day)
    html = client.get(project.get_absolute_url()).content.decode()
    assert "wie ursprünglich geplant" not in html
    assert "Projektende: <strong>überfällig seit 55 Tagen</strong>" in html
    assert '<td data-label="Abweichung">überfällig seit 35 Tagen</td>' in html
    english = client.get(f"/en{project.get_absolute_url()}").content.decode()
    assert '<td data-label="Difference">overdue for 35 days</td>' in english


@travel
def test_the_api_counts_an_overdue_open_date_as_slip(client):
    project = make_project(
        status="in_progress", baseline_end_date=datetime.date(2026, 10, 1), planned_end_date=datetime.date(2026, 10, 1)
    )
    day = datetime.date(2026, 10, 21)
    make_milestone(project, baseline_due_date=day, due_date=day)
    data = client.get(f"/api/v1/projects/{project.slug}/").json()
    assert data["slip_days"] == 55
    assert [milestone["slip_days"] for milestone in data["milestones"]] == [35]
    assert client.get("/api/v1/projects/").json()["results"][0]["slip_days"] == 55


@travel
def test_start_page_says_when_no_project_is_late(client):
    make_project(baseline_end_date=datetime.date(2027, 1, 1), planned_end_date=datetime.date(2027, 1, 1))
    html = client.get("/").content.decode()
    assert "Zurzeit ist kein Projekt verzögert." in html
    assert "?status=verspaetet" not in html


# Budget


def test_money_spent_needs_an_as_of_date_and_vice_versa():
    project = make_project(budget=Decimal(1000))
    project.spent = Decimal(500)
    with pytest.raises(ValidationError) as info:
        project.full_clean()
    assert info.value.message_dict["spent_as_of"] == ["Bitte angeben, bis zu welchem Tag die Ausgaben erfasst sind."]
    project.spent, project.spent_as_of = None, TODAY
    with pytest.raises(ValidationError) as info:
        project.full_clean()
    assert "spent" in info.value.message_dict


def test_the_database_refuses_spending_without_date_or_below_zero():
    project = make_project()
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.filter(pk=project.pk).update(spent=Decimal(5))
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.filter(pk=project.pk).update(spent=Decimal(-5), spent_as_of=TODAY)


def test_spent_share_is_a_whole_percentage_of_the_budget():
    project = make_project(budget=Decimal(323896), spent=Decimal(241500), spent_as_of=TODAY)
    assert project.spent_share == 75
    assert make_project(title_de="Ohne Budget", spent=Decimal(1), spent_as_of=TODAY).spent_share is None


# Freshness


@pytest.mark.parametrize("interval", [30, 90, 180, 365])
def test_update_is_overdue_the_day_after_it_was_due_in_model_and_query(interval):
    last = TODAY - datetime.timedelta(days=interval)
    due_today = make_project(title_de="Heute fällig", update_interval_days=interval, last_update=last)
    overdue = make_project(
        title_de="Überfällig", update_interval_days=interval, last_update=last - datetime.timedelta(days=1)
    )
    assert due_today.next_update_due == TODAY
    assert not due_today.update_overdue_on(TODAY)
    assert overdue.update_overdue_on(TODAY)
    assert list(Project.objects.update_overdue(TODAY)) == [overdue]


def test_finished_projects_are_never_due_for_an_update():
    long_ago = datetime.date(2020, 1, 1)
    finished = [
        make_project(title_de="Fertig", status="completed", actual_end_date=long_ago, last_update=long_ago),
        make_project(title_de="Eingestellt", status="stopped", last_update=long_ago),
    ]
    assert all(p.next_update_due is None and not p.update_overdue_on(TODAY) for p in finished)
    assert not Project.objects.update_overdue(TODAY).exists()


def test_the_database_refuses_an_unknown_update_interval():
    project = make_project()
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.filter(pk=project.pk).update(update_interval_days=45)


def test_progress_reports_count_as_updates_but_never_move_the_date_back():
    project = make_project(last_update=datetime.date(2026, 1, 1))
    project_update_progress(project=project, progress=30, status="in_progress", at=NOW)
    assert project.last_update == TODAY
    project_update_progress(project=project, progress=40, status="in_progress", at=NOW - datetime.timedelta(days=30))
    project.refresh_from_db()
    assert project.last_update == TODAY


def test_only_changes_of_the_public_state_or_a_confirmation_count_as_updates():
    old = datetime.date(2026, 1, 1)
    project = make_project(last_update=old, progress=10, status="in_progress")
    project.summary_de = "Nur ein Tippfehler korrigiert."
    project_save(project=project, at=NOW)
    assert project.last_update == old
    project_save(project=project, confirmed=True, at=NOW)
    assert project.last_update == TODAY
    project.last_update = old
    project.save()
    project.spent, project.spent_as_of = Decimal(100), TODAY
    project_save(project=project, at=NOW)
    assert project.last_update == TODAY


def test_reaching_a_milestone_counts_as_an_update_of_its_project():
    project = make_project(last_update=datetime.date(2026, 1, 1))
    milestone = make_milestone(project, baseline_due_date=TODAY, due_date=TODAY)
    milestone.completed_on = TODAY
    milestone_save(milestone=milestone, at=NOW)
    project.refresh_from_db()
    assert project.last_update == TODAY


# Project page


@travel
def test_project_page_shows_plan_forecast_actual_slip_and_reasons_side_by_side(client, editor):
    project = saved_project(
        title_de="Schulnetz", planned_end_date=datetime.date(2026, 6, 30), budget=Decimal(2400000), status="in_progress"
    )
    milestone = milestone_save(
        milestone=Milestone(project=project, title_de="Grundschulen", due_date=datetime.date(2026, 3, 31))
    )
    project.planned_end_date = datetime.date(2026, 12, 31)
    project.spent, project.spent_as_of = Decimal(1780000), datetime.date(2026, 9, 30)
    project_save(project=project, reason="Die Netztechnik kommt später.", changed_by=editor)
    milestone.due_date = datetime.date(2026, 4, 30)
    milestone.completed_on = datetime.date(2026, 5, 2)
    milestone_save(milestone=milestone, reason="Zusätzliche Leitungen nötig.")

    html = client.get(project.get_absolute_url()).content.decode()
    assert "Termine und Verzug" in html
    assert "Projektende: <strong>184 Tage später als ursprünglich geplant</strong>" in html
    assert '<td data-label="Ursprünglich geplant"><time datetime="2026-06-30">30. Juni 2026</time></td>' in html
    assert '<td data-label="Aktuell geplant"><time datetime="2026-12-31">31. Dezember 2026</time></td>' in html
    assert '<td data-label="Tatsächlich">noch offen</td>' in html
    assert "Meilenstein „Grundschulen“" in html and "32 Tage später als ursprünglich geplant" in html
    assert '<td data-label="Begründung">Die Netztechnik kommt später.</td>' in html
    assert '<td data-label="Begründung">Zusätzliche Leitungen nötig.</td>' in html
    assert "<dt>Budget (geplant)</dt><dd>2.400.000\N{NO-BREAK SPACE}€</dd>" in html
    assert '1.780.000\N{NO-BREAK SPACE}€ (74 % des Budgets), Stand: <time datetime="2026-09-30">' in html
    assert "Die Aktualisierung ist überfällig" not in html
    assert "fällig am 23. Februar 2027 (vierteljährlich)" in html


@travel
def test_project_page_without_moves_says_so(client):
    project = saved_project(planned_end_date=datetime.date(2027, 6, 30))
    html = client.get(project.get_absolute_url()).content.decode()
    assert "Die geplanten Termine wurden bisher nicht verschoben." in html
    assert "wie ursprünglich geplant" in html


@travel
def test_project_page_says_plainly_when_the_end_has_passed_or_the_update_is_overdue(client):
    project = make_project(
        status="in_progress",
        baseline_end_date=datetime.date(2026, 10, 31),
        planned_end_date=datetime.date(2026, 10, 31),
        update_interval_days=30,
        last_update=datetime.date(2026, 9, 1),
    )
    html = client.get(project.get_absolute_url()).content.decode()
    assert "<strong>Die Aktualisierung ist überfällig.</strong>" in html
    assert "zuletzt am 1. September 2026 aktualisiert; die nächste Aktualisierung war am 1. Oktober 2026 fällig" in html
    assert "<strong>Das geplante Ende ist überschritten.</strong>" in html


@travel
def test_project_page_in_english_translates_the_labels_not_the_recorded_reasons(client):
    project = saved_project(planned_end_date=datetime.date(2026, 6, 30))
    project.planned_end_date = datetime.date(2026, 7, 30)
    project_save(project=project, reason="Ein deutscher Grund.")
    html = client.get("/en" + project.get_absolute_url()).content.decode()
    assert '<span lang="de">Ein deutscher Grund.</span> <small class="german-only__note">(German only)</small>' in html


# Admin


def change_form(project, **overrides):
    data = project_form(project.field, slug=project.slug, **{"milestones-TOTAL_FORMS": "0"})
    data.update(overrides)
    return data


def test_editor_moving_the_planned_end_is_asked_for_a_public_reason(client, editor):
    project = saved_project(title_de="Lotsensystem", slug="lotsensystem", planned_end_date=datetime.date(2026, 12, 31))
    client.force_login(editor)
    url = f"/admin/projects/project/{project.pk}/change/"

    response = client.post(url, change_form(project, planned_end_date="2027-03-31"))
    assert response.status_code == 200
    assert "Der Termin wurde verschoben: Bitte kurz und öffentlich begründen, warum." in response.content.decode()
    assert not DateChange.objects.exists()

    response = client.post(
        url, change_form(project, planned_end_date="2027-03-31", date_change_reason="Ausschreibung wiederholt.")
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.baseline_end_date, project.planned_end_date) == (
        datetime.date(2026, 12, 31),
        datetime.date(2027, 3, 31),
    )
    change = project.date_changes.get()
    assert (change.reason, change.changed_by) == ("Ausschreibung wiederholt.", editor)


def test_editor_creating_a_project_sets_baselines_without_reasons(client, editor):
    from conftest import make_field

    client.force_login(editor)
    response = client.post("/admin/projects/project/add/", project_form(make_field()))
    assert response.status_code == 302
    project = Project.objects.get(slug="lotsensystem")
    assert project.baseline_end_date == datetime.date(2026, 12, 31)
    assert list(project.milestones.values_list("baseline_due_date", flat=True)) == [
        datetime.date(2024, 9, 1), datetime.date(2026, 12, 31)
    ]  # fmt: skip
    assert not DateChange.objects.exists()


def test_editor_moving_a_milestone_is_asked_for_a_reason_and_it_is_recorded(client, editor):
    project = saved_project(title_de="Lotsensystem", slug="lotsensystem", planned_end_date=datetime.date(2026, 12, 31))
    milestone = milestone_save(
        milestone=Milestone(project=project, title_de="Test", due_date=datetime.date(2026, 5, 1))
    )
    client.force_login(editor)
    url = f"/admin/projects/project/{project.pk}/change/"
    data = change_form(project, **milestone_rows(milestone, "2026-06-15"))
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Der Termin wurde verschoben" in response.content.decode()

    data["milestones-0-date_change_reason"] = "Die Testgruppe war erst im Juni vollständig."
    assert client.post(url, data).status_code == 302
    milestone.refresh_from_db()
    assert (milestone.baseline_due_date, milestone.due_date) == (datetime.date(2026, 5, 1), datetime.date(2026, 6, 15))
    change = DateChange.objects.get()
    assert (change.milestone, change.changed_by, change.reason) == (
        milestone, editor, "Die Testgruppe war erst im Juni vollständig."
    )  # fmt: skip


def test_editor_confirms_the_state_without_changing_anything(client, editor):
    project = saved_project(title_de="Lotsensystem", slug="lotsensystem", planned_end_date=datetime.date(2026, 12, 31))
    Project.objects.filter(pk=project.pk).update(last_update=datetime.date(2020, 1, 1))
    client.force_login(editor)
    url = f"/admin/projects/project/{project.pk}/change/"
    unchanged = {"progress": "0", "status": "planned", "start_date": ""}
    assert client.post(url, change_form(project, **unchanged)).status_code == 302
    project.refresh_from_db()
    assert project.last_update == datetime.date(2020, 1, 1)
    assert client.post(url, change_form(project, **unchanged, confirm_update="on")).status_code == 302
    project.refresh_from_db()
    assert project.last_update == timezone.localdate()
