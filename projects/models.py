import datetime

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import Avg, Count, Prefetch, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kaiserslautern_portal.markdown import render_markdown


class FieldOfActionQuerySet(models.QuerySet):
    def with_stats(self):
        """Published projects per field and their average progress, in one query."""
        published = Q(projects__is_published=True)
        return self.annotate(
            project_count=Count("projects", filter=published),
            average_progress=Avg("projects__progress", filter=published),
        )


class FieldOfAction(models.Model):
    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=100, unique=True)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=300)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    colour = models.CharField(
        _("Farbe"),
        max_length=7,
        default="#a3001b",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Bitte eine Farbe im Format #rrggbb angeben."))],
        help_text=_("Kennfarbe des Handlungsfelds, z. B. #0b4f8a. Sie ergänzt den Namen, ersetzt ihn nie."),
    )
    created = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated = models.DateTimeField(_("geändert"), auto_now=True)

    objects = FieldOfActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projects:field", kwargs={"slug": self.slug})


class ProjectQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def search(self, text: str):
        """A simple match in either language; the site-wide search (news app) does full-text ranking."""
        match = Q()
        for field in ("title_de", "title_en", "summary_de", "summary_en", "description_de", "description_en"):
            match |= Q(**{f"{field}__icontains": text})
        return self.filter(match)

    def for_cards(self):
        return self.select_related("field").only(
            "title", "title_de", "title_en", "slug", "summary", "summary_de", "summary_en", "status", "progress",
            "planned_end_date", "actual_end_date", "updated",
            "field__name", "field__name_de", "field__name_en", "field__slug", "field__colour",
        )  # fmt: skip

    def for_detail(self):
        return self.select_related("field").prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("order", "due_date", "pk")),
            Prefetch("progress_entries", queryset=ProgressEntry.objects.order_by("recorded_at", "pk")),
        )

    def totals(self):
        return self.aggregate(
            count=Count("pk"),
            average_progress=Avg("progress"),
            budget=Sum("budget"),
        )


