import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import emails
from .models import DateChange, Milestone, MilestoneMonth, ProgressEntry, Project, ReminderSent


def progress_record(*, project: Project, at: datetime.datetime | None = None) -> ProgressEntry | None:
    """Add a history point when the project's progress or status differs from the last one recorded."""
    last = project.progress_entries.order_by("-recorded_at", "-pk").first()
    if last and (last.progress, last.status) == (project.progress, project.status):
        return None
    entry = ProgressEntry(project=project, progress=project.progress, status=project.status)
    if at is not None:
        entry.recorded_at = at
    entry.save()
    return entry


def _mark_updated(project: Project, day: datetime.date) -> None:
    # A late report (news published with an older date) never moves the last update backwards.
    project.last_update = max(project.last_update or day, day)


@transaction.atomic
def project_update_progress(
    *, project: Project, progress: int, status: str, at: datetime.datetime | None = None
) -> Project:
    """Set a project's progress and status, validated, and record the change in its history.

    Completing a project without an end date ends it on the day of the change. The change counts as an update.
    """
    project.progress = progress
    project.status = status
    fields = ["progress", "status", "last_update", "updated"]
    if status == Project.Status.COMPLETED and not project.actual_end_date:
        project.actual_end_date = timezone.localdate(at)
        fields.append("actual_end_date")
    _mark_updated(project, timezone.localdate(at))
    project.full_clean()
    project.save(update_fields=fields)
    progress_record(project=project, at=at)
    return project


# Where each plan keeps its planned date and the first value of it (the baseline), and how a move is recorded.
PLANNED_DATES = {
    Project: ("planned_end_date", "baseline_end_date", DateChange.Kind.END),
    Milestone: ("due_date", "baseline_due_date", DateChange.Kind.MILESTONE),
}
REASON_REQUIRED = _("Der Termin wurde verschoben: Bitte kurz und öffentlich begründen, warum.")


def planned_date_change(
    *,
    plan: Project | Milestone,
    stored: Project | Milestone | None,
    reason: str = "",
    changed_by=None,
    at: datetime.datetime | None = None,
) -> DateChange | None:
    """The one rule for a planned date (a project's end, a milestone's due date), asked by the admin's forms before
    they save and by project_save and milestone_save when they save.

    The first date given becomes the baseline (set on `plan` here) and needs no reason. Any later change of the
    date is a move: it needs a public reason and is recorded as a DateChange. `plan` carries the new date,
    `stored` is the row as saved (None when new). Returns the validated, unsaved change, or None when nothing
    moved; a move without a reason raises ValidationError on "reason".
    """
    date_field, baseline_field, kind = PLANNED_DATES[type(plan)]
    new_date = getattr(plan, date_field)
    if getattr(plan, baseline_field) is None:
        setattr(plan, baseline_field, new_date)
        return None
    if stored is None or getattr(stored, date_field) == new_date:
        return None
    if not reason.strip():
        raise ValidationError({"reason": REASON_REQUIRED})
    owner = {"project": plan} if kind == DateChange.Kind.END else {"project_id": plan.project_id, "milestone": plan}
    # Editors write the reason in German whatever the admin's language; the English one is added to the change later.
    change = DateChange(
        **owner,
        kind=kind,
        old_date=getattr(stored, date_field),
        new_date=new_date,
        reason_de=reason.strip(),
        changed_at=at or timezone.now(),
        changed_by=changed_by,
    )
    change.full_clean()
    return change


