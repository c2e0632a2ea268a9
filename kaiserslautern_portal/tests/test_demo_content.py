import datetime
import re
import shutil

import pytest
import time_machine
from django.utils import timezone

from kaiserslautern_portal.demo.loader import CONTENT, DemoContentError, demo_date, load_demo
from kaiserslautern_portal.models import LegalPage
from news.models import NewsItem
from projects.models import DateChange, FieldOfAction, Indicator, IndicatorValue, Milestone, ProgressEntry, Project

MODELS = [FieldOfAction, Project, Milestone, ProgressEntry, DateChange, Indicator, IndicatorValue, NewsItem, LegalPage]


def test_dates_in_content_files_are_dates_or_offsets_from_today():
    today = datetime.date(2026, 3, 10)
    assert demo_date(datetime.date(2018, 4, 3), today) == datetime.date(2018, 4, 3)
    assert demo_date("+90d", today) == datetime.date(2026, 6, 8)
    assert demo_date("-25d", today) == datetime.date(2026, 2, 13)
    assert demo_date("+2w", today) == datetime.date(2026, 3, 24)
    assert demo_date("-2y", today) == datetime.date(2024, 3, 10)
    assert demo_date("+1y", datetime.date(2028, 2, 29)) == datetime.date(2029, 2, 28)
    assert demo_date(None, today) is None
    for wrong in ("90d", "+90 days", "soon", "+1.5y"):
        with pytest.raises(DemoContentError, match="offset like"):
            demo_date(wrong, today)


@pytest.mark.django_db
def test_every_demo_record_passes_its_models_own_validation():
    load_demo(today=timezone.localdate())
    for model in MODELS:
        records = list(model.objects.all())
        assert records, f"no {model.__name__} in the demo"
        for record in records:
            record.full_clean()


@pytest.mark.django_db
def test_demo_loads_for_any_day_from_december_2025_on():
    for moment in (datetime.datetime(2025, 12, 1, 12, tzinfo=datetime.UTC), timezone.now() + datetime.timedelta(800)):
        with time_machine.travel(moment, tick=False):
            load_demo(today=timezone.localdate())
        for project in Project.objects.all():
            entries = list(project.progress_entries.order_by("recorded_at"))
            assert [e.recorded_at for e in entries] == sorted(e.recorded_at for e in entries)
            assert (entries[-1].progress, entries[-1].status) == (project.progress, project.status)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "old", "new", "message"),
    [
        ("projects/handyparken", "progress = 100", "progress = 150", r"handyparken/index\.toml: Project: .*100"),
        ("projects/handyparken", "start = 2017-12-01", 'start = "soon"', r"handyparken/index\.toml: 'soon'"),
        ("news/drei-jahre-handyparken", '"handyparken"', '"handyparkn"', r"drei-jahre-handyparken.*names no project"),
        ("projects/handyparken", "planned_end =", "planed_end =", r"unknown key\(s\) in projects: planed_end"),
        ("projects/handyparken", "done = 2018-04-03", "don = 2018-04-03", r"unknown key\(s\) in milestones: don"),
    ],
)
def test_a_content_file_that_breaks_a_rule_stops_the_load_with_its_path(tmp_path, path, old, new, message):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    broken = content / path / "index.toml"
    broken.write_text(broken.read_text(encoding="utf-8").replace(old, new), "utf-8")
    with pytest.raises(DemoContentError, match=message):
        load_demo(today=timezone.localdate(), content=content)
    assert not Project.objects.exists()


TEN_FIELDS = {"Sicherheit", "Gesundheit", "IT-Infrastruktur", "Bildung", "Verwaltung", "Handel", "Datenplattform",
              "Energie & Umwelt", "Verkehr & Mobilität", "Gesellschaft"}  # fmt: skip


@pytest.mark.django_db
def test_all_ten_fields_of_action_have_published_projects_in_both_languages():
    load_demo(today=timezone.localdate())
    fields = FieldOfAction.objects.with_stats()
    assert {field.name_de for field in fields} == TEN_FIELDS
    for field in fields:
        assert field.name_en and field.summary_de and field.summary_en
        assert field.project_count >= 1, field.slug
    for project in Project.objects.all():
        assert project.description_de and project.description_en and project.title_en and project.summary_en
        for name in ("funding_source", "partners", "responsible_office", "contact_name", "place_name"):
            assert bool(getattr(project, f"{name}_de")) == bool(getattr(project, f"{name}_en")), (project.slug, name)
    assert all(change.reason_en for change in DateChange.objects.all())
    assert all(item.author_en for item in NewsItem.objects.all())


@pytest.mark.django_db
def test_the_school_network_report_tells_the_same_story_as_the_project():
    load_demo(today=timezone.localdate())
    project = Project.objects.get(slug="zentrales-schulnetz")
    report = project.news_items.get(slug="zentrales-schulnetz-zwischenstand")
    assert project.slip_days == 360
    assert "360 Tage" in report.body_de and "360 Tage" in report.teaser_de and "360 days" in report.body_en
    causes = ("Netzwerktechnik für 18 Grundschulen", "Förderbescheid für den zweiten Bauabschnitt")
    assert all(cause in report.body_de for cause in causes)
    assert all(any(cause in change.reason for cause in causes) for change in project.date_changes.all())
    for milestone in project.milestones.filter(baseline_due_date__isnull=False).exclude(completed_on__isnull=False):
        assert f"{milestone.slip_days} Tage" in report.body_de and f"{milestone.slip_days} days" in report.body_en
    assert "einige Wochen" not in report.teaser_de and "Leitungen" not in report.body_de


@pytest.mark.django_db
def test_progress_a_report_names_is_the_projects_progress_when_it_appeared():
    load_demo(today=timezone.localdate())
    checked = 0
    for report in NewsItem.objects.filter(kind=NewsItem.Kind.PROGRESS_REPORT, published_at__isnull=False):
        for match in re.finditer(r"zu (\d+) Prozent umgesetzt", f"{report.teaser_de} {report.body_de}"):
            (project,) = report.projects.all()
            entry = project.progress_entries.filter(recorded_at__lte=report.published_at).latest("recorded_at")
            assert int(match[1]) == entry.progress, report.slug
            checked += 1
    assert checked >= 3


@pytest.mark.django_db
def test_demo_items_with_sample_figures_carry_the_sample_values_marker():
    load_demo(today=timezone.localdate())
    assert set(Project.objects.values_list("sample_values", flat=True)) == {True}
    news = list(NewsItem.objects.all())
    assert {item.sample_values for item in news} == {True, False}
    for item in news:
        assert item.sample_values == ("sind Beispielwerte" in item.body_de), item.slug


@pytest.mark.django_db
def test_every_report_names_the_delays_its_projects_recorded_in_the_90_days_before_it():
    load_demo(today=timezone.localdate())
    checked = 0
    reports = NewsItem.objects.filter(kind=NewsItem.Kind.PROGRESS_REPORT, status=NewsItem.Status.PUBLISHED)
    for report in reports.prefetch_related("projects__date_changes__milestone"):
        for project in report.projects.all():
            for change in project.date_changes.all():
                if not report.published_at - datetime.timedelta(days=90) <= change.changed_at <= report.published_at:
                    continue
                total = change.milestone.slip_days if change.milestone else project.slip_days
                days = {change.shift_days, total}
                assert any(f"{n} Tage" in report.body_de for n in days), (report.slug, days)
                assert any(f"{n} days" in report.body_en for n in days), (report.slug, days)
                checked += 1
    assert checked >= 3
