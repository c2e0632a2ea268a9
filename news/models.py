import datetime

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Prefetch, Q
from django.db.models.fields.json import KeyTransform
from django.db.models.functions import JSONObject
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kaiserslautern_portal.lib.identity.current import site_identity
from kaiserslautern_portal.lib.links import slug_url
from kaiserslautern_portal.lib.markdown import markdown_text, render_markdown
from kaiserslautern_portal.lib.prepared import Prepared
from kaiserslautern_portal.lib.search_vector import SearchVectorNotValidated, WithoutSearchVector
from projects.models import Project


def card_projects():
    """The published projects that a news card links to, with only what the links need."""
    fields = ("title", "title_de", "title_en", "slug", "field__slug")
    return Project.objects.published().select_related("field").only(*fields)


class NewsItemQuerySet(models.QuerySet):
    def public(self, now=None):
        """Published and due: a scheduled item appears by itself once its time has come."""
        return self.filter(status=NewsItem.Status.PUBLISHED, published_at__lte=now or timezone.now())

    def next_publication_after(self, moment) -> datetime.datetime | None:
        """When the next scheduled item goes live (the page cache renders pages anew then)."""
        scheduled = self.filter(status=NewsItem.Status.PUBLISHED, published_at__gt=moment).order_by("published_at")
        return scheduled.values_list("published_at", flat=True).first()

    def for_lists(self):
        return self.prefetch_related(
            Prefetch(
                "projects",
                queryset=card_projects(),
                # A list, not a queryset per item: Django builds a filtered queryset for every item otherwise.
                to_attr="public_projects",
            )
        ).order_by("-published_at", "-pk")

    def for_cards(self):
        """for_lists with only what a card shows (news/_news_card.html): no bodies, authors or contacts."""
        return self.for_lists().only(
            "title", "title_de", "title_en", "slug", "teaser", "teaser_de", "teaser_en", "kind", "image",
            "image_alt", "image_alt_de", "image_alt_en", "published_at", "sample_values",
        )  # fmt: skip

    def for_feeds(self):
        """What a feed item carries (news/feeds.py): no bodies, images or contacts, and of its projects the titles.

        The texts by language only: modeltranslation reads "title" from title_de or title_en, never from the base
        column that only("title") would load as well.
        """
        projects = Project.objects.published().only("title_de", "title_en")
        fields = (
            "title_de", "title_en", "slug", "teaser_de", "teaser_en", "kind", "author_de", "author_en", "published_at",
            "updated", "sample_values",
        )  # fmt: skip
        return (
            self.prefetch_related(Prefetch("projects", queryset=projects, to_attr="public_projects"))
            .only(*fields)
            .order_by("-published_at", "-pk")
        )

    def for_project(self, project):
        return self.filter(projects=project)

    def for_field(self, field):
        # A semi-join, not DISTINCT over a join: the newest items can come straight from the published_at index.
        return self.filter(pk__in=self.model.projects.through.objects.filter(project__field=field).values("newsitem"))