class Project(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("geplant")
        IN_PROGRESS = "in_progress", _("in Arbeit")
        COMPLETED = "completed", _("umgesetzt")
        PAUSED = "paused", _("pausiert")
        STOPPED = "stopped", _("eingestellt")

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=200, unique=True)
    summary = models.CharField(_("Zusammenfassung"), max_length=300, help_text=_("Ein bis zwei Sätze für Übersichten."))
    description = models.TextField(
        _("Beschreibung"),
        blank=True,
        help_text=_("Markdown: **fett**, *kursiv*, ## Überschrift, - Liste, [Link](https://…)"),
    )
    field = models.ForeignKey(
        FieldOfAction, verbose_name=_("Handlungsfeld"), on_delete=models.PROTECT, related_name="projects"
    )
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    progress = models.PositiveSmallIntegerField(
        _("Fortschritt in Prozent"), default=0, validators=[MaxValueValidator(100)]
    )
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    planned_end_date = models.DateField(_("geplantes Ende"), null=True, blank=True)
    actual_end_date = models.DateField(_("tatsächliches Ende"), null=True, blank=True)
    budget = models.DecimalField(_("Budget in Euro"), max_digits=12, decimal_places=2, null=True, blank=True)
    funding_source = models.CharField(
        _("Förderung"), max_length=200, blank=True, help_text=_("z. B. Modellprojekte Smart Cities des Bundes")
    )
    partners = models.TextField(_("Partner"), blank=True, help_text=_("Ein Partner je Zeile."))
    responsible_office = models.CharField(_("Verantwortliche Stelle"), max_length=200)
    contact_name = models.CharField(_("Ansprechperson"), max_length=200, blank=True)
    contact_email = models.EmailField(_("E-Mail der Ansprechperson"), blank=True)
    contact_phone = models.CharField(_("Telefon der Ansprechperson"), max_length=50, blank=True)
    place_name = models.CharField(_("Ort"), max_length=200, blank=True)
    latitude = models.DecimalField(_("Breitengrad"), max_digits=8, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("Längengrad"), max_digits=9, decimal_places=6, null=True, blank=True)
    image = models.ImageField(_("Bild"), upload_to="projects/", blank=True)
    image_alt = models.CharField(
        _("Alternativtext des Bildes"),
        max_length=300,
        blank=True,
        help_text=_("Beschreibt, was auf dem Bild zu sehen ist."),
    )
    image_credit = models.CharField(_("Bildnachweis"), max_length=200, blank=True)
    is_published = models.BooleanField(_("veröffentlicht"), default=False)
    created = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated = models.DateTimeField(_("geändert"), auto_now=True)
    # Filled by a database trigger on PostgreSQL (migration 0003) for the site search; unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="project_progress_at_most_100"),
            models.CheckConstraint(
                condition=Q(planned_end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(planned_end_date__gte=models.F("start_date")),
                name="project_planned_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=Q(actual_end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(actual_end_date__gte=models.F("start_date")),
                name="project_actual_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=~Q(status="completed") | Q(actual_end_date__isnull=False),
                name="project_completed_has_end_date",
            ),
            models.CheckConstraint(condition=Q(image="") | ~Q(image_alt=""), name="project_image_has_alt_text"),
        ]  # fmt: skip
        indexes = [
            models.Index(fields=["is_published", "status"]),
            models.Index(fields=["is_published", "field"]),
            models.Index(fields=["is_published", "-updated"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.start_date and self.planned_end_date and self.planned_end_date < self.start_date:
            errors["planned_end_date"] = _("Das geplante Ende darf nicht vor dem Beginn liegen.")
        if self.start_date and self.actual_end_date and self.actual_end_date < self.start_date:
            errors["actual_end_date"] = _("Das tatsächliche Ende darf nicht vor dem Beginn liegen.")
        if self.status == self.Status.COMPLETED and not self.actual_end_date:
            errors["actual_end_date"] = _("Ein umgesetztes Projekt braucht ein tatsächliches Ende.")
        if self.image and not self.image_alt.strip():
            errors["image_alt"] = _("Ein Bild braucht einen Alternativtext.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Bitte Breiten- und Längengrad gemeinsam angeben oder beide leer lassen.")
        if errors:
            raise ValidationError(errors)

    @property
    def description_html(self):
        return render_markdown(self.description)

    @property
    def partner_list(self):
        return [line.strip() for line in self.partners.splitlines() if line.strip()]

    @property
    def end_date(self):
        return self.actual_end_date or self.planned_end_date


class MilestoneQuerySet(models.QuerySet):
    def public(self):
        return self.filter(project__is_published=True).select_related("project")

    def upcoming(self, today: datetime.date):
        return self.public().filter(completed_on__isnull=True, due_date__gte=today).order_by("due_date", "pk")

    def overdue(self, today: datetime.date, since: datetime.date):
        return (
            self.public()
            .filter(completed_on__isnull=True, due_date__lt=today, due_date__gte=since)
            .order_by("-due_date", "pk")
        )


class Milestone(models.Model):
    class State(models.TextChoices):
        DONE = "done", _("erreicht")
        OVERDUE = "overdue", _("überfällig")
        UPCOMING = "upcoming", _("anstehend")

    project = models.ForeignKey(Project, verbose_name=_("Projekt"), on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("Titel"), max_length=200)
    description = models.CharField(_("Kurzbeschreibung"), max_length=500, blank=True)
    due_date = models.DateField(_("fällig am"))
    completed_on = models.DateField(_("erreicht am"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine")
        ordering = ["order", "due_date", "pk"]
        indexes = [models.Index(fields=["completed_on", "due_date"])]

    def __str__(self):
        return self.title

    def state_on(self, day: datetime.date):
        if self.completed_on:
            return self.State.DONE
        if self.due_date < day:
            return self.State.OVERDUE
        return self.State.UPCOMING

    @property
    def state(self):
        return self.state_on(timezone.localdate())

    @property
    def state_label(self):
        return self.State(self.state).label


class ProgressEntry(models.Model):
    """One point of a project's progress history: recorded whenever progress or status changes."""

    project = models.ForeignKey(
        Project, verbose_name=_("Projekt"), on_delete=models.CASCADE, related_name="progress_entries"
    )
    recorded_at = models.DateTimeField(_("Zeitpunkt"), default=timezone.now)
    progress = models.PositiveSmallIntegerField(_("Fortschritt in Prozent"), validators=[MaxValueValidator(100)])
    status = models.CharField(_("Status"), max_length=20, choices=Project.Status.choices)

    class Meta:
        verbose_name = _("Fortschrittseintrag")
        verbose_name_plural = _("Fortschrittsverlauf")
        ordering = ["project", "recorded_at"]
        constraints = [models.CheckConstraint(condition=Q(progress__lte=100), name="entry_progress_at_most_100")]
        indexes = [models.Index(fields=["project", "recorded_at"])]

    def __str__(self):
        return f"{self.project}: {self.progress} % ({self.get_status_display()})"
