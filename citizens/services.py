"""Writes about accounts and subscriptions. Views and tasks call these; they never write models directly."""

import datetime
import logging
from collections.abc import Iterable

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken.models import Token

from projects.models import FieldOfAction, Project

from .models import Delivery, MailQuota, Subscription, User
from .notifications import start_senders

logger = logging.getLogger(__name__)

# Ignore repeated requests for one address within this interval, so nobody can flood an inbox with our mail.
REQUEST_INTERVAL = datetime.timedelta(minutes=5)

FOLLOW_CONSENT_TEXT = _(
    "Ich folge diesem Thema und möchte über Neuigkeiten dazu E-Mails an die bestätigte Adresse meines Kontos "
    "erhalten. Ich kann mich jederzeit im Konto oder über den Link in jeder E-Mail abmelden."
)


def _lock_account(user: User) -> None:
    # Serialises the follow buttons of one account, so two quick clicks never create two subscriptions.
    User.objects.select_for_update().filter(pk=user.pk).exists()


def _own_confirmed(user: User) -> Subscription | None:
    # The linked row first; an unlinked one for the address (from the public form) is adopted.
    return Subscription.objects.of_account(user).confirmed().order_by(F("user_id").desc(nulls_last=True)).first()


def subscription_request(
    *,
    email: str,
    everything: bool,
    fields: Iterable[FieldOfAction],
    projects: Iterable[Project],
    frequency: str,
    language: str,
    consent_text: str,
    reports: bool = False,
    now: datetime.datetime | None = None,
) -> Subscription | None:
    """Record a double opt-in request and, in the same transaction, the confirmation email it is owed.

    Senders start once the transaction commits; with the broker down the delivery waits for the sweep.

    A newer request replaces an older pending one (whose link then stops working); a confirmed subscription of the
    address stays as it is until the new request is confirmed. Returns None when the request was ignored.
    """
    now = now or timezone.now()
    email = email.strip().lower()
    with transaction.atomic():
        pending = Subscription.objects.pending().for_address(email).select_for_update().first()
        if pending and pending.requested_at > now - REQUEST_INTERVAL:
            return None
        if not mail_quota_take(email=email, now=now):
            return None
        if pending:
            pending.delete()
        subscription = Subscription(
            email=email,
            everything=everything,
            reports=reports,
            frequency=frequency,
            language=language,
            consent_text=consent_text,
            requested_at=now,
        )
        subscription.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                subscription.save()
        except IntegrityError:  # a concurrent request for the same address won
            return None
        subscription.fields.set(fields)
        subscription.projects.set(projects)
        Delivery.objects.create(
            kind=Delivery.Kind.CONFIRM, subscription=subscription, email=email, language=language, next_attempt_at=now
        )
        transaction.on_commit(start_senders, robust=True)
    return subscription


@transaction.atomic
def subscription_confirm(*, subscription: Subscription, now: datetime.datetime | None = None) -> Subscription:
    """Confirm a pending request: it becomes the address's subscription, replacing the earlier choice if any."""
    now = now or timezone.now()
    pending = Subscription.objects.pending().select_for_update().get(pk=subscription.pk)
    current = Subscription.objects.confirmed().for_address(pending.email).select_for_update().first()
    if current is None:
        pending.confirmed_at = now
        pending.save(update_fields=["confirmed_at", "updated"])
        return pending
    # Keep the confirmed row (and so the unsubscribe links already sent); take over the new choice and its proof.
    for name in ("everything", "reports", "frequency", "language", "consent_text", "requested_at"):
        setattr(current, name, getattr(pending, name))
    current.confirmed_at = now
    current.save()
    current.fields.set(pending.fields.all())
    current.projects.set(pending.projects.all())
    pending.delete()
    return current


@transaction.atomic
def subscription_unsubscribe(*, subscription: Subscription) -> None:
    # Delivery records keep their counts, not the address of someone who left.
    Delivery.objects.filter(subscription=subscription).update(email="")
    Subscription.objects.filter(pk=subscription.pk).delete()


def subscription_purge_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """Delete requests nobody confirmed within the confirmation period (data minimisation)."""
    deleted, _by_model = Subscription.objects.expired(now or timezone.now()).delete()
    return deleted


@transaction.atomic
def subscription_follow(
    *,
    user: User,
    everything: bool = False,
    reports: bool = False,
    field: FieldOfAction | None = None,
    project: Project | None = None,
    now: datetime.datetime | None = None,
) -> Subscription:
    """Follow a topic with the account's address: confirmed at once, since allauth verified that address."""
    now = now or timezone.now()
    _lock_account(user)
    subscription = _own_confirmed(user)
    if subscription is None:
        subscription = Subscription(
            email=user.email.lower(), language=user.language, frequency=Subscription.Frequency.IMMEDIATELY
        )
    subscription.user = user
    subscription.consent_text = str(FOLLOW_CONSENT_TEXT)
    subscription.requested_at = subscription.confirmed_at = now
    subscription.everything = subscription.everything or everything
    subscription.reports = subscription.reports or reports
    subscription.full_clean(validate_constraints=False)
    subscription.save()
    if field:
        subscription.fields.add(field)
    if project:
        subscription.projects.add(project)
    return subscription


