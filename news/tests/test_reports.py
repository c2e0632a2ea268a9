import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from news.models import ProgrammeReport
from news.reports import report_content
from news.services import report_add_erratum, report_freeze, report_publish, report_publish_due
from news.tests.report_history import AFTER_Q2, AFTER_Q3, build_history, make_q2_report, make_report
from projects.services import project_update_progress

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    with time_machine.travel(AFTER_Q3, tick=False):
        yield build_history()


@pytest.fixture
def content(programme):
    return report_content(make_report(), now=AFTER_Q3)


def slugs(refs):
    return [ref["slug"] for ref in refs]


def test_report_counts_the_programme_as_it_stood_at_the_end_of_the_period(content):
    assert content["period"] == {"start": "2026-07-01", "end": "2026-09-30"}
    assert content["programme"] == {
        "projects": 5,
        "by_status": {"planned": 0, "in_progress": 2, "completed": 1, "paused": 1, "stopped": 1},
        "late": 2,
        "on_time": 1,
        "average_progress": 55.0,
        "budget": 170000.0,
        "budget_projects": 3,
        # Beta's spending is recorded as of 1 October, after the period: it does not count.
        "spent": 45000.0,
        "spent_projects": 2,
        "spent_as_of_earliest": "2026-06-30",
        "spent_as_of_latest": "2026-09-15",
    }


def test_report_rebuilds_each_projects_state_from_its_history_and_date_changes(content):
    rows = {row["slug"]: row for row in content["projects"]}
    assert list(rows) == ["alpha", "beta", "delta", "epsilon", "gamma"]
    assert (rows["alpha"]["progress"], rows["alpha"]["progress_at_start"], rows["alpha"]["late"]) == (55, 30, False)
    assert rows["alpha"]["title_en"] == "Alpha EN"
    assert (rows["beta"]["status"], rows["beta"]["planned_end"], rows["beta"]["slip_days"]) == (
        "paused",
        "2026-11-30",
        90,
    )
    assert rows["beta"]["late"] and rows["beta"]["spent"] is None
    assert (rows["gamma"]["status"], rows["gamma"]["actual_end"], rows["gamma"]["late"]) == (
        "completed",
        "2026-08-20",
        False,
    )
    assert (rows["delta"]["status"], rows["delta"]["late"]) == ("stopped", False)
    assert rows["epsilon"]["late"] and rows["epsilon"]["spent"] == 5000.0


def test_report_lists_what_happened_in_the_period(content):
    events = content["period_events"]
    assert slugs(events["started"]) == ["beta"]
    assert slugs(events["completed"]) == ["gamma"]
    assert events["paused"] == [{"slug": "beta", "title_de": "Beta", "title_en": "Beta", "date": "2026-09-10"}]
    assert [(e["slug"], e["date"]) for e in events["stopped"]] == [("delta", "2026-09-05")]
    assert [(m["title_de"], m["title_en"], m["date"]) for m in events["milestones_reached"]] == [
        ("Ausschreibung", "Tender", "2026-08-10"),
        ("Übergabe", "Übergabe", "2026-09-30"),
    ]
    # "Abnahme" was due on 25 September at the period's end; it was moved only on 1 October.
    assert [(m["title_de"], m["due_date"]) for m in events["milestones_overdue"]] == [
        ("Pilotbetrieb", "2026-09-20"),
        ("Abnahme", "2026-09-25"),
    ]
    assert [
        (c["project"]["slug"], c["kind"], c["old_date"], c["new_date"], c["shift_days"], c["reason"], c["changed_on"])
        for c in events["date_changes"]
    ] == [
        ("epsilon", "milestone", "2026-07-31", "2026-10-31", 92, "Personalmangel", "2026-07-10"),
        ("beta", "end", "2026-09-01", "2026-11-30", 90, "Lieferverzug beim Dienstleister", "2026-08-20"),
    ]
    assert events["date_changes"][0]["milestone"] == {"title_de": "Testlauf", "title_en": "Testlauf"}
    assert [(c["slug"], c["from"], c["to"]) for c in events["progress_changes"]] == [
        ("alpha", 30, 55),
        ("beta", 0, 20),
        ("gamma", 80, 100),
    ]
    assert events["indicators"] == [
        {
            "project": {"slug": "alpha", "title_de": "Alpha", "title_en": "Alpha EN"},
            "name_de": "Nutzerkonten",
            "name_en": "User accounts",
            "unit": "count",
            "baseline_value": 100.0,
            "baseline_date": "2026-01-01",
            "target_value": 1100.0,
            "target_date": "2027-12-31",
            "value": 600.0,
            "value_date": "2026-09-30",
            "share_of_way": 50,
        }
    ]
    assert [(n["title_de"], n["kind"]) for n in events["news"]] == [
        ("Alpha kommt voran", "progress_report"),
        ("Gamma ist fertig", "press_release"),
    ]


