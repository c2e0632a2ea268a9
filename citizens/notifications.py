"""Subscriber mail that loses nothing: delivery rows first, then sending that is safe to repeat.

News notifications, weekly digests and double opt-in links are all Delivery rows.

Celery with Redis delivers tasks at least once, and a worker can die at any moment. So the database is the
source of truth: a fan-out writes one Delivery row per (item, subscriber) against a unique constraint, senders
claim rows with SELECT ... FOR UPDATE SKIP LOCKED, and each row is marked sent right after its message went
out. A crash leaves at most the in-flight message to be sent twice; rows claimed by a dead worker are claimed
again after NOTIFICATION_CLAIM_TIMEOUT. The beat sweep announces what became public (scheduled items, items
published while the broker was down), applies a report's progress values in the same transaction, and keeps
senders going while rows are due.
"""

import datetime
import itertools
import logging
import smtplib
import time
from collections import defaultdict

from celery import shared_task
from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone, translation

from kaiserslautern_portal.lib.identity.current import site_identity
from news.models import NewsItem, ProgrammeReport
from news.services import news_apply_due_progress, news_apply_progress

from . import emails
from .models import Announcement, Delivery, ReportAnnouncement, Subscription

logger = logging.getLogger(__name__)

BATCH_SIZE = 100
FAN_OUT_CHUNK = 1000
MAX_ATTEMPTS = 5
# Items that were already public this long before the sweep first saw them are not mailed out any more.
ANNOUNCE_WINDOW = datetime.timedelta(days=7)
DIGEST_PERIOD = datetime.timedelta(days=7)
SENDER_BUDGET_SECONDS = 60


def chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def claim_timeout() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.NOTIFICATION_CLAIM_TIMEOUT)


def due_for_announcement(now: datetime.datetime):
    return (
        NewsItem.objects.public(now)
        .filter(published_at__gte=now - ANNOUNCE_WINDOW)
        .exclude(announcement__fanned_out_at__isnull=False)
    )


def announcement_fan_out(*, item: NewsItem, now: datetime.datetime | None = None) -> int:
    """Apply the item's progress values and write a pending delivery for every confirmed immediate subscriber
    it concerns, in one transaction: announced and applied together, once per item."""
    now = now or timezone.now()
    with transaction.atomic():
        # First, so the projects (and the subscribers matched through them) are those the report names.
        news_apply_progress(item=item)
        Announcement.objects.bulk_create([Announcement(news_item=item)], ignore_conflicts=True)
        announcement = Announcement.objects.select_for_update().get(news_item=item)
        if announcement.fanned_out_at is not None:
            return 0
        recipients = (
            Subscription.objects.confirmed()
            .filter(frequency=Subscription.Frequency.IMMEDIATELY)
            .matching(project_ids=item.projects.values_list("pk", flat=True))
            .order_by("pk")
            .values_list("pk", "email", "language")
        )
        created = 0
        for chunk in chunks(recipients.iterator(chunk_size=FAN_OUT_CHUNK), FAN_OUT_CHUNK):
            rows = [
                Delivery(news_item=item, subscription_id=pk, email=email, language=language, next_attempt_at=now)
                for pk, email, language in chunk
            ]
            created += len(Delivery.objects.bulk_create(rows, ignore_conflicts=True))
        announcement.fanned_out_at = now
        announcement.save(update_fields=["fanned_out_at"])
        transaction.on_commit(start_senders, robust=True)
    logger.info("announced %s to %d subscribers", item, created)
    return created


def due_reports_for_announcement(now: datetime.datetime):
    return (
        ProgrammeReport.objects.public(now)
        .filter(published_at__gte=now - ANNOUNCE_WINDOW)
        .exclude(announcement__fanned_out_at__isnull=False)
    )


