import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Avg, Case, Count, F, Max, Min, OuterRef, Prefetch, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from kaiserslautern_portal.lib.links import slug_url
from kaiserslautern_portal.lib.markdown import render_markdown
from kaiserslautern_portal.lib.prepared import Prepared, attach
from kaiserslautern_portal.lib.search_vector import SearchVectorNotValidated, WithoutSearchVector


def unfinished_q(prefix: str = "") -> Q:
    """Neither completed nor stopped nor given an actual end (Project.is_finished, negated)."""
    return ~Q(**{f"{prefix}status__in": Project.FINISHED}) & Q(**{f"{prefix}actual_end_date__isnull": True})


def late_q(today: datetime.date, prefix: str = "") -> Q:
    """Unfinished and past the planned end or planned to end later than originally (Project.is_late_on)."""
    return unfinished_q(prefix) & (
        Q(**{f"{prefix}planned_end_date__lt": today})
        | Q(**{f"{prefix}planned_end_date__gt": F(f"{prefix}baseline_end_date")})
    )


class FieldOfActionQuerySet(models.QuerySet):
    def with_stats(self):
        """Published projects per field and their average progress, in one query."""
        published = Q(projects__is_published=True)
        return self.annotate(
            project_count=Count("projects", filter=published),
            average_progress=Avg("projects__progress", filter=published),
            sample_count=Count("projects", filter=published & Q(projects__sample_values=True)),
        )

    def with_programme(self, today: datetime.date):
        """with_stats plus what the programme charts show per field: schedule, money and dates, in one query."""
        published = Q(projects__is_published=True)
        return self.with_stats().annotate(
            unfinished_count=Count("projects", filter=published & unfinished_q("projects__")),
            late_count=Count("projects", filter=published & late_q(today, "projects__")),
            budget_total=Sum("projects__budget", filter=published),
            spent_total=Sum("projects__spent", filter=published),
            first_start=Min("projects__start_date", filter=published),
            last_baseline_end=Max("projects__baseline_end_date", filter=published),
            last_planned_end=Max("projects__planned_end_date", filter=published),
            last_actual_end=Max("projects__actual_end_date", filter=published),
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
        return slug_url("projects:field", self.slug)


class ProjectQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def search(self, text: str):
        """A simple match in either language; the site-wide search (news app) does full-text ranking."""
        match = Q()
        for field in ("title_de", "title_en", "summary_de", "summary_en", "description_de", "description_en"):
            match |= Q(**{f"{field}__icontains": text})
        return self.filter(match)

    def for_cards(self, *also: str):
        """What a project card shows (the tag project_cards), and the columns named in `also`.

        The texts by language only: modeltranslation reads "title" from title_de or title_en, never from the base
        column that only("title") would load as well (a quarter of the per-card fetch).
        """
        return self.select_related("field").only(
            "title_de", "title_en", "slug", "summary_de", "summary_en", "status", "progress", "baseline_end_date",
            "planned_end_date", "actual_end_date", "image", "image_alt_de", "image_alt_en", "sample_values",
            "field__name_de", "field__name_en", "field__slug", "field__colour", *also,
        ).with_latest_reason()  # fmt: skip

    def with_milestones(self):
        """The milestones a timeline marks, and the dates it draws."""
        return self.prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.only("project_id", "due_date", "completed_on"))
        )

    def with_latest_reason(self):
        """The public reason of each project's most recent date change: `latest_reason` in the page's language
        (empty where not translated) and `latest_reason_de`, the German original."""
        latest = DateChange.objects.filter(project=OuterRef("pk")).order_by("-changed_at", "-pk")
        language = get_language() or settings.LANGUAGE_CODE
        return self.annotate(
            latest_reason=Subquery(latest.values(f"reason_{language}")[:1]),
            latest_reason_de=Subquery(latest.values("reason_de")[:1]),
        )

    def for_detail(self):
        return self.select_related("field").prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("order", "due_date", "pk")),
            Prefetch("progress_entries", queryset=ProgressEntry.objects.order_by("recorded_at", "pk")),
        )

    def with_accountability(self):
        """Date changes (newest first, with their milestones) and outcome indicators with their measured values."""
        return self.prefetch_related(
            Prefetch(
                "date_changes", queryset=DateChange.objects.select_related("milestone").order_by("-changed_at", "-pk")
            ),
            Prefetch("indicators", queryset=Indicator.objects.order_by("order", "pk")),
            Prefetch("indicators__values", queryset=IndicatorValue.objects.order_by("date", "pk")),
        )

    def by_status(self):
        """Count, progress sum and budget per status in one query; `programme_totals` adds them up."""
        return (
            self.values("status")
            .annotate(
                count=Count("pk"),
                progress=Sum("progress"),
                budget=Sum("budget"),
                sample_count=Count("pk", filter=Q(sample_values=True)),
            )
            .order_by()
        )

    def unfinished(self):
        return self.filter(unfinished_q())

    def late(self, today: datetime.date):
        """Unfinished projects past their planned end or planned to end later than originally (Project.is_late_on)."""
        return self.filter(late_q(today))

    def update_overdue(self, today: datetime.date):
        """Unfinished projects whose next update was due before today (Project.update_overdue_on).

        One date comparison per allowed interval keeps this a plain, indexable filter on every database.
        """
        due = Q()
        for days in Project.UpdateInterval.values:
            due |= Q(update_interval_days=days, last_update__lt=today - datetime.timedelta(days=days))
        return self.unfinished().filter(due)


