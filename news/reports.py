"""The content of a programme report, generated from the data: plain JSON, so that it can be frozen at publication.

The state "at the period's end" is rebuilt from the records: status and progress from the progress history, planned
dates from the date changes (each change says what was planned before and after it). Budget and spending have no
history; spending counts only where its as-of date lies within the period. Texts are stored in both languages
(`<name>_de`, `<name>_en`); `localized` picks the reader's. A fixed number of queries, whatever the programme's size.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext

from projects.models import DateChange, FieldOfAction, Indicator, IndicatorValue, Milestone, ProgressEntry, Project

from .models import NewsItem, ProgrammeReport

SNAPSHOT_VERSION = 1
REPORTED_NEWS = (NewsItem.Kind.PROGRESS_REPORT, NewsItem.Kind.PRESS_RELEASE)
PERIOD_EVENTS = ("started", "completed", "paused", "stopped")


def start_of(day: datetime.date) -> datetime.datetime:
    """Local midnight at the beginning of `day`, as an aware moment."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def money(value: Decimal | None) -> float | None:
    return None if value is None else float(round(value, 2))


def iso(value) -> str | None:
    return None if value is None else value.isoformat()


def both(obj, name: str) -> dict:
    """A translated field in both languages; English falls back to German like the pages do."""
    german = getattr(obj, f"{name}_de") or getattr(obj, name)
    return {f"{name}_de": german, f"{name}_en": getattr(obj, f"{name}_en") or german}


def date_as_of(current, changes: list[DateChange], moment: datetime.datetime):
    """A planned date as it stood at `moment`: after the last change before it, or before the first one after it."""
    before = [change for change in changes if change.changed_at < moment]
    if before:
        return before[-1].new_date
    return changes[0].old_date if changes else current


def project_ref(project: Project) -> dict:
    return {"slug": project.slug, **both(project, "title")}


def state_at_end(
    project: Project, entries: list[ProgressEntry], end_changes: list[DateChange], *, start, day_after
) -> dict:
    """One project's row of the report: its state at the end of the period, and its progress at the start."""
    start_moment, end_moment = start_of(start), start_of(day_after)
    at_start = [entry for entry in entries if entry.recorded_at < start_moment]
    at_end = [entry for entry in entries if entry.recorded_at < end_moment]
    last = at_end[-1] if at_end else None
    status, progress = (last.status, last.progress) if last else (project.status, project.progress)
    actual_end = project.actual_end_date if project.actual_end_date and project.actual_end_date < day_after else None
    planned_end = date_as_of(project.planned_end_date, end_changes, end_moment)
    finished = status in Project.FINISHED or actual_end is not None
    baseline = project.baseline_end_date
    slip = ((actual_end or planned_end) - baseline).days if baseline and (actual_end or planned_end) else None
    late = not finished and ((planned_end is not None and planned_end < day_after) or (slip or 0) > 0)
    spent_counts = project.spent_as_of is not None and project.spent_as_of < day_after
    return {
        **project_ref(project),
        "field": project.field.slug,
        "status": status,
        "progress": progress,
        "status_at_start": at_start[-1].status if at_start else None,
        "progress_at_start": at_start[-1].progress if at_start else None,
        "baseline_end": iso(baseline),
        "planned_end": iso(planned_end),
        "actual_end": iso(actual_end),
        "slip_days": slip,
        "late": late,
        "budget": money(project.budget),
        "spent": money(project.spent) if spent_counts else None,
        "spent_as_of": iso(project.spent_as_of) if spent_counts else None,
    }


def totals(rows: list[dict]) -> dict:
    """Projects by status, on time and late, average progress, budget planned and spent with the as-of dates."""
    by_status = dict.fromkeys(Project.Status.values, 0)
    for row in rows:
        by_status[row["status"]] += 1
    unfinished = [row for row in rows if row["status"] not in Project.FINISHED and not row["actual_end"]]
    budgets = [row["budget"] for row in rows if row["budget"] is not None]
    spent = [row for row in rows if row["spent"] is not None]
    as_of = sorted(row["spent_as_of"] for row in spent)
    return {
        "projects": len(rows),
        "by_status": by_status,
        "late": sum(row["late"] for row in unfinished),
        "on_time": sum(not row["late"] for row in unfinished),
        "average_progress": round(sum(row["progress"] for row in rows) / len(rows), 1) if rows else None,
        "budget": round(sum(budgets), 2) if budgets else None,
        "budget_projects": len(budgets),
        "spent": round(sum(row["spent"] for row in spent), 2) if spent else None,
        "spent_projects": len(spent),
        "spent_as_of_earliest": as_of[0] if as_of else None,
        "spent_as_of_latest": as_of[-1] if as_of else None,
    }


