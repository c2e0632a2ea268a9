from celery import shared_task

from . import emails
from .models import Subscription
from .services import subscription_purge_unconfirmed


@shared_task
def send_subscription_confirmation(subscription_id: int) -> None:
    request = Subscription.objects.pending().filter(pk=subscription_id).first()
    if request is None:  # confirmed, replaced or purged meanwhile
        return
    emails.send_subscription_confirmation(request)


@shared_task
def purge_unconfirmed_subscriptions() -> int:
    return subscription_purge_unconfirmed()
