from celery import shared_task

from .services import report_publish_due


@shared_task
def publish_due_reports() -> int:
    return report_publish_due()
