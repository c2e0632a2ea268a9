import datetime

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext

from kaiserslautern_portal.lib.cache import cache_public_page
from kaiserslautern_portal.lib.display import date_cell, decimal_text, time_tag, tr, translated
from kaiserslautern_portal.lib.paging import countless_page
from kaiserslautern_portal.lib.staff import lacks_second_factor, second_factor_setup

from .charts import (
    budget_bars,
    field_timeline,
    indicator_chart,
    project_timeline,
    schedule_bars,
    status_bars,
    step_chart,
)
from .forms import ProjectFilterForm
from .models import (
    FieldOfAction,
    Indicator,
    Milestone,
    Project,
    describe_slip,
    programme_totals,
    project_for_page,
    timeline_months,
)

PAGE_SIZE = 12
# The project list counts its matches up to here and says "more than" beyond: the count stays bounded at any size.
COUNT_LIMIT = 100
# What the start page's list of late projects shows (title, link, slip).
LATE_LIST_FIELDS = [
    "title", "title_de", "title_en", "slug", "status", "baseline_end_date", "planned_end_date", "actual_end_date",
    "sample_values",
]  # fmt: skip


def paginate(request, queryset, per_page=PAGE_SIZE):
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("seite", 1))
    except InvalidPage:
        raise Http404 from None


@cache_public_page
def home(request):
    today = timezone.localdate()
    published = Project.objects.published()
    by_status = list(published.by_status())
    counts = {row["status"]: row["count"] for row in by_status}
    fields = list(FieldOfAction.objects.with_programme(today))
    context = {
        "totals": programme_totals(by_status),
        "status_counts": [(status, counts.get(status.value, 0)) for status in Project.Status],
        "fields": fields,
        "late_count": sum(field.late_count for field in fields),
        "status_chart": status_bars(counts),
        "schedule_chart": schedule_bars(fields),
        "budget_chart": budget_bars(
            [(f.name, f.get_absolute_url(), f.colour, f.budget_total, f.spent_total) for f in fields]
        ),
        "timeline": field_timeline(fields, timeline_months(today), today=today),
        "upcoming": Milestone.objects.upcoming(today)[:6],
        "overdue": Milestone.objects.overdue(today, since=today - datetime.timedelta(days=90))[:6],
        "late": published.late(today)
        .only(*LATE_LIST_FIELDS)
        .with_latest_reason()
        .order_by("planned_end_date", "title", "pk")[:6],
        "late_filter": ProjectFilterForm.LATE,
    }
    return render(request, "projects/home.html", context)


@cache_public_page(query=("seite", *ProjectFilterForm.base_fields))
def project_list(request):
    form = ProjectFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "projects/project_list.html", {"form": form, "page": None}, status=400)
    projects = form.filter(Project.objects.published().for_cards(), today=timezone.localdate())
    context = {
        "form": form,
        "page": countless_page(request, projects, PAGE_SIZE),
        "found": projects.order_by().values("pk")[: COUNT_LIMIT + 1].count(),
        "count_limit": COUNT_LIMIT,
    }
    return render(request, "projects/project_list.html", context)


def can_preview(user):
    return user.is_staff and user.has_perm("projects.view_project")


def milestone_rows(milestones, today):
    """What the project page shows of each milestone, twice (timeline and schedule table), computed once in Python:
    a template filter or property per value and milestone made up most of the page's rendering time."""
    rows = []
    for milestone in milestones:
        state = milestone.state_on(today)
        title = tr(milestone, "title")
        rows.append(
            {
                "state": state,
                "state_label": Milestone.State(state).label,
                "title": title,
                # The schedule table's row header, as {% blocktranslate %} would write it: the title escaped.
                "heading": translated(gettext("Meilenstein „%(title)s“"), title=title),
                "description": tr(milestone, "description") if milestone.description else "",
                "baseline": date_cell(milestone.baseline_due_date),
                "due": time_tag(milestone.due_date),
                "completed": time_tag(milestone.completed_on),
                "slip": describe_slip(*milestone.delay_on(today)) or "–",
            }
        )
    return rows