def report_fan_out(*, report: ProgrammeReport, now: datetime.datetime | None = None) -> int:
    """Write a pending delivery for every confirmed subscriber of programme reports. Runs once per report."""
    now = now or timezone.now()
    with transaction.atomic():
        ReportAnnouncement.objects.bulk_create([ReportAnnouncement(report=report)], ignore_conflicts=True)
        announcement = ReportAnnouncement.objects.select_for_update().get(report=report)
        if announcement.fanned_out_at is not None:
            return 0
        recipients = (
            Subscription.objects.confirmed().filter(reports=True).order_by("pk").values_list("pk", "email", "language")
        )
        created = 0
        for chunk in chunks(recipients.iterator(chunk_size=FAN_OUT_CHUNK), FAN_OUT_CHUNK):
            rows = [
                Delivery(kind=Delivery.Kind.REPORT, report=report, subscription_id=pk, email=email, language=language,
                         next_attempt_at=now)
                for pk, email, language in chunk
            ]  # fmt: skip
            created += len(Delivery.objects.bulk_create(rows, ignore_conflicts=True))
        announcement.fanned_out_at = now
        announcement.save(update_fields=["fanned_out_at"])
        transaction.on_commit(start_senders, robust=True)
    logger.info("announced report %s to %d subscribers", report, created)
    return created


def digest_fan_out(*, now: datetime.datetime | None = None) -> int:
    """One digest delivery per weekly subscriber with something new in the last seven days."""
    now = now or timezone.now()
    week = timezone.localdate(now)
    items = NewsItem.objects.public(now).filter(published_at__gte=now - DIGEST_PERIOD).order_by("published_at")
    per_subscriber = defaultdict(list)
    recipients = {}
    for item in items.prefetch_related("projects"):
        matching = (
            Subscription.objects.confirmed()
            .filter(frequency=Subscription.Frequency.WEEKLY)
            .matching(project_ids=[project.pk for project in item.projects.all()])
            .values_list("pk", "email", "language")
        )
        for pk, email, language in matching.iterator(chunk_size=FAN_OUT_CHUNK):
            per_subscriber[pk].append(item.pk)
            recipients[pk] = (email, language)
    already = set(
        Delivery.objects.filter(kind=Delivery.Kind.DIGEST, digest_week=week).values_list("subscription_id", flat=True)
    )
    rows = [
        Delivery(
            kind=Delivery.Kind.DIGEST,
            digest_week=week,
            digest_item_ids=item_ids,
            subscription_id=pk,
            email=recipients[pk][0],
            language=recipients[pk][1],
            next_attempt_at=now,
        )
        for pk, item_ids in per_subscriber.items()
        if pk not in already
    ]
    with transaction.atomic():
        created = len(Delivery.objects.bulk_create(rows, batch_size=FAN_OUT_CHUNK, ignore_conflicts=True))
        transaction.on_commit(start_senders, robust=True)
    return created


# The one Celery task outside tasks.py: the fan-outs here and services.py start it, and tasks.py imports both, so
# it lives below them and every import points one way.
@shared_task
def send_notifications() -> int:
    """Send due deliveries batch by batch for up to a minute, then hand over to a fresh task."""
    started, sent = time.monotonic(), 0
    while claimed := deliveries_send_batch():
        sent += claimed
        if time.monotonic() - started > SENDER_BUDGET_SECONDS:
            send_notifications.delay()
            break
    return sent


def start_senders() -> None:
    for _ in range(settings.NOTIFICATION_SENDERS):
        # One attempt only: the rows are in the database, and the sweep starts senders when this fails.
        send_notifications.apply_async(retry=False)


