"""Demo programme reports: one for each of the last four full quarters, generated from the demo history."""

import datetime

from django.db import transaction
from django.utils import timezone

from news.models import ProgrammeReport
from news.services import report_publish

QUARTERS = 4
# Reports go out a week after their quarter, as the city would publish them.
PUBLISHED_AFTER = datetime.timedelta(days=7)


def past_quarters(today: datetime.date, count: int) -> list[tuple[int, int, datetime.date, datetime.date]]:
    """(year, quarter, first day, last day) of the `count` full quarters before today's, oldest first."""
    year, quarter = today.year, (today.month - 1) // 3 + 1
    result = []
    for _ in range(count):
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
        start = datetime.date(year, 3 * quarter - 2, 1)
        next_start = datetime.date(year + quarter // 4, 3 * quarter % 12 + 1, 1)
        result.append((year, quarter, start, next_start - datetime.timedelta(days=1)))
    return result[::-1]


@transaction.atomic
def load_reports(*, today: datetime.date) -> dict[str, int]:
    """Publish the demo reports anew (oldest first, so that each compares itself with the one before)."""
    created = 0
    for year, quarter, start, end in past_quarters(today, QUARTERS):
        if end >= timezone.localdate():
            continue  # a demo written for a day ahead of the clock: that quarter has not ended yet
        slug = f"{year}-q{quarter}"
        ProgrammeReport.objects.filter(slug=slug).delete()
        report = ProgrammeReport.objects.create(
            slug=slug,
            title_de=f"Programmbericht {quarter}. Quartal {year}",
            title_en=f"Program report Q{quarter} {year}",
            period_start=start,
            period_end=end,
            foreword_de="Ein Demo-Bericht: Alle Zahlen entstehen aus dem Demo-Verlauf der Projekte.",
            foreword_en="A demo report: every figure comes from the demo history of the projects.",
        )
        published = timezone.make_aware(datetime.datetime.combine(end + PUBLISHED_AFTER, datetime.time(10)))
        report_publish(report=report, at=min(published, timezone.now()))
        created += 1
    return {"programme reports": created}