def status_events(rows: list[dict], entries: dict[int, list[ProgressEntry]], projects, start, day_after) -> dict:
    """Projects started (start date), completed (actual end), paused or stopped (a change of status) in the period."""
    inside = {"started": [], "completed": [], "paused": [], "stopped": []}
    start_moment, end_moment = start_of(start), start_of(day_after)
    for project, row in zip(projects, rows, strict=True):
        if project.start_date and start <= project.start_date < day_after:
            inside["started"].append(project_ref(project))
        if row["actual_end"] and start <= datetime.date.fromisoformat(row["actual_end"]):
            inside["completed"].append(project_ref(project))
        previous, changed = None, {}
        for entry in entries[project.pk]:
            inside_period = start_moment <= entry.recorded_at < end_moment
            if (
                inside_period
                and entry.status != previous
                and entry.status in (Project.Status.PAUSED, Project.Status.STOPPED)
            ):
                # The first such change of the period counts.
                changed.setdefault(entry.status, timezone.localdate(entry.recorded_at))
            previous = entry.status
        for status, day in changed.items():
            inside[status].append({**project_ref(project), "date": iso(day)})
    return inside


def milestone_events(projects_by_pk, milestone_changes, start, day_after) -> tuple[list, list]:
    """Milestones reached in the period, and those that fell due in it without being reached by its end."""
    reached, overdue = [], []
    end_moment = start_of(day_after)
    for milestone in Milestone.objects.filter(project__in=list(projects_by_pk)).order_by("due_date", "pk"):
        project = projects_by_pk[milestone.project_id]
        ref = {"project": project_ref(project), **both(milestone, "title")}
        if milestone.completed_on and start <= milestone.completed_on < day_after:
            reached.append({**ref, "date": iso(milestone.completed_on)})
            continue
        due = date_as_of(milestone.due_date, milestone_changes.get(milestone.pk, []), end_moment)
        done_by_end = milestone.completed_on is not None and milestone.completed_on < day_after
        if start <= due < day_after and not done_by_end:
            overdue.append({**ref, "due_date": iso(due)})
    reached.sort(key=lambda row: (row["date"], row["project"]["slug"]))
    overdue.sort(key=lambda row: (row["due_date"], row["project"]["slug"]))
    return reached, overdue


def indicator_rows(projects_by_pk, day_after) -> list[dict]:
    """Each indicator's latest value by the period's end, against its baseline and target."""
    indicators = Indicator.objects.filter(project__in=list(projects_by_pk), baseline_date__lt=day_after).order_by(
        "project__title", "project__pk", "order", "pk"
    )
    values = defaultdict(list)
    for value in IndicatorValue.objects.filter(indicator__in=indicators, date__lt=day_after).order_by("date", "pk"):
        values[value.indicator_id].append(value)
    rows = []
    for indicator in indicators:
        latest = values[indicator.pk][-1] if values[indicator.pk] else None
        value = latest.value if latest else indicator.baseline_value
        way = indicator.target_value - indicator.baseline_value
        rows.append(
            {
                "project": project_ref(projects_by_pk[indicator.project_id]),
                **both(indicator, "name"),
                "unit": indicator.unit,
                "baseline_value": money(indicator.baseline_value),
                "baseline_date": iso(indicator.baseline_date),
                "target_value": money(indicator.target_value),
                "target_date": iso(indicator.target_date),
                "value": money(value),
                "value_date": iso(latest.date) if latest else iso(indicator.baseline_date),
                # How much of the way from baseline to target is covered; None when they coincide.
                "share_of_way": round(float(100 * (value - indicator.baseline_value) / way)) if way else None,
            }
        )
    return rows


