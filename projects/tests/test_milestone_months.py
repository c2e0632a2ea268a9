"""The start page's timeline counts milestones from summary rows that database triggers keep (migration 0012):
after every kind of write they must equal a count of the milestones themselves."""

import datetime
import io
import threading
from collections import Counter

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from conftest import make_field, make_milestone, make_project
from projects.models import Milestone, MilestoneMonth, Project, timeline_months
from projects.services import milestone_save, project_save
from projects.tests.test_admin import project_form

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 18)


def counted():
    """(field, month) -> (reached, open) as the milestones of published projects say."""
    counts = Counter()
    for milestone in Milestone.objects.filter(project__is_published=True).select_related("project"):
        key = (milestone.project.field_id, milestone.due_date.replace(day=1))
        counts[key, "done" if milestone.completed_on else "open"] += 1
    keys = {key for key, _state in counts}
    return {key: (counts[key, "done"], counts[key, "open"]) for key in keys}


def stored():
    rows = MilestoneMonth.objects.exclude(done=0, open=0)
    return {(row.field_id, row.month): (row.done, row.open) for row in rows}


def assert_counts_match():
    assert stored() == counted()


def test_counts_follow_every_write_to_a_milestone():
    project = make_project()
    other = make_project(title_de="Handyparken", field=make_field(name_de="Verkehr"))
    milestone = make_milestone(project, due_date=datetime.date(2026, 11, 30))
    assert stored() == {(project.field_id, datetime.date(2026, 11, 1)): (0, 1)}

    milestone.completed_on = datetime.date(2026, 11, 20)
    milestone.save()
    assert_counts_match()
    milestone.completed_on = None
    milestone.due_date = datetime.date(2027, 1, 31)
    milestone.save(update_fields=["completed_on", "due_date"])
    assert_counts_match()
    milestone.project = other
    milestone.save()
    assert_counts_match()
    Milestone.objects.bulk_create(
        Milestone(project=project, title_de=f"Schritt {n}", due_date=datetime.date(2026, 10 + n, 1)) for n in range(3)
    )
    assert_counts_match()
    Milestone.objects.filter(project=project).update(completed_on=datetime.date(2026, 11, 1))
    assert_counts_match()
    Milestone.objects.filter(due_date__month=12).delete()
    assert_counts_match()
    milestone.delete()
    assert_counts_match()
    assert MilestoneMonth.objects.filter(open__gt=0).count() == 0


def test_counts_follow_publication_and_field_of_a_project():
    project = make_project()
    for month in (10, 11, 12):
        make_milestone(project, due_date=datetime.date(2026, month, 5), completed_on=datetime.date(2026, 9, 1))
    make_milestone(project, due_date=datetime.date(2026, 11, 25))
    draft = make_project(title_de="Entwurf", is_published=False, field=project.field)
    make_milestone(draft, due_date=datetime.date(2026, 11, 25))
    assert stored()[project.field_id, datetime.date(2026, 11, 1)] == (1, 1)

    project.is_published = False
    project.save(update_fields=["is_published"])
    assert stored() == {}
    Project.objects.filter(pk__in=[project.pk, draft.pk]).update(is_published=True)
    assert_counts_match()
    project.field = make_field(name_de="Verkehr")
    project.save()
    assert_counts_match()
    Project.objects.filter(pk=draft.pk).update(field=project.field, title_de="Entwurf, verschoben")
    assert_counts_match()
    project.delete()
    assert_counts_match()
    draft.delete()
    assert stored() == {}


def test_counts_stay_right_when_raw_sql_deletes_a_project_before_its_milestones():
    project = make_project()
    make_milestone(project, due_date=datetime.date(2026, 11, 25))
    keep = make_milestone(
        make_project(title_de="Handyparken", field=project.field), due_date=datetime.date(2026, 11, 2)
    )
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM projects_project WHERE id = %s", [project.pk])
        cursor.execute("DELETE FROM projects_milestone WHERE project_id = %s", [project.pk])
    assert stored() == {(project.field_id, datetime.date(2026, 11, 1)): (0, 1)}
    assert Milestone.objects.get() == keep


def test_counts_follow_the_admin_the_services_and_the_demo_import(client, editor):
    client.force_login(editor)
    response = client.post("/admin/projects/project/add/", project_form(make_field()))
    assert response.status_code == 302
    assert_counts_match()
    milestone = Milestone.objects.get(title_de="Regelbetrieb")
    milestone.due_date = datetime.date(2027, 3, 31)
    milestone_save(milestone=milestone, reason="Lieferverzug", changed_by=editor)
    assert_counts_match()
    project = milestone.project
    project.is_published = False
    project_save(project=project)
    assert_counts_match()
    call_command("loaddemo", today=TODAY, stdout=io.StringIO())
    assert len(stored()) > 10
    assert_counts_match()


