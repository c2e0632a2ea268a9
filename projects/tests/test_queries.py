import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import make_field
from projects.models import FieldOfAction, Milestone, ProgressEntry, Project

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
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url",
    ["/", "/projekte/", "/projekte/?status=in_progress&handlungsfeld=feld-0&sortierung=fortschritt", "/projekte/p-feld-0-1/",
     "/handlungsfelder/feld-0/"],
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
    assert small <= 6