def comparison(rows: list[dict], programme: dict, previous: ProgrammeReport | None) -> dict:
    """What improved and what slipped since the previous published report, project by project."""
    if previous is None:
        return {"previous": None, "improved": [], "slipped": [], "changes": {}}
    before = {row["slug"]: row for row in previous.snapshot["projects"]}
    improved, slipped = [], []
    for row in rows:
        old = before.get(row["slug"])
        if old is None:
            continue
        ref = {"slug": row["slug"], "title_de": row["title_de"], "title_en": row["title_en"]}
        better, worse = [], []
        if row["progress"] > old["progress"]:
            better.append({"what": "progress", "from": old["progress"], "to": row["progress"]})
        if row["status"] == Project.Status.COMPLETED and old["status"] != Project.Status.COMPLETED:
            better.append({"what": "completed"})
        if old["late"] and not row["late"] and row["status"] != Project.Status.STOPPED:
            better.append({"what": "on_time"})
        if row["late"] and not old["late"]:
            worse.append({"what": "late"})
        if row["planned_end"] and old["planned_end"] and row["planned_end"] > old["planned_end"]:
            days = (
                datetime.date.fromisoformat(row["planned_end"]) - datetime.date.fromisoformat(old["planned_end"])
            ).days
            worse.append({"what": "end_moved", "from": old["planned_end"], "to": row["planned_end"], "days": days})
        if row["status"] in (Project.Status.PAUSED, Project.Status.STOPPED) and row["status"] != old["status"]:
            worse.append({"what": row["status"]})
        if row["progress"] < old["progress"]:
            worse.append({"what": "progress", "from": old["progress"], "to": row["progress"]})
        if better:
            improved.append({**ref, "changes": better})
        if worse:
            slipped.append({**ref, "changes": worse})
    old_programme = previous.snapshot["programme"]

    def delta(name):
        new, old = programme[name], old_programme[name]
        return None if new is None or old is None else round(new - old, 1)

    return {
        "previous": {
            "slug": previous.slug,
            **both(previous, "title"),
            "period_start": iso(previous.period_start),
            "period_end": iso(previous.period_end),
        },
        "improved": improved,
        "slipped": slipped,
        "changes": {
            "average_progress": delta("average_progress"),
            "late": delta("late"),
            "completed": programme["by_status"]["completed"] - old_programme["by_status"]["completed"],
            "projects": programme["projects"] - old_programme["projects"],
        },
    }


def previous_report(report: ProgrammeReport) -> ProgrammeReport | None:
    """The latest published report whose period ended before this one's."""
    return (
        ProgrammeReport.objects.public()
        .filter(period_end__lt=report.period_end)
        .exclude(pk=report.pk)
        .order_by("-period_end", "-pk")
        .first()
    )