def indicator_panel(indicator):
    """What the project page shows of an outcome indicator: its chart, its summary and its table's rows, every value
    ready to show (as milestone_rows)."""
    series = indicator.series
    unit = Indicator.Unit(indicator.unit).label  # get_unit_display hashes every label of the choices anew
    latest = series[-1] if series else None
    return {
        "indicator": indicator,
        "chart": indicator_chart(
            [(value.date, value.value) for value in series],
            baseline=(indicator.baseline_date, indicator.baseline_value),
            target=(indicator.target_date, indicator.target_value),
            y_max=100 if indicator.unit == Indicator.Unit.PERCENT else None,
        ),
        "unit": unit,
        "summary": translated(
            gettext(
                "Ausgangswert %(baseline)s am %(baseline_date)s, Ziel %(target)s bis %(target_date)s "
                "(Einheit: %(unit)s)."
            ),
            baseline=decimal_text(indicator.baseline_value),
            baseline_date=date_format(indicator.baseline_date, "DATE_FORMAT"),
            target=decimal_text(indicator.target_value),
            target_date=date_format(indicator.target_date, "DATE_FORMAT"),
            unit=unit,
        ),
        "latest": latest
        and translated(
            gettext("Zuletzt gemessen: %(value)s am %(date)s."),
            value=decimal_text(latest.value),
            date=date_format(latest.date, "DATE_FORMAT"),
        ),
        "rows": [
            (date_cell(indicator.baseline_date), decimal_text(indicator.baseline_value), gettext("Ausgangswert")),
            *(
                (
                    date_cell(value.date),
                    decimal_text(value.value),
                    format_html("{}: {}", gettext("Messwert"), tr(value, "note"))
                    if value.note
                    else gettext("Messwert"),
                )
                for value in series
            ),
            (date_cell(indicator.target_date), decimal_text(indicator.target_value), gettext("Zielwert")),
        ],
    }


def history_rows(entries):
    """The progress history table's rows, each value ready to show (as milestone_rows)."""
    return [
        {"date": time_tag(entry.recorded_at), "progress": entry.progress, "status": Project.Status(entry.status).label}
        for entry in entries
    ]


@cache_public_page
def project_detail(request, slug):
    project = project_for_page(slug)
    if project is None:
        raise Http404
    if not project.is_published:
        if not can_preview(request.user):
            raise Http404
        if lacks_second_factor(request.user):
            return second_factor_setup(request)
    today = timezone.localdate()
    entries = list(project.progress_entries.all())
    chart = step_chart([(timezone.localdate(e.recorded_at), e.progress) for e in entries], until=today)
    indicators = [indicator_panel(indicator) for indicator in project.indicators.all()]
    context = {
        "project": project,
        "milestones": milestone_rows(project.milestones.all(), today),
        "entries": history_rows(entries),
        "chart": chart,
        "date_changes": project.date_changes.all(),
        "indicators": indicators,
    }
    return render(request, "projects/project_detail.html", context)


@cache_public_page(query=("seite",))
def field_detail(request, slug):
    today = timezone.localdate()
    field = get_object_or_404(FieldOfAction.objects.with_programme(today), slug=slug)
    projects = field.projects.published()
    counts = {row["status"]: row["count"] for row in projects.by_status()}
    # Besides the cards, the budget chart and the timeline of the page's projects.
    cards = projects.for_cards("start_date", "budget", "spent").with_milestones()
    page = paginate(request, cards.order_by("title", "pk"))
    context = {
        "field": field,
        "page": page,
        "status_chart": status_bars(counts),
        "schedule_chart": schedule_bars([field]),
        # The page's projects: money and dates of the twelve shown, however large the field.
        "budget_chart": budget_bars([(p.title, p.get_absolute_url(), field.colour, p.budget, p.spent) for p in page]),
        "timeline": project_timeline(page, today=today),
    }
    return render(request, "projects/field_detail.html", context)
