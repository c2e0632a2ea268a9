import time

from celery import shared_task

from . import emails, notifications
from .models import Subscription
from .services import mail_quota_purge, subscription_purge_unconfirmed

SENDER_BUDGET_SECONDS = 60


@shared_task
def send_subscription_confirmation(subscription_id: int) -> None:
    request = Subscription.objects.pending().filter(pk=subscription_id).first()
    if request is None:  # confirmed, replaced or purged meanwhile
        return
    emails.send_subscription_confirmation(request)


@shared_task
def purge_unconfirmed_subscriptions() -> int:
    return subscription_purge_unconfirmed() + mail_quota_purge()


@shared_task
def notifications_sweep() -> dict[str, int]:
    return notifications.notifications_sweep()


@shared_task
def send_notifications() -> int:
    """Send due deliveries batch by batch for up to a minute, then hand over to a fresh task."""
    started, sent = time.monotonic(), 0
    while claimed := notifications.deliveries_send_batch():
        sent += claimed
        if time.monotonic() - started > SENDER_BUDGET_SECONDS:
            send_notifications.delay()
            break
    return sent


@shared_task
def send_weekly_digest() -> int:
    return notifications.digest_fan_out()


@shared_task
def anonymise_old_deliveries() -> int:
    return notifications.deliveries_anonymise()