@transaction.atomic
def subscription_unfollow(
    *,
    user: User,
    everything: bool = False,
    reports: bool = False,
    field: FieldOfAction | None = None,
    project: Project | None = None,
) -> Subscription | None:
    """Stop following a topic; a subscription left without any topic is deleted. Returns what remains."""
    _lock_account(user)
    subscription = _own_confirmed(user)
    if subscription is None:
        return None
    if everything and subscription.everything:
        subscription.everything = False
        subscription.save(update_fields=["everything", "updated"])
    if reports and subscription.reports:
        subscription.reports = False
        subscription.save(update_fields=["reports", "updated"])
    if field:
        subscription.fields.remove(field)
    if project:
        subscription.projects.remove(project)
    if subscription.is_empty:
        subscription.delete()
        return None
    return subscription


@transaction.atomic
def subscription_set_frequency(*, user: User, frequency: str) -> None:
    Subscription.objects.of_account(user).confirmed().update(frequency=frequency, updated=timezone.now())


@transaction.atomic
def user_set_language(*, user: User, language: str) -> None:
    """The account's language decides the language of every email to it, subscription mail included."""
    user.language = language
    user.save(update_fields=["language"])
    Subscription.objects.of_account(user).update(language=language, updated=timezone.now())


@transaction.atomic
def user_email_changed(*, user: User) -> None:
    """Move the account's subscription to its new, verified address.

    The new address is proven to belong to this person, so a subscription that address already had gives way to
    the account's own.
    """
    email = user.email.lower()
    subscription = Subscription.objects.confirmed().filter(user=user).select_for_update().first()
    if subscription is None or subscription.email == email:
        return
    Subscription.objects.confirmed().for_address(email).exclude(pk=subscription.pk).delete()
    subscription.email = email
    subscription.save(update_fields=["email", "updated"])


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Erase the account with everything that belongs to it (GDPR Art. 17)."""
    subscriptions = Subscription.objects.of_account(user)
    Delivery.objects.filter(subscription__in=subscriptions).update(email="")
    subscriptions.delete()
    user.delete()


def user_export(*, user: User) -> dict:
    """All personal data the portal holds about an account, for GDPR Art. 15 and 20."""
    subscriptions = Subscription.objects.of_account(user).prefetch_related("fields", "projects").order_by("pk")
    return {
        "exported_at": timezone.now(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "is_staff": user.is_staff,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "two_factor_authentication": [
            {
                "type": authenticator.type,
                "created_at": authenticator.created_at,
                "last_used_at": authenticator.last_used_at,
            }
            for authenticator in Authenticator.objects.filter(user=user).order_by("pk")
        ],
        "subscriptions": [
            {
                "email": subscription.email,
                "confirmed": subscription.is_confirmed,
                "everything": subscription.everything,
                "programme_reports": subscription.reports,
                "fields_of_action": [field.name for field in subscription.fields.all()],
                "projects": [project.title for project in subscription.projects.all()],
                "frequency": subscription.frequency,
                "language": subscription.language,
                "consent": {
                    "text": subscription.consent_text,
                    "requested_at": subscription.requested_at,
                    "confirmed_at": subscription.confirmed_at,
                },
                "created": subscription.created,
                "updated": subscription.updated,
            }
            for subscription in subscriptions
        ],
        # The key itself is a secret and stays out of the file; that one exists, and since when, is personal data.
        "api_key_created": Token.objects.filter(user=user).values_list("created", flat=True).first(),
        "notification_emails": [
            {
                "kind": delivery.kind,
                "news_item": delivery.news_item.title if delivery.news_item else None,
                "digest_week": delivery.digest_week,
                "email": delivery.email,
                "status": delivery.status,
                "sent_at": delivery.sent_at,
            }
            for delivery in Delivery.objects.filter(subscription__in=subscriptions)
            .select_related("news_item")
            .order_by("pk")
        ],
    }


@transaction.atomic
def api_token_renew(*, user: User) -> Token:
    """A new API token for the account; the earlier one stops working."""
    _lock_account(user)  # two quick clicks must not collide
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


@transaction.atomic
def api_token_revoke(*, user: User) -> None:
    Token.objects.filter(user=user).delete()


@transaction.atomic
def mail_quota_take(*, email: str, now: datetime.datetime | None = None) -> bool:
    """Count one email that anyone could ask the portal to send to `email`; False when a cap forbids it.

    Caps: MAIL_CAP_PER_ADDRESS a day for one address, MAIL_CAP_PER_HOUR an hour for all together. A refused email
    is logged as a warning and simply not sent: the answer to the request stays the same.
    """
    now = (now or timezone.now()).astimezone(datetime.UTC)
    address = salted_hmac("citizens.mail_quota", email.strip().lower(), algorithm="sha256").hexdigest()
    day, hour = now.replace(hour=0, minute=0, second=0, microsecond=0), now.replace(minute=0, second=0, microsecond=0)
    quotas = MailQuota.objects.select_for_update()
    per_address, _created = quotas.get_or_create(key=address, period_start=day)
    per_hour, _created = quotas.get_or_create(key="*", period_start=hour)
    if per_address.count >= settings.MAIL_CAP_PER_ADDRESS:
        logger.warning("Mail cap hit: %d emails today to address %s…", settings.MAIL_CAP_PER_ADDRESS, address[:12])
        return False
    if per_hour.count >= settings.MAIL_CAP_PER_HOUR:
        logger.warning("Mail cap hit: %d emails this hour to addresses nobody verified", settings.MAIL_CAP_PER_HOUR)
        return False
    MailQuota.objects.filter(pk__in=[per_address.pk, per_hour.pk]).update(count=F("count") + 1)
    return True


def mail_quota_purge(*, now: datetime.datetime | None = None) -> int:
    """Forget the counts of periods that ended (data minimisation)."""
    deleted, _by_model = MailQuota.objects.filter(
        period_start__lt=(now or timezone.now()) - datetime.timedelta(days=2)
    ).delete()
    return deleted
