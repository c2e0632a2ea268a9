from celery import shared_task

from .services import news_apply_due_progress, report_publish_due


@shared_task
def apply_due_progress_reports() -> int:
    return news_apply_due_progress()


@shared_task
def publish_due_reports() -> int:
    return report_publish_due()
