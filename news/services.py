import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from projects.services import project_update_progress

from .models import NewsItem, ProgrammeReport, ReportErratum
from .reports import report_content


@transaction.atomic
def news_publish(*, item: NewsItem, at: datetime.datetime | None = None) -> NewsItem:
    """Publish now, or schedule for `at`; a report that is public at once updates its projects at once."""
    item.status = NewsItem.Status.PUBLISHED
    item.published_at = at or item.published_at or timezone.now()
    item.full_clean()
    item.save(update_fields=["status", "published_at", "updated"])
    news_apply_progress(item=item)
    return item


@transaction.atomic
def news_apply_progress(*, item: NewsItem) -> int:
    """Carry a public report's progress values into its projects, all or none; safe to run again."""
    item = NewsItem.objects.select_for_update().get(pk=item.pk)
    if not item.is_public:
        return 0
    updates = list(item.progress_updates.filter(applied_at__isnull=True).select_related("project"))
    for update in updates:
        project_update_progress(
            project=update.project, progress=update.progress, status=update.status, at=item.published_at
        )
        update.applied_at = timezone.now()
        update.save(update_fields=["applied_at"])
    item.projects.add(*(update.project for update in updates))
    return len(updates)


def news_apply_due_progress() -> int:
    """The sweep behind scheduled reports: apply every public report whose values are still pending."""
    due = NewsItem.objects.public().filter(progress_updates__applied_at__isnull=True).distinct()
    return sum(news_apply_progress(item=item) for item in due)


@transaction.atomic
def report_freeze(*, report: ProgrammeReport, now: datetime.datetime | None = None) -> ProgrammeReport:
    """Generate the report's content and store it as its snapshot, exactly once: a frozen report stays as it is."""
    report = ProgrammeReport.objects.select_for_update().get(pk=report.pk)
    if report.snapshot is not None or report.status == ProgrammeReport.Status.DRAFT:
        return report
    now = now or timezone.now()
    report.snapshot = report_content(report, now=now)
    report.frozen_at = now
    report.status = ProgrammeReport.Status.PUBLISHED
    report.save(update_fields=["snapshot", "frozen_at", "status", "updated"])
    return report


@transaction.atomic
def report_publish(*, report: ProgrammeReport, at: datetime.datetime | None = None) -> ProgrammeReport:
    """Publish a report now (its content is frozen at once), or schedule it for `at` (report_publish_due freezes it)."""
    now = timezone.now()
    report.status = ProgrammeReport.Status.SCHEDULED
    report.published_at = at or now
    report.full_clean()
    report.save(update_fields=["status", "published_at", "updated"])
    if report.published_at <= now:
        return report_freeze(report=report, now=now)
    return report


@transaction.atomic
def report_unschedule(*, report: ProgrammeReport) -> bool:
    """Take a scheduled report back to draft, unless it has gone out meanwhile. Returns whether it did."""
    changed = ProgrammeReport.objects.filter(
        pk=report.pk, status=ProgrammeReport.Status.SCHEDULED, snapshot__isnull=True
    ).update(status=ProgrammeReport.Status.DRAFT, updated=timezone.now())
    return bool(changed)


def report_publish_due(*, now: datetime.datetime | None = None) -> int:
    """The periodic task behind scheduled reports: freeze and publish every report whose time has come."""
    now = now or timezone.now()
    due = list(ProgrammeReport.objects.due(now).order_by("period_end", "pk"))
    for report in due:
        report_freeze(report=report, now=now)
    return len(due)


@transaction.atomic
def report_add_erratum(*, report: ProgrammeReport, text_de: str, text_en: str = "", date=None) -> ReportErratum:
    """A dated, visible correction of a published report; the frozen content itself never changes."""
    if not report.is_public:
        raise ValidationError(_("Berichtigungen gibt es nur zu veröffentlichten Berichten."))
    erratum = ReportErratum(report=report, text_de=text_de, text_en=text_en)
    if date is not None:
        erratum.date = date
    erratum.full_clean()
    erratum.save()
    return erratum