def test_report_gives_the_same_numbers_per_field_of_action(content):
    administration, mobility = content["fields"]
    assert (administration["name_de"], administration["name_en"]) == ("Verwaltung", "Administration")
    assert (administration["projects"], administration["late"], administration["on_time"]) == (2, 1, 1)
    assert (administration["average_progress"], administration["budget"], administration["spent"]) == (
        37.5,
        150000,
        40000,
    )
    assert administration["period"] == {
        "started": 1, "completed": 0, "paused": 1, "stopped": 0,
        "milestones_reached": 1, "milestones_overdue": 2, "date_changes": 1,
    }  # fmt: skip
    assert (mobility["projects"], mobility["late"], mobility["on_time"], mobility["average_progress"]) == (
        3,
        1,
        0,
        66.7,
    )
    assert mobility["by_status"] == {"planned": 0, "in_progress": 1, "completed": 1, "paused": 0, "stopped": 1}
    assert (mobility["budget"], mobility["spent"], mobility["spent_as_of_latest"]) == (20000, 5000, "2026-06-30")
    assert mobility["period"] == {
        "started": 0, "completed": 1, "paused": 0, "stopped": 1,
        "milestones_reached": 1, "milestones_overdue": 0, "date_changes": 1,
    }  # fmt: skip


def test_first_report_has_nothing_to_compare_with(content):
    assert content["comparison"] == {"previous": None, "improved": [], "slipped": [], "changes": {}}


def test_report_compares_itself_with_the_previous_published_report(programme):
    with time_machine.travel(AFTER_Q2, tick=False):
        previous = report_publish(report=make_q2_report())
    assert previous.snapshot["programme"]["average_progress"] == 52.5
    with time_machine.travel(AFTER_Q3, tick=False):
        comparison = report_publish(report=make_report()).snapshot["comparison"]
    assert comparison["previous"]["slug"] == "2026-q2"
    assert comparison["changes"] == {"average_progress": 2.5, "late": 1, "completed": 1, "projects": 1}
    assert [(row["slug"], row["changes"]) for row in comparison["improved"]] == [
        ("alpha", [{"what": "progress", "from": 30, "to": 55}]),
        ("gamma", [{"what": "progress", "from": 80, "to": 100}, {"what": "completed"}]),
    ]
    assert [(row["slug"], row["changes"]) for row in comparison["slipped"]] == [
        ("delta", [{"what": "stopped"}]),
        ("epsilon", [{"what": "late"}]),
    ]


def test_a_draft_report_is_never_compared_with(programme):
    make_q2_report()
    with time_machine.travel(AFTER_Q3, tick=False):
        assert report_publish(report=make_report()).snapshot["comparison"]["previous"] is None