@transaction.atomic
def project_save(
    *,
    project: Project,
    reason: str = "",
    confirmed: bool = False,
    changed_by=None,
    at: datetime.datetime | None = None,
) -> Project:
    """Save a project edited as a whole (the admin form), keeping the record citizens rely on.

    The planned end follows planned_date_change (baseline first, then moves with a public reason). Changing the
    public state (Project.STATE_FIELDS), or `confirmed` by staff, counts as an update. Progress and status changes
    extend the history.
    """
    now = at or timezone.now()
    before = Project.objects.select_for_update().filter(pk=project.pk).first() if project.pk else None
    change = planned_date_change(plan=project, stored=before, reason=reason, changed_by=changed_by, at=now)
    if (
        before is None
        or confirmed
        or any(getattr(before, name) != getattr(project, name) for name in Project.STATE_FIELDS)
    ):
        _mark_updated(project, timezone.localdate(now))
    project.full_clean()
    project.save()
    if change is not None:
        change.save()
    progress_record(project=project, at=at)
    return project


@transaction.atomic
def milestone_save(
    *, milestone: Milestone, reason: str = "", changed_by=None, at: datetime.datetime | None = None
) -> Milestone:
    """Save a milestone; its due date follows planned_date_change. Adding, moving or reaching a milestone counts as
    an update of its project."""
    now = at or timezone.now()
    before = Milestone.objects.select_for_update().filter(pk=milestone.pk).first() if milestone.pk else None
    change = planned_date_change(plan=milestone, stored=before, reason=reason, changed_by=changed_by, at=now)
    milestone.full_clean()
    milestone.save()
    if change is not None:
        change.save()
    if before is None or (before.due_date, before.completed_on) != (milestone.due_date, milestone.completed_on):
        project_mark_updated(project_id=milestone.project_id, at=now)
    return milestone


@transaction.atomic
def project_mark_updated(*, project_id: int, at: datetime.datetime | None = None) -> None:
    """Note that a project's public record changed today through one of its parts (milestones, measured values)."""
    project = Project.objects.select_for_update().get(pk=project_id)
    _mark_updated(project, timezone.localdate(at))
    project.save(update_fields=["last_update"])


def week_of(day: datetime.date) -> datetime.date:
    """The Monday of the ISO week a day belongs to."""
    return day - datetime.timedelta(days=day.weekday())


def update_reminders_send(*, today: datetime.date) -> int:
    """Email each active editor the published projects in their care whose update is overdue, once per week.

    Each editor's reminder is claimed (ReminderSent, unique per editor and week) in the same transaction that sends
    it: a second run in the same week, or a second worker, skips the editor; a failed send frees the claim again.
    Returns the number of emails sent.
    """
    overdue = Project.objects.published().update_overdue(today).order_by("last_update", "title", "pk")
    editors = (
        get_user_model()
        .objects.filter(is_active=True, edited_projects__in=overdue)
        .distinct()
        .order_by("pk")
        .prefetch_related(Prefetch("edited_projects", queryset=overdue, to_attr="overdue_projects"))
    )
    week = week_of(today)
    sent = 0
    for editor in editors:
        with transaction.atomic():
            _claim, created = ReminderSent.objects.get_or_create(
                editor=editor, week=week, defaults={"project_count": len(editor.overdue_projects)}
            )
            if not created:
                continue
            emails.send_update_reminder(editor, editor.overdue_projects, today=today)
            sent += 1
    return sent


def milestone_months_recount() -> int:
    """Counts projects_milestonemonth anew from the milestones, should it have drifted from them: after a restore of
    data only, a load of fixtures that carried the table, or a SQLite migration that rebuilt a table and dropped its
    triggers (migration 0012). Writers wait meanwhile. Returns the number of rows written."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("LOCK TABLE projects_project, projects_milestone IN SHARE MODE")
        MilestoneMonth.objects.all().delete()  # on SQLite, this write takes the database's write lock first
        rows = (
            Milestone.objects.filter(project__is_published=True)
            .annotate(month=TruncMonth("due_date"))
            .values("project__field", "month")
            .annotate(
                done=Count("pk", filter=Q(completed_on__isnull=False)), open=Count("pk", filter=Q(completed_on=None))
            )
            .order_by()
        )
        return len(
            MilestoneMonth.objects.bulk_create(
                MilestoneMonth(field_id=row["project__field"], month=row["month"], done=row["done"], open=row["open"])
                for row in rows
            )
        )
