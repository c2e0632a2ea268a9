"""Emails of the projects app, one function per kind, each rendering templates/emails/projects_<name>_subject.txt,
_body.txt and _body.html in the recipient's language."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from kaiserslautern_portal.lib.mail import absolute_url, render_message

from .models import Project


def language_of(user) -> str:
    language = getattr(user, "language", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def send_update_reminder(editor, projects: list[Project], *, today: datetime.date) -> None:
    """The weekly list of projects in an editor's care whose update is overdue, with links to edit them."""
    language = language_of(editor)
    with translation.override(language):
        items = [
            {
                "project": project,
                "due": project.next_update_due,
                "days_overdue": (today - project.next_update_due).days,
                "public_url": absolute_url(project.get_absolute_url()),
                "edit_url": absolute_url(reverse("admin:projects_project_change", args=[project.pk])),
            }
            for project in projects
        ]
    context = {"editor": editor, "items": items, "today": today}
    render_message("projects_update_reminder", to=editor.email, language=language, context=context).send()
