import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from conftest import make_news, make_project
from news.models import NewsItem, ProgressUpdate
from news.services import news_apply_due_progress, news_publish

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)


def test_scheduled_item_stays_hidden_until_its_time():
    with time_machine.travel(NOON, tick=False):
        item = make_news(published_at=NOON + datetime.timedelta(hours=2))
        assert not NewsItem.objects.public().filter(pk=item.pk).exists()
    with time_machine.travel(NOON + datetime.timedelta(hours=2), tick=False):
        assert NewsItem.objects.public().filter(pk=item.pk).exists()


def test_draft_is_never_public_whatever_its_time():
    make_news(status="draft", published_at=timezone.now() - datetime.timedelta(days=1))
    assert not NewsItem.objects.public().exists()


def test_publishing_a_report_moves_its_projects_and_their_history():
    project = make_project(progress=20, status="in_progress")
    report = make_news(status="draft")
    ProgressUpdate.objects.create(news_item=report, project=project, progress=60, status="in_progress")
    with time_machine.travel(NOON, tick=False):
        news_publish(item=report)
    project.refresh_from_db()
    assert project.progress == 60
    assert list(report.projects.all()) == [project]
    entry = project.progress_entries.get()
    assert (entry.progress, entry.recorded_at) == (60, NOON)
    assert report.progress_updates.get().applied_at is not None


def test_publishing_twice_applies_the_values_once():
    project = make_project(progress=20, status="in_progress")
    report = make_news(status="draft")
    ProgressUpdate.objects.create(news_item=report, project=project, progress=60, status="in_progress")
    news_publish(item=report)
    project.progress = 65  # staff corrected the project afterwards
    project.save()
    news_publish(item=report)
    project.refresh_from_db()
    assert project.progress == 65
    assert project.progress_entries.count() == 1


def test_a_report_updates_all_its_projects_or_none():
    good = make_project(title_de="Gut", progress=10, status="in_progress")
    bad = make_project(title_de="Schlecht", progress=10, status="in_progress", start_date=datetime.date(2030, 1, 1))
    report = make_news(status="draft")
    ProgressUpdate.objects.create(news_item=report, project=good, progress=50, status="in_progress")
    # Completing ends the project today, which lies before its start: the project refuses.
    ProgressUpdate.objects.create(news_item=report, project=bad, progress=100, status="completed")
    with pytest.raises(ValidationError):
        news_publish(item=report)
    good.refresh_from_db()
    report.refresh_from_db()
    assert good.progress == 10
    assert not good.progress_entries.exists()
    assert report.status == "draft"


def test_completing_through_a_report_sets_the_end_date():
    project = make_project(progress=90, status="in_progress", start_date=datetime.date(2024, 1, 1))
    report = make_news(status="draft")
    ProgressUpdate.objects.create(news_item=report, project=project, progress=100, status="completed")
    with time_machine.travel(NOON, tick=False):
        news_publish(item=report)
    project.refresh_from_db()
    assert (project.status, project.actual_end_date) == ("completed", datetime.date(2026, 11, 25))


def test_scheduled_report_updates_its_projects_when_the_sweep_finds_it_due():
    project = make_project(progress=20, status="in_progress")
    with time_machine.travel(NOON, tick=False):
        report = make_news(status="draft")
        ProgressUpdate.objects.create(news_item=report, project=project, progress=70, status="in_progress")
        news_publish(item=report, at=NOON + datetime.timedelta(days=1))
        assert news_apply_due_progress() == 0
        project.refresh_from_db()
        assert project.progress == 20
    with time_machine.travel(NOON + datetime.timedelta(days=1, minutes=1), tick=False):
        assert news_apply_due_progress() == 1
        assert news_apply_due_progress() == 0
    project.refresh_from_db()
    assert project.progress == 70
    assert project.progress_entries.get().recorded_at == NOON + datetime.timedelta(days=1)


def test_update_refuses_values_the_project_would_refuse():
    project = make_project(start_date=datetime.date(2030, 1, 1))
    update = ProgressUpdate(news_item=make_news(status="draft"), project=project, progress=100, status="completed")
    with pytest.raises(ValidationError, match="nicht speichern"):
        update.full_clean()
