from celery import shared_task
from django.utils import timezone

from .services import update_reminders_send


@shared_task
def send_update_reminders() -> int:
    """Weekly (CELERY_BEAT_SCHEDULE): remind editors of overdue updates; safe to run again in the same week."""
    return update_reminders_send(today=timezone.localdate())
