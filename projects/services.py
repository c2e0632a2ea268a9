import datetime

from django.db import transaction
from django.utils import timezone

from .models import ProgressEntry, Project


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


@transaction.atomic
def project_update_progress(
    *, project: Project, progress: int, status: str, at: datetime.datetime | None = None
) -> Project:
    """Set a project's progress and status, validated, and record the change in its history.

    Completing a project without an end date ends it on the day of the change.
    """
    project.progress = progress
    project.status = status
    fields = ["progress", "status", "updated"]
    if status == Project.Status.COMPLETED and not project.actual_end_date:
        project.actual_end_date = timezone.localdate(at)
        fields.append("actual_end_date")
    project.full_clean()
    project.save(update_fields=fields)
    progress_record(project=project, at=at)
    return project