def test_publishing_freezes_the_content_and_later_edits_change_nothing(programme):
    with time_machine.travel(AFTER_Q3, tick=False):
        report = report_publish(report=make_report())
        frozen = report.snapshot
        project_update_progress(project=programme["alpha"], progress=95, status="completed")
        programme["gamma"].delete()
        report_freeze(report=report)
    report.refresh_from_db()
    assert report.status == ProgrammeReport.Status.PUBLISHED
    assert report.snapshot == frozen
    assert report.snapshot["programme"]["average_progress"] == 55.0
    assert report.frozen_at == AFTER_Q3


def test_a_scheduled_report_is_frozen_once_when_its_time_comes(programme):
    with time_machine.travel(AFTER_Q3, tick=False):
        report = report_publish(report=make_report(), at=AFTER_Q3 + datetime.timedelta(days=2))
        assert report.status == ProgrammeReport.Status.SCHEDULED and report.snapshot is None
        assert report_publish_due() == 0
        assert not ProgrammeReport.objects.public().exists()
    with time_machine.travel(AFTER_Q3 + datetime.timedelta(days=1), tick=False):
        project_update_progress(project=programme["epsilon"], progress=65, status="in_progress")
    due = AFTER_Q3 + datetime.timedelta(days=2, minutes=1)
    with time_machine.travel(due, tick=False):
        assert report_publish_due() == 1
        assert report_publish_due() == 0
    report.refresh_from_db()
    assert report.status == ProgrammeReport.Status.PUBLISHED and report.frozen_at == due
    # Generated when it went out: the progress recorded after the period does not count for it.
    assert report.snapshot["programme"]["average_progress"] == 55.0
    with time_machine.travel(due + datetime.timedelta(days=1), tick=False):
        project_update_progress(project=programme["alpha"], progress=99, status="in_progress")
        assert report_publish_due() == 0
    report.refresh_from_db()
    assert report.frozen_at == due


def test_the_periodic_task_is_in_the_beat_schedule(settings):
    assert {"task": "news.tasks.publish_due_reports"}.items() <= settings.CELERY_BEAT_SCHEDULE[
        "news-publish-due-reports"
    ].items()


def test_a_report_cannot_go_out_before_its_period_has_ended(programme):
    end_of_period = datetime.datetime(2026, 9, 30, 12, tzinfo=datetime.UTC)
    with time_machine.travel(end_of_period, tick=False), pytest.raises(ValidationError) as error:
        report_publish(report=make_report())
    assert "published_at" in error.value.message_dict
    assert ProgrammeReport.objects.get().status == ProgrammeReport.Status.DRAFT


def test_errata_are_dated_and_leave_the_frozen_content_alone(programme):
    with time_machine.travel(AFTER_Q3, tick=False):
        draft = make_report(slug="entwurf")
        with pytest.raises(ValidationError):
            report_add_erratum(report=draft, text_de="Zu früh")
        report = report_publish(report=make_report())
        frozen = report.snapshot
    with time_machine.travel(AFTER_Q3 + datetime.timedelta(days=10), tick=False):
        erratum = report_add_erratum(report=report, text_de="Beta ist pausiert, nicht eingestellt.", text_en="Fixed.")
    report.refresh_from_db()
    assert erratum.date == datetime.date(2026, 10, 15)
    assert list(report.errata.all()) == [erratum]
    assert report.snapshot == frozen


def test_indicator_without_a_value_in_the_period_stands_at_its_baseline(programme):
    indicator = programme["epsilon"].indicators.create(
        name_de="Fahrgäste", unit="people", baseline_value=Decimal(10), baseline_date=datetime.date(2026, 1, 1),
        target_value=Decimal(10), target_date=datetime.date(2027, 1, 1),
    )  # fmt: skip
    rows = report_content(make_report(), now=AFTER_Q3)["period_events"]["indicators"]
    row = next(row for row in rows if row["name_de"] == indicator.name_de)
    assert (row["value"], row["value_date"], row["share_of_way"]) == (10.0, "2026-01-01", None)
