import datetime

from django.db import transaction

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
    """Set a project's progress and status, validated, and record the change in its history."""
    project.progress = progress
    project.status = status
    project.full_clean()
    project.save(update_fields=["progress", "status", "updated"])
    progress_record(project=project, at=at)
    return project
