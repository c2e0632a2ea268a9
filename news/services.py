import datetime

from django.db import transaction
from django.utils import timezone

from projects.services import project_update_progress

from .models import NewsItem


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
