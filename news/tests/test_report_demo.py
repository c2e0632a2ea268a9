import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from kaiserslautern_portal.demo.reports import past_quarters
from news.models import ProgrammeReport
from news.tests.report_history import BERLIN

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 25)


def test_past_quarters_are_the_full_quarters_before_today():
    assert past_quarters(datetime.date(2026, 1, 15), 2) == [
        (2025, 3, datetime.date(2025, 7, 1), datetime.date(2025, 9, 30)),
        (2025, 4, datetime.date(2025, 10, 1), datetime.date(2025, 12, 31)),
    ]
    assert past_quarters(datetime.date(2026, 4, 1), 1) == [
        (2026, 1, datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
    ]


def test_demo_has_an_archive_of_reports_generated_from_its_history():
    with time_machine.travel(datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)):
        call_command("loaddemo", today=TODAY, stdout=io.StringIO())
        call_command("loaddemo", today=TODAY, stdout=io.StringIO())
    reports = list(ProgrammeReport.objects.public().order_by("period_end"))
    assert [report.slug for report in reports] == ["2025-q4", "2026-q1", "2026-q2", "2026-q3"]
    assert timezone.localtime(reports[-1].published_at) == datetime.datetime(2026, 10, 7, 10, tzinfo=BERLIN)
    first, *later = reports
    assert first.snapshot["comparison"]["previous"] is None
    for previous, report in zip(reports, later, strict=False):
        assert report.snapshot["comparison"]["previous"]["slug"] == previous.slug
    latest = reports[-1].snapshot
    assert latest["programme"]["projects"] >= 10
    assert latest["period_events"]["progress_changes"] and latest["fields"]
    assert reports[-1].title_en == "Program report Q3 2026"
