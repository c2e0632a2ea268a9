import datetime
import threading
from decimal import Decimal

import pytest
from django.db import connections
from django.db.models import Count, Q
from django.utils import timezone, translation

from conftest import make_field, make_milestone, make_news, make_project
from kaiserslautern_portal.lib.prepared import Prepared
from news.models import NewsItem
from projects.models import Milestone, MilestoneMonth, Project

pytestmark = pytest.mark.django_db


def rows(objects, *names):
    return [tuple(getattr(each, name) for name in names) for each in objects]


def test_a_prepared_read_answers_what_its_queryset_answers_for_each_argument():
    field = make_field()
    for title in ("Zebra", "Ampel", "Mitte"):
        make_project(title_de=title, field=field)
    read = Prepared(lambda field_id: Project.objects.filter(field=field_id).order_by("title"))

    assert rows(read(field.pk), "pk", "title") == rows(
        Project.objects.filter(field=field).order_by("title"), "pk", "title"
    )
    assert read(make_field(slug="leer").pk) == []


def test_the_sql_is_compiled_once_and_runs_as_one_query(django_assert_num_queries):
    project = make_project()
    make_milestone(project)
    read = Prepared(lambda pk: Milestone.objects.filter(project=pk))
    read(project.pk)
    with django_assert_num_queries(1):
        assert [milestone.project_id for milestone in read(project.pk)] == [project.pk]
    assert len(read.local.compiled) == 1


def test_each_language_gets_its_own_sql_so_translated_ordering_follows_it():
    field = make_field()
    make_project(title_de="Apfel", title_en="Zucchini", field=field, slug="a")
    make_project(title_de="Birne", title_en="Apple", field=field, slug="b")
    read = Prepared(lambda field_id: Project.objects.filter(field=field_id).order_by("title"))

    assert [project.slug for project in read(field.pk)] == ["a", "b"]
    with translation.override("en"):
        assert [project.title for project in read(field.pk)] == ["Apple", "Zucchini"]
    assert [project.title for project in read(field.pk)] == ["Apfel", "Birne"]


def test_joined_rows_deferred_fields_and_annotations_arrive_as_from_the_queryset(django_assert_num_queries):
    project = make_project(title_en="Citizen vault")
    make_milestone(project)
    make_milestone(project, title_de="Start")
    read = Prepared(
        lambda slug: (
            Project.objects.select_related("field")
            .only("title", "title_de", "title_en", "slug", "field__slug")
            .annotate(milestone_count=Count("milestones"))
            .filter(slug=slug)
        )
    )
    (found,) = read(project.slug)
    with django_assert_num_queries(0):
        assert (found.field.slug, found.milestone_count, found.get_absolute_url()) == (
            project.field.slug,
            2,
            project.get_absolute_url(),
        )
        with translation.override("en"):
            assert found.title == "Citizen vault"
    assert found.get_deferred_fields() >= {"summary", "progress"}


def test_a_moment_is_a_parameter_not_part_of_the_sql(time_machine):
    time_machine.move_to(datetime.datetime(2027, 3, 1, 12, tzinfo=datetime.UTC), tick=False)
    make_news(title_de="Schon da")
    make_news(title_de="Geplant", published_at=timezone.now() + datetime.timedelta(days=1))
    read = Prepared(lambda now: NewsItem.objects.public(now).order_by("published_at"))

    assert [item.title for item in read(timezone.now())] == ["Schon da"]
    time_machine.shift(datetime.timedelta(days=2))
    assert [item.title for item in read(timezone.now())] == ["Schon da", "Geplant"]


def test_dates_and_values_dicts_arrive_as_from_the_queryset():
    field = make_field()
    for month in (datetime.date(2027, 1, 1), datetime.date(2027, 2, 1), datetime.date(2027, 3, 1)):
        MilestoneMonth.objects.create(field=field, month=month, done=month.month, open=1)

    def build(since, until):
        return (
            MilestoneMonth.objects.filter(month__gte=since, month__lt=until).values("month", "done").order_by("month")
        )

    read = Prepared(build)
    for since, until in [(datetime.date(2027, 2, 1), datetime.date(2027, 4, 1)), (datetime.date(2026, 1, 1),
                         datetime.date(2027, 2, 1))]:  # fmt: skip
        assert read(since, until) == list(build(since, until))
    assert read(datetime.date(2027, 2, 1), datetime.date(2027, 2, 2)) == [
        {"month": datetime.date(2027, 2, 1), "done": 2}
    ]


@pytest.mark.django_db(transaction=True)
def test_every_thread_compiles_for_its_own_connection():
    project = make_project()
    read = Prepared(lambda pk: Project.objects.filter(pk=pk))
    assert [found.pk for found in read(project.pk)] == [project.pk]
    seen = []

    def in_another_thread():
        seen.append([found.pk for found in read(project.pk)])
        (compiled,) = read.local.compiled.values()
        seen.append(compiled.compiler.connection is connections["default"])
        connections.close_all()

    thread = threading.Thread(target=in_another_thread)
    thread.start()
    thread.join()
    (compiled_here,) = read.local.compiled.values()
    assert seen == [[project.pk], True] and compiled_here.compiler.connection is connections["default"]


@pytest.mark.parametrize(
    ("build", "args", "error"),
    [
        (lambda slug: Project.objects.filter(title__icontains=slug), ("tresor",), ValueError),
        (lambda slug: Project.objects.prefetch_related("milestones").filter(slug=slug), ("a",), ValueError),
        (lambda value: Project.objects.filter(budget=value), (Decimal(5),), TypeError),
        (lambda pk: Project.objects.filter(pk=pk).values_list("slug"), (1,), TypeError),
        (lambda pk: Project.objects.filter(pk=pk).values("title"), (1,), TypeError),
        (lambda day: Milestone.objects.filter(due_date=day.replace(day=1)), (datetime.date(2027, 1, 9),), ValueError),
        (lambda pk: Milestone.objects.filter(project=pk + 1), (1,), ValueError),
        (lambda text: Project.objects.filter(Q(slug=text) | Q(title__icontains=text)), ("tresor",), ValueError),
        (lambda now: NewsItem.objects.public(now), (datetime.datetime(2027, 1, 1, 12),), ValueError),
    ],
)
def test_reads_it_cannot_run_faithfully_are_refused(build, args, error):
    with pytest.raises(error):
        Prepared(build)(*args)
