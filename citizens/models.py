import datetime

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.models import FieldOfAction, Project

LANGUAGE_CHOICES = [("de", _("Deutsch")), ("en", _("Englisch"))]

# A confirmation link is valid this long; unconfirmed requests are purged after it.
CONFIRMATION_PERIOD = datetime.timedelta(days=7)


class CitizenManager(UserManager):
    """Users log in with their email address; there are no usernames."""

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    language = models.CharField(
        _("Sprache"),
        max_length=5,
        choices=LANGUAGE_CHOICES,
        default="de",
        help_text=_("Sprache der E-Mails, die das Portal an diese Person schickt."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = CitizenManager()

    class Meta:
        verbose_name = _("Benutzerkonto")
        verbose_name_plural = _("Benutzerkonten")

    def __str__(self):
        return self.email


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def pending(self):
        return self.filter(confirmed_at__isnull=True)

    def expired(self, now: datetime.datetime):
        """Requests nobody confirmed within the confirmation period."""
        return self.pending().filter(requested_at__lt=now - CONFIRMATION_PERIOD)

    def for_address(self, email: str):
        return self.filter(email=email.lower())

    def of_account(self, user):
        """An account's subscriptions: linked to it, or to its (verified) address."""
        return self.filter(Q(user=user) | Q(email=user.email.lower()))

    def matching(self, *, project_ids, field_ids=()):
        """Subscriptions whose scope covers a news item about these projects (and fields).

        Everything-subscribers always match; field subscribers when one of the projects lies in one of their fields
        (or a field is named directly); project subscribers when one of the projects is theirs. EXISTS subqueries
        keep it to one query without duplicates, so no DISTINCT is needed.
        """
        project_ids, field_ids = list(project_ids), list(field_ids)
        fields_of_projects = Project.objects.filter(pk__in=project_ids).values("field_id")
        field_match = Subscription.fields.through.objects.filter(subscription_id=OuterRef("pk")).filter(
            Q(fieldofaction_id__in=field_ids) | Q(fieldofaction_id__in=fields_of_projects)
        )
        project_match = Subscription.projects.through.objects.filter(
            subscription_id=OuterRef("pk"), project_id__in=project_ids
        )
        return self.filter(Q(everything=True) | Exists(field_match) | Exists(project_match))


class Subscription(models.Model):
    """Who gets news by email, about what, how often and in which language, with the proof of consent.

    An address has at most one confirmed subscription. A new request (double opt-in) is a separate pending row
    for the same address; confirming it replaces the confirmed row's choice, so nothing changes before then.
    """

    class Frequency(models.TextChoices):
        IMMEDIATELY = "immediately", _("sofort bei jeder Neuigkeit")
        WEEKLY = "weekly", _("einmal pro Woche als Zusammenfassung")

    email = models.EmailField(_("E-Mail-Adresse"))
    user = models.ForeignKey(
        "citizens.User",
        verbose_name=_("Benutzerkonto"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
    )
    everything = models.BooleanField(_("alle Neuigkeiten"), default=False)
    fields = models.ManyToManyField(
        FieldOfAction, verbose_name=_("Handlungsfelder"), blank=True, related_name="subscriptions"
    )
    projects = models.ManyToManyField(Project, verbose_name=_("Projekte"), blank=True, related_name="subscriptions")
    frequency = models.CharField(
        _("Häufigkeit"), max_length=20, choices=Frequency.choices, default=Frequency.IMMEDIATELY
    )
    language = models.CharField(_("Sprache"), max_length=5, choices=LANGUAGE_CHOICES, default="de")
    # Proof of consent (GDPR Art. 7(1)); the IP address is deliberately not stored.
    consent_text = models.TextField(_("Einwilligungstext"), validators=[MaxLengthValidator(2000)])
    requested_at = models.DateTimeField(_("angefordert am"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)
    created = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated = models.DateTimeField(_("geändert"), auto_now=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Abonnement")
        verbose_name_plural = _("Abonnements")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), condition=Q(confirmed_at__isnull=False), name="subscription_one_confirmed_per_email"
            ),
            models.UniqueConstraint(
                Lower("email"), condition=Q(confirmed_at__isnull=True), name="subscription_one_pending_per_email"
            ),
        ]
        indexes = [models.Index(fields=["confirmed_at", "requested_at"])]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def is_empty(self):
        """Nothing left to send about: a subscription without scope is removed."""
        return not self.everything and not self.fields.exists() and not self.projects.exists()


class Announcement(models.Model):
    """A public news item has been fanned out to its immediate subscribers: exists once per item."""

    news_item = models.OneToOneField(
        "news.NewsItem", verbose_name=_("Meldung"), on_delete=models.CASCADE, related_name="announcement"
    )
    created = models.DateTimeField(_("angelegt"), auto_now_add=True)
    fanned_out_at = models.DateTimeField(_("verteilt am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Ankündigung per E-Mail")
        verbose_name_plural = _("Ankündigungen per E-Mail")

    def __str__(self):
        return str(self.news_item)


class DeliveryQuerySet(models.QuerySet):
    def due(self, now: datetime.datetime, claim_timeout: datetime.timedelta):
        """Pending rows whose time has come, and rows a crashed worker claimed but never finished."""
        return self.filter(
            Q(status=Delivery.Status.PENDING, next_attempt_at__lte=now)
            | Q(status=Delivery.Status.SENDING, claimed_at__lt=now - claim_timeout)
        )


class Delivery(models.Model):
    """One email to one subscriber: a news item sent at once, or a weekly digest. The unit of idempotence."""

    class Kind(models.TextChoices):
        ITEM = "item", _("Einzelmeldung")
        DIGEST = "digest", _("Wochenzusammenfassung")

    class Status(models.TextChoices):
        PENDING = "pending", _("wartet")
        SENDING = "sending", _("wird gesendet")
        SENT = "sent", _("gesendet")
        FAILED = "failed", _("fehlgeschlagen")
        SKIPPED = "skipped", _("entfallen")

    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices, default=Kind.ITEM)
    news_item = models.ForeignKey(
        "news.NewsItem",
        verbose_name=_("Meldung"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    digest_week = models.DateField(_("Woche bis"), null=True, blank=True)
    digest_item_ids = models.JSONField(_("Meldungen der Zusammenfassung"), default=list, blank=True)
    subscription = models.ForeignKey(
        Subscription,
        verbose_name=_("Abonnement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    # Blanked when the subscription ends and after a year (data minimisation).
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    language = models.CharField(_("Sprache"), max_length=5, choices=LANGUAGE_CHOICES, default="de")
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    next_attempt_at = models.DateTimeField(_("nächster Versuch"), default=timezone.now)
    claimed_at = models.DateTimeField(_("in Arbeit seit"), null=True, blank=True)
    sent_at = models.DateTimeField(_("gesendet am"), null=True, blank=True)
    last_error = models.TextField(_("letzter Fehler"), blank=True)
    created = models.DateTimeField(_("angelegt"), auto_now_add=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("Zustellung")
        verbose_name_plural = _("Zustellungen")
        constraints = [
            models.UniqueConstraint(
                fields=["news_item", "subscription"],
                condition=Q(kind="item"),
                name="one_delivery_per_item_and_subscriber",
            ),
            models.UniqueConstraint(
                fields=["digest_week", "subscription"],
                condition=Q(kind="digest"),
                name="one_digest_per_week_and_subscriber",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["news_item", "status"]),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.email or '–'}"


class MailQuota(models.Model):
    """How many emails went out in one period to one address (per day) or to anyone (key "*", per hour).

    Emails that anyone can make the portal send (confirmation links, sign-up, password reset) are counted here, in
    the database rather than the cache, so that the caps hold when Redis is gone. The address is kept only as a
    keyed hash.
    """

    key = models.CharField(_("Schlüssel"), max_length=64)
    period_start = models.DateTimeField(_("Zeitraum ab"))
    count = models.PositiveIntegerField(_("Anzahl"), default=0)

    class Meta:
        verbose_name = _("E-Mail-Kontingent")
        verbose_name_plural = _("E-Mail-Kontingente")
        constraints = [models.UniqueConstraint(fields=["key", "period_start"], name="one_mail_quota_per_period")]

    def __str__(self):
        return f"{self.key[:12]} {self.period_start:%Y-%m-%d %H:%M}: {self.count}"
