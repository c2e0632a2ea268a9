"""Celery entry points beat calls; each calls a service. The sender task itself is in notifications.py."""

from celery import shared_task

from . import notifications
from .services import mail_quota_purge, subscription_purge_unconfirmed


@shared_task
def purge_unconfirmed_subscriptions() -> int:
    return subscription_purge_unconfirmed() + mail_quota_purge()


@shared_task
def notifications_sweep() -> dict[str, int]:
    return notifications.notifications_sweep()


@shared_task
def send_weekly_digest() -> int:
    return notifications.digest_fan_out()


@shared_task
def anonymise_old_deliveries() -> int:
    return notifications.deliveries_anonymise()