class NewsItem(SearchVectorNotValidated, models.Model):
    class Kind(models.TextChoices):
        PROGRESS_REPORT = "progress_report", _("Fortschrittsbericht")
        PRESS_RELEASE = "press_release", _("Pressemitteilung")
        ANNOUNCEMENT = "announcement", _("Ankündigung")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        PUBLISHED = "published", _("veröffentlicht")

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=200, unique=True)
    teaser = models.CharField(
        _("Anreißer"), max_length=400, help_text=_("Ein bis zwei Sätze für Übersichten und E-Mails.")
    )
    body = models.TextField(
        _("Text"), blank=True, help_text=_("Markdown: **fett**, *kursiv*, ## Überschrift, - Liste, [Link](https://…)")
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, default=Kind.PROGRESS_REPORT)
    projects = models.ManyToManyField(Project, verbose_name=_("Projekte"), related_name="news_items", blank=True)
    author = models.CharField(
        _("Autor"),
        max_length=200,
        # Lazy, so that the English author's default is the office's English name.
        default=_("Referat Digitalisierung und Innovation"),
        help_text=_("Eine Stelle oder eine Person."),
    )
    press_email = models.EmailField(
        _("Pressekontakt (E-Mail)"),
        blank=True,
        help_text=_("Antworten auf die E-Mail zur Meldung gehen hierhin; leer: der Pressekontakt des Projekts."),
    )
    image = models.ImageField(_("Bild"), upload_to="news/", blank=True)
    image_alt = models.CharField(_("Alternativtext des Bildes"), max_length=300, blank=True)
    image_credit = models.CharField(_("Bildnachweis"), max_length=200, blank=True)
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("Veröffentlichung"),
        null=True,
        blank=True,
        help_text=_("Liegt der Zeitpunkt in der Zukunft, erscheint die Meldung erst dann."),
    )
    sample_values = models.BooleanField(
        _("Beispielwerte"),
        default=False,
        help_text=_(
            "Angekreuzt, wenn Zahlen, Termine oder Einzelheiten der Meldung Beispielwerte sind (Demo-Inhalt): Seiten, "
            "Listen, Feeds und API kennzeichnen sie dann."
        ),
    )
    created = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated = models.DateTimeField(_("geändert"), auto_now=True)
    # Filled by a database trigger on PostgreSQL (migration 0002); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = WithoutSearchVector.from_queryset(NewsItemQuerySet)()

    class Meta:
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False), name="news_published_has_time"
            ),
            models.CheckConstraint(condition=Q(image="") | ~Q(image_alt=""), name="news_image_has_alt_text"),
        ]
        indexes = [models.Index(fields=["status", "published_at"]), models.Index(fields=["kind", "published_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("news:detail", self.slug)

    @property
    def kind_label(self):
        """get_kind_display without building the choices anew: a list shows it on every card."""
        return NewsItem.Kind(self.kind).label

    def clean(self):
        errors = {}
        if self.status == self.Status.PUBLISHED and not self.published_at:
            errors["published_at"] = _("Eine veröffentlichte Meldung braucht einen Zeitpunkt der Veröffentlichung.")
        if self.image and not self.image_alt.strip():
            errors["image_alt"] = _("Ein Bild braucht einen Alternativtext.")
        if errors:
            raise ValidationError(errors)

    @property
    def body_html(self):
        return render_markdown(self.body)

    @property
    def body_text(self):
        return markdown_text(self.body)

    @property
    def topic(self) -> str:
        """What the report is about, for email subjects: its one project, else its one field, else its kind."""
        projects = list(self.projects.all())
        if len(projects) == 1:
            return projects[0].title
        fields = {project.field for project in projects}
        if len(fields) == 1:
            return fields.pop().name
        return self.get_kind_display()

    @property
    def press_contact(self) -> str:
        """Where a journalist's reply goes: the item's press contact, its project's, or the programme's press office."""
        project_contacts = {project.press_email for project in self.projects.all()} - {""}
        if self.press_email:
            return self.press_email
        if len(project_contacts) == 1:
            return project_contacts.pop()
        return site_identity().reply_to

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


# A project page's news section, each read compiled once (kaiserslautern_portal.lib.prepared).
LATEST_SHOWN = 5
PROJECT_NEWS = Prepared(
    lambda project, now: (
        NewsItem.objects.public(now).for_project(project).for_cards().prefetch_related(None)[:LATEST_SHOWN]
    )
)
PROJECT_NEWS_PROJECTS = Prepared(
    lambda project, now: (
        card_projects()
        .filter(news_items__in=PROJECT_NEWS.build(project, now).values("pk"))
        .annotate(card_item=F("news_items"))
    )
)


def latest_about_project(project_id: int, now: datetime.datetime) -> list[NewsItem]:
    """The newest public items about a project, each with its `public_projects` as NewsItemQuerySet.for_cards()
    prefetches them."""
    items = PROJECT_NEWS(project_id, now)
    projects = {item.pk: [] for item in items}
    for project in PROJECT_NEWS_PROJECTS(project_id, now) if items else ():
        projects[project.card_item].append(project)
    for item in items:
        item.public_projects = projects[item.pk]
    return items


class ProgressUpdate(models.Model):
    """New progress and status a progress report carries for one of its projects, applied when it goes public."""

    news_item = models.ForeignKey(
        NewsItem, verbose_name=_("Meldung"), on_delete=models.CASCADE, related_name="progress_updates"
    )
    project = models.ForeignKey(Project, verbose_name=_("Projekt"), on_delete=models.CASCADE, related_name="+")
    progress = models.PositiveSmallIntegerField(_("neuer Fortschritt in Prozent"), validators=[MaxValueValidator(100)])
    status = models.CharField(_("neuer Status"), max_length=20, choices=Project.Status.choices)
    applied_at = models.DateTimeField(_("übernommen am"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Fortschrittsangabe")
        verbose_name_plural = _("Fortschrittsangaben (werden bei Veröffentlichung ins Projekt übernommen)")
        constraints = [
            models.UniqueConstraint(fields=["news_item", "project"], name="one_update_per_project_and_report"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="update_progress_at_most_100"),
        ]

    def __str__(self):
        return f"{self.project}: {self.progress} %"

    def clean(self):
        """Refuse values the project itself would refuse, before the report goes out."""
        if self.project_id is None or self.progress is None or not self.status:
            return
        project = Project.objects.get(pk=self.project_id)
        project.progress, project.status = self.progress, self.status
        if self.status == Project.Status.COMPLETED and not project.actual_end_date:
            project.actual_end_date = timezone.localdate()
        try:
            project.full_clean(exclude=["slug"])
        except ValidationError as error:
            raise ValidationError(
                _("Das Projekt ließe sich mit diesen Werten nicht speichern: %(errors)s"),
                params={"errors": " ".join(error.messages)},
            ) from None


class ProgrammeReportQuerySet(models.QuerySet):
    def public(self, now=None):
        """Published with their snapshot frozen; a scheduled report becomes published through report_publish_due."""
        return self.filter(status=ProgrammeReport.Status.PUBLISHED, published_at__lte=now or timezone.now())

    def due(self, now: datetime.datetime):
        return self.filter(status=ProgrammeReport.Status.SCHEDULED, published_at__lte=now)

    def with_summary(self):
        """Without the (large) snapshot, but with what report_summary needs of it, as `summary`."""
        return self.defer("snapshot").annotate(
            summary=JSONObject(
                programme=KeyTransform("programme", "snapshot"), counts=KeyTransform("counts", "snapshot")
            )
        )

    def for_lists(self):
        return self.with_summary().prefetch_related("errata").order_by("-period_end", "-pk")


class ProgrammeReport(models.Model):
    """A dated report on the whole programme: its content is generated from the data and frozen at publication."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        SCHEDULED = "scheduled", _("geplant")
        PUBLISHED = "published", _("veröffentlicht")

    title = models.CharField(_("Titel"), max_length=200, help_text=_("z. B. „Programmbericht 3. Quartal 2026“"))
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=200, unique=True)
    period_start = models.DateField(_("Berichtszeitraum von"))
    period_end = models.DateField(_("Berichtszeitraum bis"))
    foreword = models.TextField(
        _("Vorwort"),
        blank=True,
        help_text=_("Markdown: **fett**, *kursiv*, ## Überschrift, - Liste, [Link](https://…)"),
    )
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("Veröffentlichung"),
        null=True,
        blank=True,
        help_text=_("Liegt der Zeitpunkt in der Zukunft, erscheint der Bericht erst dann."),
    )
    # Written once, when the report goes public (news.services.report_freeze); never edited afterwards.
    snapshot = models.JSONField(_("Inhalt zum Zeitpunkt der Veröffentlichung"), null=True, blank=True, editable=False)
    frozen_at = models.DateTimeField(_("Inhalt festgeschrieben am"), null=True, blank=True, editable=False)
    created = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated = models.DateTimeField(_("geändert"), auto_now=True)

    objects = ProgrammeReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("Programmbericht")
        verbose_name_plural = _("Programmberichte")
        ordering = ["-period_end", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="report_period_not_reversed"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False), name="report_published_has_time"
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(snapshot__isnull=False, frozen_at__isnull=False),
                name="report_published_is_frozen",
            ),
        ]
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:report", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("Das Ende des Zeitraums darf nicht vor seinem Beginn liegen.")
        if self.status != self.Status.DRAFT and not self.published_at:
            errors["published_at"] = _("Ein veröffentlichter Bericht braucht einen Zeitpunkt der Veröffentlichung.")
        elif self.published_at and self.period_end and timezone.localdate(self.published_at) <= self.period_end:
            errors["published_at"] = _("Ein Bericht erscheint erst nach dem Ende seines Zeitraums.")
        if errors:
            raise ValidationError(errors)

    @property
    def foreword_html(self):
        return render_markdown(self.foreword)

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.published_at is not None


class ReportErratum(models.Model):
    """A correction of a published report, shown with its date above the report; the frozen content stays as it was."""

    report = models.ForeignKey(
        ProgrammeReport, verbose_name=_("Programmbericht"), on_delete=models.CASCADE, related_name="errata"
    )
    date = models.DateField(_("berichtigt am"), default=timezone.localdate)
    text = models.TextField(_("Berichtigung"), help_text=_("Was falsch war und was richtig ist."))
    created = models.DateTimeField(_("angelegt"), auto_now_add=True)

    class Meta:
        verbose_name = _("Berichtigung")
        verbose_name_plural = _("Berichtigungen")
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.report} ({self.date})"
