import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from conftest import make_field
from kaiserslautern_portal.lib.identity.current import site_identity
from projects.models import (
    DateChange,
    FieldOfAction,
    Indicator,
    IndicatorValue,
    Milestone,
    ProgressEntry,
    Project,
    project_for_page,
)

pytestmark = pytest.mark.django_db


def build(projects_per_field, fields=4):
    """A programme of the given size, created in bulk."""
    start = FieldOfAction.objects.count()
    for f in range(fields):
        field = make_field(name_de=f"Feld {start + f}", slug=f"feld-{start + f}")
        Project.objects.bulk_create(
            Project(
                title_de=f"Projekt {field.slug}-{n}", slug=f"p-{field.slug}-{n}", summary_de="Kurz.", field=field,
                responsible_office="Referat", is_published=True, progress=n % 101, status="in_progress",
            )
            for n in range(projects_per_field)
        )  # fmt: skip
    day = datetime.date(2026, 1, 1)
    for project in Project.objects.filter(milestones__isnull=True):
        Milestone.objects.bulk_create(
            Milestone(project=project, title_de=f"M{m}", due_date=day + datetime.timedelta(days=40 * m))
            for m in range(5)
        )
        ProgressEntry.objects.bulk_create(
            ProgressEntry(project=project, progress=p, status="in_progress") for p in (10, 20, 30)
        )


def queries(client, url):
    site_identity()  # read once per process, not per page
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url",
    ["/", "/projekte/", "/projekte/?status=in_progress&handlungsfeld=feld-0&sortierung=fortschritt",
     "/projekte/?status=verspaetet", "/projekte/p-feld-0-1/", "/handlungsfelder/feld-0/"],
)  # fmt: skip
def test_public_pages_run_a_fixed_number_of_queries_however_big_the_programme(
    client, url, django_assert_max_num_queries
):
    build(projects_per_field=3, fields=1)
    small = queries(client, url)
    build(projects_per_field=60, fields=4)
    assert Project.objects.count() > 200 and Milestone.objects.count() > 1000
    with django_assert_max_num_queries(small):
        assert client.get(url).status_code == 200
    assert small <= 7  # the start page: one more for the timeline's milestones per field and month


def build_accountability():
    """Late plans with recorded moves and an indicator with values for every project still without them."""
    day = datetime.date(2025, 1, 1)
    for project in Project.objects.filter(date_changes__isnull=True):
        Project.objects.filter(pk=project.pk).update(baseline_end_date=day, planned_end_date=day.replace(year=2027))
        milestone = project.milestones.first()
        DateChange.objects.bulk_create(
            DateChange(project=project, kind=kind, milestone=m, old_date=day, new_date=day.replace(year=2027),
                       reason=f"Grund {n}")
            for n, (kind, m) in enumerate([("end", None), ("milestone", milestone), ("milestone", milestone)])
        )  # fmt: skip
        for order in range(2):
            indicator = Indicator.objects.create(
                project=project, name_de=f"Kennzahl {order}", unit="count", baseline_value=0, baseline_date=day,
                target_value=100, target_date=day.replace(year=2027), order=order,
            )  # fmt: skip
            IndicatorValue.objects.bulk_create(
                IndicatorValue(indicator=indicator, date=day + datetime.timedelta(days=30 * n), value=10 * n)
                for n in range(1, 6)
            )


@pytest.mark.parametrize("url", ["/", "/projekte/?status=verspaetet", "/projekte/p-feld-0-1/"])
def test_accountability_data_adds_a_fixed_number_of_queries(client, url, django_assert_max_num_queries):
    build(projects_per_field=3, fields=1)
    build_accountability()
    small = queries(client, url)
    build(projects_per_field=30, fields=2)
    build_accountability()
    with django_assert_max_num_queries(small):
        assert client.get(url).status_code == 200
    assert small <= 7


def related_rows(project):
    """Everything the project page reads of a project, as plain values, through the related managers."""
    return {
        "field": (project.field.pk, project.field.slug),
        "milestones": [(m.pk, m.title, m.due_date, m.project.pk) for m in project.milestones.all()],
        "entries": [(e.pk, e.progress, e.recorded_at) for e in project.progress_entries.all()],
        "date_changes": [
            (c.pk, c.kind, c.milestone.title if c.milestone else None, c.changed_at) for c in project.date_changes.all()
        ],
        "indicators": [(i.pk, i.name, [(v.date, v.value) for v in i.series]) for i in project.indicators.all()],
    }


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_project_page_reads_what_the_detail_queryset_prefetches(language, django_assert_num_queries):
    build(projects_per_field=4, fields=2)
    build_accountability()
    Milestone.objects.filter(title_de="M2").update(title_en="Second milestone")
    with translation.override(language):
        for slug in ("p-feld-0-1", "p-feld-1-3"):
            expected = related_rows(Project.objects.for_detail().with_accountability().get(slug=slug))
            with django_assert_num_queries(6):  # project and field, milestones, entries, changes, indicators, values
                project = project_for_page(slug)
            with django_assert_num_queries(0):
                assert related_rows(project) == expected
    assert project_for_page("gibt-es-nicht") is None