def report_content(report: ProgrammeReport, *, now: datetime.datetime | None = None) -> dict:
    """The report's full content from the data as it stands now: what report_freeze stores at publication."""
    start, end = report.period_start, report.period_end
    day_after = end + datetime.timedelta(days=1)
    end_moment = start_of(day_after)
    candidates = list(Project.objects.published().select_related("field").order_by("field__order", "title", "pk"))
    entries = defaultdict(list)
    for entry in ProgressEntry.objects.filter(project__in=candidates).order_by("recorded_at", "pk"):
        entries[entry.project_id].append(entry)
    end_changes, milestone_changes = defaultdict(list), defaultdict(list)
    changes_in_period = []
    for change in (
        DateChange.objects.filter(project__in=candidates).select_related("milestone").order_by("changed_at", "pk")
    ):
        if change.kind == DateChange.Kind.END:
            end_changes[change.project_id].append(change)
        elif change.milestone_id:
            milestone_changes[change.milestone_id].append(change)
        if start_of(start) <= change.changed_at < end_moment:
            changes_in_period.append(change)
    # A project belongs to the report once it has a history by the period's end (or none at all yet, but existed).
    projects = [
        project
        for project in candidates
        if any(entry.recorded_at < end_moment for entry in entries[project.pk])
        or (not entries[project.pk] and project.created < end_moment)
    ]
    projects_by_pk = {project.pk: project for project in projects}
    rows = [state_at_end(p, entries[p.pk], end_changes[p.pk], start=start, day_after=day_after) for p in projects]
    events = status_events(rows, entries, projects, start, day_after)
    reached, overdue = milestone_events(projects_by_pk, milestone_changes, start, day_after)
    progress_changes = [
        {"slug": row["slug"], "title_de": row["title_de"], "title_en": row["title_en"],
         "from": row["progress_at_start"] or 0, "to": row["progress"]}
        for row in rows
        if (row["progress_at_start"] or 0) != row["progress"]
    ]  # fmt: skip
    date_changes = [
        {
            "project": project_ref(projects_by_pk[change.project_id]),
            "kind": change.kind,
            "milestone": both(change.milestone, "title") if change.milestone else None,
            "old_date": iso(change.old_date),
            "new_date": iso(change.new_date),
            "shift_days": change.shift_days,
            "reason": change.reason,
            "changed_on": iso(timezone.localdate(change.changed_at)),
        }
        for change in changes_in_period
        if change.project_id in projects_by_pk
    ]
    news = [
        {"slug": item.slug, **both(item, "title"), "kind": item.kind, "published_at": iso(item.published_at)}
        for item in NewsItem.objects.public(now)
        .filter(kind__in=REPORTED_NEWS, published_at__gte=start_of(start), published_at__lt=end_moment)
        .order_by("published_at", "pk")
    ]
    programme = totals(rows)
    period_events = {
        **events,
        "milestones_reached": reached,
        "milestones_overdue": overdue,
        "date_changes": date_changes,
        "progress_changes": progress_changes,
        "indicators": indicator_rows(projects_by_pk, day_after),
        "news": news,
    }
    fields = []
    for field in FieldOfAction.objects.order_by("order", "name", "pk"):
        field_rows = [row for row in rows if row["field"] == field.slug]
        if not field_rows:
            continue
        slugs = {row["slug"] for row in field_rows}
        fields.append(
            {
                "slug": field.slug,
                **both(field, "name"),
                "colour": field.colour,
                **totals(field_rows),
                "period": {
                    **{name: sum(ref["slug"] in slugs for ref in events[name]) for name in PERIOD_EVENTS},
                    "milestones_reached": sum(row["project"]["slug"] in slugs for row in reached),
                    "milestones_overdue": sum(row["project"]["slug"] in slugs for row in overdue),
                    "date_changes": sum(row["project"]["slug"] in slugs for row in date_changes),
                },
            }
        )
    return {
        "version": SNAPSHOT_VERSION,
        "generated_at": iso(now or timezone.now()),
        "period": {"start": iso(start), "end": iso(end)},
        "programme": programme,
        "fields": fields,
        "projects": rows,
        "period_events": period_events,
        # The length of each list of events: archive, feed and emails read these, not the lists.
        "counts": {name: len(items) for name, items in period_events.items()},
        "comparison": comparison(rows, programme, previous_report(report)),
    }


def localized(data, language: str):
    """The snapshot for one reader: every `<name>_de`/`<name>_en` pair also as `<name>` in their language."""
    if isinstance(data, list):
        return [localized(item, language) for item in data]
    if not isinstance(data, dict):
        return data
    result = {key: localized(value, language) for key, value in data.items()}
    for key in data:
        if key.endswith("_de"):
            name = key[:-3]
            result[name] = data.get(f"{name}_{language}") or data[key]
    return result


def report_summary(report: ProgrammeReport) -> str:
    """The report's key numbers as one paragraph in the active language, for feeds and emails."""
    content = getattr(report, "summary", None) or report.snapshot or report_content(report)
    programme, counts = content["programme"], content["counts"]
    average = programme["average_progress"]
    text = gettext(
        "Vom %(start)s bis %(end)s: %(projects)s Projekte, im Durchschnitt zu %(progress)s %% umgesetzt, davon "
        "%(late)s im Verzug. Im Zeitraum begonnen: %(started)s, abgeschlossen: %(completed)s; "
        "%(reached)s Meilensteine erreicht, %(changes)s Termine verschoben."
    )
    return text % {
        "start": date_format(report.period_start, "DATE_FORMAT"),
        "end": date_format(report.period_end, "DATE_FORMAT"),
        "projects": programme["projects"],
        "progress": number_format(average, decimal_pos=1) if average is not None else "–",
        "late": programme["late"],
        "started": counts["started"],
        "completed": counts["completed"],
        "reached": counts["milestones_reached"],
        "changes": counts["date_changes"],
    }