def notifications_sweep(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """What beat runs every half minute: announce what became public, keep senders busy while rows are due."""
    now = now or timezone.now()
    announced = sum(announcement_fan_out(item=item, now=now) for item in due_for_announcement(now))
    announced += sum(report_fan_out(report=report, now=now) for report in due_reports_for_announcement(now))
    # Reports too old to announce (the sweep was down for a week) still carry their values into the projects.
    news_apply_due_progress()
    due = Delivery.objects.due(now, claim_timeout()).count()
    if due and not announced:
        # robust: with the broker down the rows simply wait for the next sweep.
        transaction.on_commit(start_senders, robust=True)
    return {"announced": announced, "due": due}


def claim_batch(*, now: datetime.datetime, size: int = BATCH_SIZE) -> list[Delivery]:
    with transaction.atomic():
        batch = list(
            Delivery.objects.due(now, claim_timeout())
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("subscription", "news_item", "report")
            .defer("news_item__search_vector")
            .prefetch_related("news_item__projects__field")
            .order_by("pk")[:size]
        )
        Delivery.objects.filter(pk__in=[d.pk for d in batch]).update(status=Delivery.Status.SENDING, claimed_at=now)
    return batch


def message_for(delivery: Delivery, digests: dict[int, NewsItem], rendered: dict):
    """The email of one delivery; the text is rendered once per batch for each item (or digest) and language."""
    subscription = delivery.subscription
    if delivery.kind == Delivery.Kind.CONFIRM:
        # Personal, so never shared within the batch; a request confirmed meanwhile needs no link any more.
        return None if subscription.is_confirmed else emails.subscription_confirmation(subscription)
    key = (delivery.kind, delivery.news_item_id or delivery.report_id, tuple(delivery.digest_item_ids),
           subscription.language)  # fmt: skip
    if key not in rendered:
        if delivery.kind == Delivery.Kind.REPORT:
            rendered[key] = emails.programme_report_template(delivery.report, language=subscription.language)
            return emails.for_subscriber(rendered[key], subscription)
        if delivery.kind == Delivery.Kind.ITEM:
            item = delivery.news_item
            with translation.override(subscription.language):
                url = emails.absolute_url(item.get_absolute_url())
            name, context = "news_item", {"item": item, "projects": list(item.projects.all()), "url": url}
            reply_to = item.press_contact
        else:
            items = [digests[pk] for pk in delivery.digest_item_ids if pk in digests]
            with translation.override(subscription.language):
                news_url = emails.absolute_url(reverse("news:list"))
            reply_to = site_identity().reply_to
            name, context = "news_digest", {"items": items, "week": delivery.digest_week, "news_url": news_url}
            if not items:
                rendered[key] = None
                return None
        rendered[key] = emails.subscriber_template(
            name, language=subscription.language, context=context, reply_to=reply_to
        )
    return rendered[key] and emails.for_subscriber(rendered[key], subscription)


def deliveries_send_batch(*, now: datetime.datetime | None = None) -> int:
    """Claim up to BATCH_SIZE due deliveries and send them over one SMTP connection. Returns how many it claimed."""
    batch = claim_batch(now=now or timezone.now())
    if not batch:
        return 0
    if connection.vendor == "postgresql":
        # One commit per message is what keeps a crash to one repeated email; without waiting for the disk
        # each such commit is ten times cheaper. A dead worker loses nothing by it: only a crash of the
        # database server itself could forget the last fraction of a second of marks, and resend those.
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")
    digest_ids = {pk for delivery in batch for pk in delivery.digest_item_ids}
    digests = NewsItem.objects.public().prefetch_related("projects").in_bulk(digest_ids) if digest_ids else {}
    smtp = get_connection()
    try:
        smtp.open()
        rendered = {}
        for delivery in batch:
            deliver(delivery, smtp, digests, rendered)
    finally:
        smtp.close()
    return len(batch)


def deliver(delivery: Delivery, smtp, digests: dict[int, NewsItem], rendered: dict) -> None:
    subscription = delivery.subscription
    withdrawn = (delivery.news_item is not None and not delivery.news_item.is_public) or (
        delivery.report is not None and not delivery.report.is_public
    )
    message = None if subscription is None or withdrawn else message_for(delivery, digests, rendered)
    if message is None:
        # Unsubscribed, or the item was withdrawn, after the fan-out: nothing to say any more.
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.SKIPPED, claimed_at=None)
        return
    try:
        smtp.send_messages([message])
    except (smtplib.SMTPException, OSError) as error:
        failed(delivery, error)
    else:
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.Status.SENT, sent_at=timezone.now(), attempts=delivery.attempts + 1
        )


def failed(delivery: Delivery, error: Exception) -> None:
    """Retry with exponential backoff (1, 2, 4, 8 minutes), then give up and keep the reason."""
    attempts = delivery.attempts + 1
    reason = f"{type(error).__name__}: {error}"[:1000]
    logger.warning("delivery %s failed (attempt %d): %s", delivery.pk, attempts, reason)
    if attempts >= MAX_ATTEMPTS:
        status, next_attempt = Delivery.Status.FAILED, delivery.next_attempt_at
    else:
        status, next_attempt = Delivery.Status.PENDING, timezone.now() + datetime.timedelta(minutes=2 ** (attempts - 1))
    Delivery.objects.filter(pk=delivery.pk).update(
        status=status, attempts=attempts, next_attempt_at=next_attempt, last_error=reason, claimed_at=None
    )


def deliveries_anonymise(*, now: datetime.datetime | None = None) -> int:
    """After a year a delivery record keeps its counts but no longer the address."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=365)
    return Delivery.objects.filter(created__lt=cutoff).exclude(email="").update(email="")
