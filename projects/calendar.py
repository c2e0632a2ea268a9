"""Milestones as iCalendar (RFC 5545), so journalists can subscribe to the programme's dates."""

import datetime

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from kaiserslautern_portal.lib.cache import cache_public_page
from kaiserslautern_portal.lib.identity.current import site_identity

from .models import SAMPLE_VALUES_NOTE, Milestone, Project

CALENDAR_SIZE = 500


def milestones_calendar(milestones, *, name: str) -> bytes:
    calendar = icalendar.Calendar()
    identity = site_identity()
    calendar.add("prodid", f"-//{identity.operator_name}//{identity.programme_name}//DE")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    host = settings.SITE_URL.split("://", 1)[-1]
    for milestone in milestones:
        event = icalendar.Event()
        event.add("uid", f"milestone-{milestone.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", milestone.due_date)
        event.add("dtend", milestone.due_date + datetime.timedelta(days=1))
        event.add("summary", f"{milestone.project.title}: {milestone.title}")
        notes = [milestone.description, SAMPLE_VALUES_NOTE if milestone.project.sample_values else ""]
        if description := "\n\n".join(str(note) for note in notes if note):
            event.add("description", description)
        event.add("url", settings.SITE_URL + milestone.project.get_absolute_url())
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@cache_public_page
def all_milestones(request):
    upcoming = Milestone.objects.upcoming(timezone.localdate())[:CALENDAR_SIZE]
    name = _("Meilensteine – %(site)s") % {"site": site_identity().name}
    return ics_response(milestones_calendar(upcoming, name=name), "meilensteine.ics")


@cache_public_page
def project_milestones(request, slug):
    project = get_object_or_404(Project.objects.published(), slug=slug)
    upcoming = Milestone.objects.upcoming(timezone.localdate()).filter(project=project)[:CALENDAR_SIZE]
    name = _("Meilensteine: %(title)s") % {"title": project.title}
    return ics_response(milestones_calendar(upcoming, name=name), f"meilensteine-{project.slug}.ics")