@time_machine.travel(datetime.datetime(2026, 11, 18, 12, tzinfo=datetime.UTC), tick=False)
def test_states_split_only_the_current_month_by_day():
    mobility, education = make_field(name_de="Verkehr"), make_field(name_de="Bildung")
    project = make_project(field=mobility)
    days = [(2026, 9, 30), (2026, 11, 1), (2026, 11, 17), (2026, 11, 18), (2026, 11, 30), (2027, 2, 1)]
    for year, month, day in days:
        make_milestone(project, due_date=datetime.date(year, month, day))
        make_milestone(project, due_date=datetime.date(year, month, day), completed_on=datetime.date(2026, 9, 1))
    make_milestone(make_project(title_de="Schulnetz", field=education), due_date=datetime.date(2026, 11, 17))

    states = Counter()
    for milestone in Milestone.objects.select_related("project"):
        key = (milestone.project.field_id, milestone.due_date.replace(day=1))
        states[key, milestone.state_on(TODAY)] += 1
    expected = sorted(
        (
            field,
            month,
            states[(field, month), "done"],
            states[(field, month), "overdue"],
            states[(field, month), "upcoming"],
        )
        for field, month in {key for key, _state in states}
    )
    rows = [
        (row["field"], row["month"], row["done"], row["overdue"], row["open"] - row["overdue"])
        for row in timeline_months(TODAY)
    ]
    assert rows == expected
    assert timeline_months(TODAY) == list(MilestoneMonth.objects.states(TODAY.replace(day=1), TODAY))
    assert (mobility.pk, datetime.date(2026, 11, 1), 4, 2, 2) in rows


@pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans of PostgreSQL")
def test_the_timeline_reads_summary_rows_and_at_most_this_months_open_milestones(client):
    """At 20,000 milestones, counting every one of them per field and month was most of the start page's database
    time (8.5 of 12 ms); the summary rows answer in well under a millisecond at any number."""
    make_milestone(make_project(), due_date=datetime.date(2026, 11, 25))
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    timeline = next(q["sql"] for q in queries if 'FROM "projects_milestonemonth"' in q["sql"])
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN (FORMAT JSON) {timeline}")
        plan = cursor.fetchone()[0][0]["Plan"]

    def nodes(node, subplan=False):
        yield node, subplan
        for child in node.get("Plans", []):
            yield from nodes(child, subplan or child.get("Parent Relationship") == "SubPlan")

    scans = [
        (node.get("Relation Name"), node["Node Type"], sub) for node, sub in nodes(plan) if "Relation Name" in node
    ]
    assert {relation for relation, _kind, sub in scans if not sub} == {"projects_milestonemonth"}, scans
    milestone_scans = [(kind, sub) for relation, kind, sub in scans if relation == "projects_milestone"]
    assert milestone_scans and all(kind == "Index Scan" and sub for kind, sub in milestone_scans), scans


def in_another_session(work):
    """Run `work` in a thread with its own database connection; the thread, to see whether it waits."""

    def run():
        try:
            work()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has one writer at a time")
@pytest.mark.django_db(transaction=True)
def test_a_milestone_added_while_its_project_is_being_published_counts_once_both_commit():
    project = make_project(is_published=False)
    with transaction.atomic():
        Project.objects.filter(pk=project.pk).update(is_published=True)
        adding = in_another_session(lambda: make_milestone(project, due_date=datetime.date(2026, 11, 25)))
        adding.join(timeout=0.5)
        assert adding.is_alive()  # it waits for the publication to commit or roll back
    adding.join(timeout=5)
    assert stored() == {(project.field_id, datetime.date(2026, 11, 1)): (0, 1)}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has one writer at a time")
@pytest.mark.django_db(transaction=True)
def test_a_project_published_while_a_milestone_is_being_added_counts_it_once_both_commit():
    project = make_project(is_published=False)
    with transaction.atomic():
        make_milestone(project, due_date=datetime.date(2026, 11, 25))
        publishing = in_another_session(lambda: Project.objects.filter(pk=project.pk).update(is_published=True))
        publishing.join(timeout=0.5)
        assert publishing.is_alive()
    publishing.join(timeout=5)
    assert stored() == {(project.field_id, datetime.date(2026, 11, 1)): (0, 1)}


def test_recounting_repairs_counts_that_drifted_from_the_milestones():
    field = make_field()
    project = make_project(field=field)
    make_project(title_de="Entwurf", field=field, is_published=False).milestones.create(
        title_de="Zählt nicht", due_date=datetime.date(2026, 5, 4)
    )
    make_milestone(project, due_date=datetime.date(2026, 11, 30))
    make_milestone(
        project, title_de="Start", due_date=datetime.date(2026, 3, 2), completed_on=datetime.date(2026, 3, 1)
    )
    right = counted()
    MilestoneMonth.objects.update(done=7, open=7)  # as after a restore of data into a schema with the triggers
    MilestoneMonth.objects.create(field=field, month=datetime.date(2020, 1, 1), done=3, open=0)
    assert stored() != right

    output = io.StringIO()
    call_command("recount_milestone_months", stdout=output)
    assert (
        stored()
        == right
        == {
            (field.pk, datetime.date(2026, 11, 1)): (0, 1),
            (field.pk, datetime.date(2026, 3, 1)): (1, 0),
        }
    )
    assert "2 rows" in output.getvalue()
    make_milestone(project, title_de="Danach", due_date=datetime.date(2026, 11, 2))
    assert_counts_match()  # the triggers go on from the recounted rows