def programme_totals(rows) -> dict:
    """Count, average progress, total budget and projects with sample values of ProjectQuerySet.by_status() rows."""
    count = sum(row["count"] for row in rows)
    budgets = [row["budget"] for row in rows if row["budget"] is not None]
    return {
        "count": count,
        "average_progress": sum(row["progress"] or 0 for row in rows) / count if count else None,
        "budget": sum(budgets) if budgets else None,
        "sample_count": sum(row["sample_count"] for row in rows),
    }


# The marker's words where sample figures travel without a page around them: feeds, calendars, the API root.
SAMPLE_VALUES_NOTE = _("Beispielwerte: Demo-Inhalt, keine amtlichen Angaben.")


def delay_days(
    *, baseline: datetime.date | None, planned: datetime.date | None, done: datetime.date | None, today: datetime.date
) -> tuple[int | None, int]:
    """The rule behind every slip shown or served: (days after the original plan, days overdue).

    An open date past its planned day cannot be met before today, so it is late by at least today minus that day.
    """  # fmt: skip
    overdue = (today - planned).days if done is None and planned is not None and planned < today else 0
    if baseline is None or (done or planned) is None:
        return None, overdue
    if not overdue:
        return ((done or planned) - baseline).days, 0
    return max((today - baseline).days, overdue), overdue


def describe_slip(days: int | None, overdue: int = 0) -> str:
    """The deviation from the original plan in words, e.g. "47 Tage später als ursprünglich geplant"."""
    if overdue:
        late = ngettext("überfällig seit %(days)d Tag", "überfällig seit %(days)d Tagen", overdue) % {"days": overdue}
        if days is not None and days > overdue:
            more = ngettext(
                "mindestens %(days)d Tag später als ursprünglich geplant",
                "mindestens %(days)d Tage später als ursprünglich geplant",
                days,
            ) % {"days": days}
            return f"{late}, {more}"
        return late
    if days is None:
        return ""
    if days > 0:
        return ngettext(
            "%(days)d Tag später als ursprünglich geplant", "%(days)d Tage später als ursprünglich geplant", days
        ) % {"days": days}
    if days < 0:
        return ngettext(
            "%(days)d Tag früher als ursprünglich geplant", "%(days)d Tage früher als ursprünglich geplant", -days
        ) % {"days": -days}
    return gettext("wie ursprünglich geplant")


# What ProjectQuerySet.by_status and FieldOfActionQuerySet.with_programme read of a project (and its id).
PROGRAMME_FIGURES = [
    "field", "is_published", "status", "id", "progress", "budget", "spent", "sample_values", "start_date",
    "baseline_end_date", "planned_end_date", "actual_end_date",
]  # fmt: skip


class Project(SearchVectorNotValidated, models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("geplant")
        IN_PROGRESS = "in_progress", _("in Arbeit")
        COMPLETED = "completed", _("umgesetzt")
        PAUSED = "paused", _("pausiert")
        STOPPED = "stopped", _("eingestellt")

    class UpdateInterval(models.IntegerChoices):
        MONTHLY = 30, _("monatlich")
        QUARTERLY = 90, _("vierteljährlich")
        HALF_YEARLY = 180, _("halbjährlich")
        YEARLY = 365, _("jährlich")

    # Finished projects are neither late nor due for updates.
    FINISHED = (Status.COMPLETED, Status.STOPPED)
    # Changing one of these in an edit counts as an update of the project's public state.
    STATE_FIELDS = ("status", "progress", "start_date", "planned_end_date", "actual_end_date", "spent", "spent_as_of")

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
    # The first planned end ever given; planned_end_date is the current forecast and may move, with a DateChange.
    baseline_end_date = models.DateField(
        _("ursprünglich geplantes Ende"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Das erste eingetragene geplante Ende. Es bleibt, wenn der Termin später verschoben wird."),
    )
    planned_end_date = models.DateField(_("geplantes Ende"), null=True, blank=True)
    actual_end_date = models.DateField(_("tatsächliches Ende"), null=True, blank=True)
    budget = models.DecimalField(_("Budget in Euro"), max_digits=12, decimal_places=2, null=True, blank=True)
    spent = models.DecimalField(
        _("bisher ausgegeben in Euro"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    spent_as_of = models.DateField(
        _("Stand der Ausgaben"), null=True, blank=True, help_text=_("Bis zu welchem Tag die Ausgaben erfasst sind.")
    )
    funding_source = models.CharField(
        _("Förderung"), max_length=200, blank=True, help_text=_("z. B. Modellprojekte Smart Cities des Bundes")
    )
    partners = models.TextField(_("Partner"), blank=True, help_text=_("Ein Partner je Zeile."))
    responsible_office = models.CharField(_("Verantwortliche Stelle"), max_length=200)
    contact_name = models.CharField(_("Ansprechperson"), max_length=200, blank=True)
    contact_email = models.EmailField(_("E-Mail der Ansprechperson"), blank=True)
    contact_phone = models.CharField(_("Telefon der Ansprechperson"), max_length=50, blank=True)
    press_email = models.EmailField(
        _("Pressekontakt (E-Mail)"),
        blank=True,
        help_text=_("Antworten auf Meldungen zum Projekt gehen hierhin; leer: die Pressestelle des Programms."),
    )
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
    sample_values = models.BooleanField(
        _("Beispielwerte"),
        default=False,
        help_text=_(
            "Angekreuzt, solange Status, Fortschritt, Geld, Termine oder Kennzahlen Beispielwerte sind (Demo-Inhalt): "
            "Seiten, Listen, CSV, Feeds und API kennzeichnen sie dann."
        ),
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verantwortliche Redakteurinnen und Redakteure"),
        blank=True,
        related_name="edited_projects",
        help_text=_("Sie werden wöchentlich erinnert, wenn die Aktualisierung des Projekts überfällig ist."),
    )
    update_interval_days = models.PositiveSmallIntegerField(
        _("Aktualisierung"), choices=UpdateInterval.choices, default=UpdateInterval.QUARTERLY
    )
    # The day the project's public state was last changed or confirmed by staff (set only by the services), unlike
    # `updated`, which any save moves, a typo fix included.
    last_update = models.DateField(_("zuletzt aktualisiert am"), default=timezone.localdate, editable=False)
    created = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated = models.DateTimeField(_("geändert"), auto_now=True)
    # Filled by a database trigger on PostgreSQL (migration 0003) for the site search; unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = WithoutSearchVector.from_queryset(ProjectQuerySet)()

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
            models.CheckConstraint(
                condition=Q(spent__isnull=True, spent_as_of__isnull=True)
                | Q(spent__isnull=False, spent_as_of__isnull=False),
                name="project_spent_has_as_of_date",
            ),
            models.CheckConstraint(condition=Q(spent__gte=0), name="project_spent_not_negative"),
            models.CheckConstraint(
                condition=Q(update_interval_days__in=[30, 90, 180, 365]), name="project_update_interval_known"
            ),
        ]  # fmt: skip
        indexes = [
            models.Index(fields=["is_published", "status"]),
            models.Index(fields=["is_published", "field"]),
            models.Index(fields=["is_published", "-updated"]),
            models.Index(fields=["is_published", "last_update"]),
            # The project list's default order, per language: the first page of 2,000 projects is read from the
            # index instead of sorting every row (13 ms -> 8.6 ms wall in-process, bench scale).
            models.Index(fields=["title_de", "id"], condition=Q(is_published=True), name="project_public_title_de"),
            models.Index(fields=["title_en", "id"], condition=Q(is_published=True), name="project_public_title_en"),
            # The programme's figures per status and field are read from this index alone instead of the table's pages
            # of long texts (by_status 0.9 -> 0.4 ms, with_programme 1.5 -> 0.9 ms at 2,000 projects).
            models.Index(fields=PROGRAMME_FIGURES, name="project_programme_figures"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("projects:detail", self.slug)

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
        if self.spent is not None and self.spent_as_of is None:
            errors["spent_as_of"] = _("Bitte angeben, bis zu welchem Tag die Ausgaben erfasst sind.")
        if self.spent is None and self.spent_as_of is not None:
            errors["spent"] = _("Ein Stand ohne Betrag sagt nichts aus: Bitte den ausgegebenen Betrag angeben.")
        if errors:
            raise ValidationError(errors)

    @property
    def description_html(self):
        return render_markdown(self.description)

    @property
    def partner_list(self):
        return [line.strip() for line in self.partners.splitlines() if line.strip()]

    @property
    def is_finished(self):
        return self.status in self.FINISHED or self.actual_end_date is not None

    def delay_on(self, day: datetime.date) -> tuple[int | None, int]:
        """(days after the original plan, negative if earlier; days the planned end is overdue) as of `day`."""
        done = self.actual_end_date or (self.planned_end_date if self.is_finished else None)
        return delay_days(baseline=self.baseline_end_date, planned=self.planned_end_date, done=done, today=day)

    @property
    def delay(self) -> tuple[int | None, int]:
        return self.delay_on(timezone.localdate())

    @property
    def slip_days(self) -> int | None:
        return self.delay[0]

    @property
    def slip_label(self):
        return describe_slip(*self.delay)

    def end_passed_on(self, day: datetime.date) -> bool:
        """The planned end lies in the past and the project has not ended."""
        return not self.is_finished and self.planned_end_date is not None and self.planned_end_date < day

    def is_late_on(self, day: datetime.date) -> bool:
        """Unfinished and either past its planned end or planned to end later than originally (ProjectQuerySet.late)."""
        slip, overdue = self.delay_on(day)
        return not self.is_finished and max(slip or 0, overdue) > 0

    @property
    def end_passed(self):
        return self.end_passed_on(timezone.localdate())

    @property
    def is_late(self):
        return self.is_late_on(timezone.localdate())

    @property
    def spent_share(self) -> int | None:
        """Spent money as a whole percentage of the planned budget."""
        if self.spent is None or not self.budget:
            return None
        return round(100 * self.spent / self.budget)

    @property
    def next_update_due(self) -> datetime.date | None:
        if self.is_finished:
            return None
        return self.last_update + datetime.timedelta(days=self.update_interval_days)

    def update_overdue_on(self, day: datetime.date) -> bool:
        due = self.next_update_due
        return due is not None and due < day

    @property
    def update_overdue(self):
        return self.update_overdue_on(timezone.localdate())


class MilestoneQuerySet(models.QuerySet):
    def public(self):
        return self.filter(project__is_published=True).select_related("project").defer("project__search_vector")

    def upcoming(self, today: datetime.date):
        return self.public().filter(completed_on__isnull=True, due_date__gte=today).order_by("due_date", "pk")

    def overdue(self, today: datetime.date, since: datetime.date):
        return (
            self.public()
            .filter(completed_on__isnull=True, due_date__lt=today, due_date__gte=since)
            .order_by("-due_date", "pk")
        )

    def in_state(self, state: str, today: datetime.date):
        """The milestones whose Milestone.state_on(today) is `state`."""
        if state == Milestone.State.DONE:
            return self.filter(completed_on__isnull=False)
        if state == Milestone.State.OVERDUE:
            return self.filter(completed_on__isnull=True, due_date__lt=today)
        return self.filter(completed_on__isnull=True, due_date__gte=today)


class Milestone(models.Model):
    class State(models.TextChoices):
        DONE = "done", _("erreicht")
        OVERDUE = "overdue", _("überfällig")
        UPCOMING = "upcoming", _("anstehend")

    project = models.ForeignKey(Project, verbose_name=_("Projekt"), on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("Titel"), max_length=200)
    description = models.CharField(_("Kurzbeschreibung"), max_length=500, blank=True)
    # The first due date ever given; due_date is the current forecast and may move, with a DateChange.
    baseline_due_date = models.DateField(_("ursprünglich fällig am"), null=True, blank=True, editable=False)
    due_date = models.DateField(_("fällig am"))
    completed_on = models.DateField(_("erreicht am"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine")
        ordering = ["order", "due_date", "pk"]
        indexes = [
            models.Index(fields=["completed_on", "due_date"]),
            # The start page's next and overdue milestones read the first rows of these instead of sorting thousands.
            models.Index(
                fields=["due_date", "id"], condition=Q(completed_on__isnull=True), name="milestone_open_by_due_date"
            ),
            models.Index(
                fields=["-due_date", "id"], condition=Q(completed_on__isnull=True), name="milestone_open_latest_first"
            ),
        ]

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

    def delay_on(self, day: datetime.date) -> tuple[int | None, int]:
        """(days reached, or at the earliest reachable, after the original due date; days overdue), as of `day`."""
        return delay_days(baseline=self.baseline_due_date, planned=self.due_date, done=self.completed_on, today=day)

    @property
    def delay(self) -> tuple[int | None, int]:
        return self.delay_on(timezone.localdate())

    @property
    def slip_days(self) -> int | None:
        return self.delay[0]

    @property
    def slip_label(self):
        return describe_slip(*self.delay)


class MilestoneMonthQuerySet(models.QuerySet):
    def states(self, this_month: datetime.date, today: datetime.date):
        """Published milestones per field and month, reached, open and overdue as of `today` (in `this_month`, its
        month's first day): the rows of the programme's timeline, read from a few hundred summary rows at any number
        of milestones. The start page reads them through TIMELINE, compiled once.

        Open milestones of past months are overdue, of later months upcoming; only the current month's are split
        by day, from that month's open milestones alone.
        """
        overdue_this_month = (
            Milestone.objects.filter(
                project__field=OuterRef("field"),
                project__is_published=True,
                completed_on=None,
                due_date__gte=this_month,
                due_date__lt=today,
            )
            .order_by()
            .values("project__field")
            .annotate(count=Count("pk"))
            .values("count")
        )
        overdue = Case(
            When(month__lt=this_month, then=F("open")),
            When(month=this_month, then=Coalesce(Subquery(overdue_this_month), 0)),
            default=Value(0),
            output_field=models.IntegerField(),
        )
        # The rest of `open` is upcoming: charts.field_timeline subtracts, so the subquery runs once per field.
        return (
            self.filter(Q(done__gt=0) | Q(open__gt=0))
            .annotate(overdue=overdue)
            .values("field", "month", "done", "open", "overdue")
            .order_by("field", "month")
        )


class MilestoneMonth(models.Model):
    """How many milestones of published projects a field has per month, reached and open: kept by database
    triggers (migration 0012) on every write of a milestone or of a project's field or publication, bulk writes
    and imports included. Nobody edits these rows; they carry no translated labels."""

    field = models.ForeignKey(FieldOfAction, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()  # the first of the month
    done = models.PositiveIntegerField(default=0)
    open = models.PositiveIntegerField(default=0)

    objects = MilestoneMonthQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["field", "month"], name="milestonemonth_one_per_field_month")]

    def __str__(self):
        return f"{self.field_id} {self.month:%Y-%m}: {self.done} + {self.open}"


# The start page's timeline (projects.views.home), compiled once (kaiserslautern_portal.lib.prepared): building its
# SQL cost 0.75 ms of CPU a page, far more than running it.
TIMELINE = Prepared(lambda this_month, today: MilestoneMonth.objects.states(this_month, today))


def timeline_months(today: datetime.date) -> list[dict]:
    return TIMELINE(today.replace(day=1), today)


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


class DateChange(models.Model):
    """A planned date moved by staff, with the public reason: the project's end or one of its milestones."""

    class Kind(models.TextChoices):
        END = "end", _("Projektende")
        MILESTONE = "milestone", _("Meilenstein")

    project = models.ForeignKey(
        Project, verbose_name=_("Projekt"), on_delete=models.CASCADE, related_name="date_changes"
    )
    kind = models.CharField(_("Termin"), max_length=10, choices=Kind.choices)
    # Kept when the milestone is deleted: the record of the move stays public.
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("Meilenstein"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="date_changes",
    )
    old_date = models.DateField(_("bisher geplant"), null=True, blank=True)
    new_date = models.DateField(_("neu geplant"), null=True, blank=True)
    reason = models.CharField(
        _("Begründung"), max_length=300, help_text=_("Kurz und verständlich; sie wird öffentlich angezeigt.")
    )
    changed_at = models.DateTimeField(_("geändert am"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geändert von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Terminänderung")
        verbose_name_plural = _("Terminänderungen")
        ordering = ["project", "-changed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="milestone") | Q(milestone__isnull=True), name="datechange_end_has_no_milestone"
            ),
            models.CheckConstraint(condition=~Q(old_date=F("new_date")), name="datechange_moves_the_date"),
            models.CheckConstraint(condition=~Q(reason=""), name="datechange_has_reason"),
        ]
        indexes = [models.Index(fields=["project", "-changed_at"])]

    def __str__(self):
        return f"{self.project}: {self.old_date} → {self.new_date}"

    def clean(self):
        # An empty reason is refused as blank already; this catches one of spaces only.
        if self.reason and not self.reason.strip():
            raise ValidationError({"reason": _("Bitte kurz und öffentlich begründen, warum sich der Termin ändert.")})

    @property
    def subject(self) -> str:
        """What moved, for the public list of changes."""
        if self.kind == self.Kind.END:
            return str(self.Kind.END.label)
        if self.milestone is None:
            return gettext("Meilenstein (inzwischen entfernt)")
        return gettext("Meilenstein „%(title)s“") % {"title": self.milestone.title}

    @property
    def shift_days(self) -> int | None:
        if self.old_date is None or self.new_date is None:
            return None
        return (self.new_date - self.old_date).days


class Indicator(models.Model):
    """A measurable outcome of a project, e.g. users of the participation platform, with baseline and target."""

    class Unit(models.TextChoices):
        COUNT = "count", _("Anzahl")
        PEOPLE = "people", _("Personen")
        PERCENT = "percent", _("Prozent")
        EURO = "euro", _("Euro")
        KILOWATT_HOURS = "kwh", _("Kilowattstunden")
        TONNES_CO2 = "t_co2", _("Tonnen CO₂")
        KILOMETRES = "km", _("Kilometer")
        MINUTES = "minutes", _("Minuten")
        DAYS = "days", _("Tage")

    # Things counted one by one cannot be fractional.
    WHOLE_UNITS = (Unit.COUNT, Unit.PEOPLE)

    project = models.ForeignKey(Project, verbose_name=_("Projekt"), on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(
        _("Name"), max_length=200, help_text=_("Was gemessen wird, z. B. „Online verfügbare Verwaltungsleistungen“.")
    )
    unit = models.CharField(_("Einheit"), max_length=10, choices=Unit.choices, default=Unit.COUNT)
    baseline_value = models.DecimalField(
        _("Ausgangswert"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    baseline_date = models.DateField(_("Ausgangswert gemessen am"))
    target_value = models.DecimalField(
        _("Zielwert"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    target_date = models.DateField(_("Ziel zu erreichen bis"))
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    created = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated = models.DateTimeField(_("geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Wirkungsindikator")
        verbose_name_plural = _("Wirkungsindikatoren")
        ordering = ["project", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_date__gt=F("baseline_date")), name="indicator_target_after_baseline"
            ),
            models.CheckConstraint(
                condition=Q(baseline_value__gte=0, target_value__gte=0), name="indicator_values_not_negative"
            ),
            models.CheckConstraint(
                condition=~Q(unit="percent") | Q(baseline_value__lte=100, target_value__lte=100),
                name="indicator_percent_at_most_100",
            ),
            models.CheckConstraint(
                condition=Q(unit__in=["count", "people", "percent", "euro", "kwh", "t_co2", "km", "minutes", "days"]),
                name="indicator_unit_known",
            ),
        ]  # fmt: skip

    def __str__(self):
        return self.name

    def value_errors(self, value: Decimal | None) -> list[str]:
        """What is wrong with a value measured in this indicator's unit."""
        if value is None:
            return []
        if value < 0:
            return [gettext("Der Wert darf nicht negativ sein.")]
        if self.unit == self.Unit.PERCENT and value > 100:
            return [gettext("Ein Prozentwert darf höchstens 100 sein.")]
        if self.unit in self.WHOLE_UNITS and value != value.to_integral_value():
            message = gettext("In der Einheit „%(unit)s“ sind nur ganze Zahlen möglich.")
            return [message % {"unit": self.get_unit_display()}]
        return []

    def clean(self):
        errors = {}
        for field in ("baseline_value", "target_value"):
            if messages := self.value_errors(getattr(self, field)):
                errors[field] = messages
        if self.baseline_date and self.target_date and self.target_date <= self.baseline_date:
            errors["target_date"] = _("Das Ziel muss nach dem Tag des Ausgangswerts liegen.")
        if self.pk and self.baseline_date and self.values.filter(date__lt=self.baseline_date).exists():
            errors["baseline_date"] = _("Es gibt schon Messwerte vor diesem Tag.")
        if self.pk and any(self.value_errors(value) for value in self.values.values_list("value", flat=True)):
            errors["unit"] = _("Die vorhandenen Messwerte passen nicht zu dieser Einheit.")
        if errors:
            raise ValidationError(errors)

    @property
    def series(self) -> list["IndicatorValue"]:
        """Measured values, oldest first (prefetched by ProjectQuerySet.for_detail)."""
        return list(self.values.all())

    @property
    def latest(self) -> "IndicatorValue | None":
        series = self.series
        return series[-1] if series else None


class IndicatorValue(models.Model):
    """One measurement of an indicator, entered by staff."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("Indikator"), on_delete=models.CASCADE, related_name="values"
    )
    date = models.DateField(_("gemessen am"))
    value = models.DecimalField(_("Wert"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal(0))])
    note = models.CharField(_("Anmerkung"), max_length=200, blank=True)
    created = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated = models.DateTimeField(_("geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Messwert")
        verbose_name_plural = _("Messwerte")
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "date"], name="indicatorvalue_one_per_day"),
            models.CheckConstraint(condition=Q(value__gte=0), name="indicatorvalue_not_negative"),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.date})"

    def clean(self):
        if self.indicator_id is None:
            return
        errors = {}
        if messages := self.indicator.value_errors(self.value):
            errors["value"] = messages
        if self.date and self.indicator.baseline_date and self.date < self.indicator.baseline_date:
            errors["date"] = _("Ein Messwert kann nicht vor dem Tag des Ausgangswerts liegen.")
        elif self.date and self.date > timezone.localdate():
            errors["date"] = _("Ein Messwert kann nicht in der Zukunft liegen.")
        if errors:
            raise ValidationError(errors)


class ReminderSent(models.Model):
    """The weekly reminder of overdue updates one editor got: claimed before sending, so a week never sends twice."""

    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Redakteurin oder Redakteur"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    week = models.DateField(_("Woche (Montag)"))
    sent_at = models.DateTimeField(_("verschickt am"), default=timezone.now)
    project_count = models.PositiveSmallIntegerField(_("überfällige Projekte"), default=0)

    class Meta:
        verbose_name = _("Erinnerung an Aktualisierungen")
        verbose_name_plural = _("Erinnerungen an Aktualisierungen")
        constraints = [models.UniqueConstraint(fields=["editor", "week"], name="remindersent_once_per_week")]

    def __str__(self):
        return f"{self.editor} ({self.week})"


# The project page's reads, each compiled once (kaiserslautern_portal.lib.prepared): what
# Project.objects.for_detail().with_accountability() fetches for one project, in as many queries.
PAGE_PROJECT = Prepared(lambda slug: Project.objects.select_related("field").filter(slug=slug))
PAGE_MILESTONES = Prepared(lambda pk: Milestone.objects.filter(project=pk).order_by("order", "due_date", "pk"))
PAGE_ENTRIES = Prepared(lambda pk: ProgressEntry.objects.filter(project=pk).order_by("recorded_at", "pk"))
PAGE_DATE_CHANGES = Prepared(lambda pk: DateChange.objects.filter(project=pk).order_by("-changed_at", "-pk"))
PAGE_INDICATORS = Prepared(lambda pk: Indicator.objects.filter(project=pk).order_by("order", "pk"))
PAGE_VALUES = Prepared(lambda pk: IndicatorValue.objects.filter(indicator__project=pk).order_by("date", "pk"))


def project_for_page(slug: str) -> Project | None:
    """The project with its field, milestones, progress history, date changes (with their milestones) and
    indicators with their values, as for_detail().with_accountability() would prefetch them; None if not found."""
    found = PAGE_PROJECT(slug)
    if not found:
        return None
    project = found[0]
    milestones = PAGE_MILESTONES(project.pk)
    by_pk = {milestone.pk: milestone for milestone in milestones}
    changes = PAGE_DATE_CHANGES(project.pk)
    for change in changes:
        if change.milestone_id in by_pk:
            change.milestone = by_pk[change.milestone_id]
    indicators = PAGE_INDICATORS(project.pk)
    values = {indicator.pk: [] for indicator in indicators}
    for value in PAGE_VALUES(project.pk) if indicators else ():
        values[value.indicator_id].append(value)
    for indicator in indicators:
        for value in values[indicator.pk]:
            value.indicator = indicator
        attach(indicator, "values", values[indicator.pk])
    for name, objects in (
        ("milestones", milestones),
        ("progress_entries", PAGE_ENTRIES(project.pk)),
        ("date_changes", changes),
        ("indicators", indicators),
    ):
        for each in objects:
            each.project = project
        attach(project, name, objects)
    return project
