import functools

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from kaiserslautern_portal.lib.cache import cache_public_page
from kaiserslautern_portal.lib.paging import countless_page
from kaiserslautern_portal.lib.staff import lacks_second_factor, second_factor_setup
from projects.models import FieldOfAction, Project
from projects.views import PAGE_SIZE, paginate

from .forms import NewsFilterForm
from .models import LATEST_SHOWN, NewsItem, ProgrammeReport, latest_about_project
from .pdf import pdf_available, render_pdf
from .report_charts import bar_chart
from .reports import localized, report_content, report_summary

# A page (and its PDF) shows this many rows of a list; a programme of hundreds of projects is read in the CSV files.
LIST_LIMIT = 100
STATUS_COLOURS = {"planned": "#5c6670", "in_progress": "#0b4f8a", "completed": "#1d6b35", "paused": "#8a5a00",
                  "stopped": "#7a1f1f"}  # fmt: skip


def topic_of(target=None) -> dict:
    """The project or the field of action that a place on the projects app's pages is about, neither on the start
    page: the context of the "topic-feeds" place (filled in NewsConfig.ready)."""
    return {
        "project": target if isinstance(target, Project) else None,
        "field": target if isinstance(target, FieldOfAction) else None,
    }


def latest_news(target=None) -> dict:
    """The newest items about a project, a field of action or (None) the whole programme: the "topic-news" place
    that the projects app's pages offer (filled in NewsConfig.ready)."""
    topic = topic_of(target)
    if topic["project"] is not None:
        return {"items": latest_about_project(topic["project"].pk, timezone.now()), **topic}
    items = NewsItem.objects.public()
    if topic["field"] is not None:
        items = items.for_field(topic["field"])
    return {"items": items.for_cards()[:LATEST_SHOWN], **topic}


@cache_public_page(query=("seite", *NewsFilterForm.base_fields))
def news_list(request):
    form = NewsFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "news/news_list.html", {"form": form, "page": None}, status=400)
    # Ten thousand items and more: a next link instead of page numbers, which would need a count of all of them.
    page = countless_page(request, form.filter(NewsItem.objects.public()).for_cards(), PAGE_SIZE)
    return render(request, "news/news_list.html", {"form": form, "page": page})


def can_preview(user):
    return user.is_staff and user.has_perm("news.view_newsitem")


@cache_public_page
def news_detail(request, slug):
    item = get_object_or_404(NewsItem.objects.for_lists(), slug=slug)
    if not item.is_public:
        if not can_preview(request.user):
            raise Http404
        if lacks_second_factor(request.user):
            return second_factor_setup(request)
    return render(request, "news/news_detail.html", {"item": item})


@cache_public_page(query=("seite",))
def report_list(request):
    page = paginate(request, ProgrammeReport.objects.public().for_lists())
    for report in page:
        report.summary = report_summary(report)
    return render(request, "news/report_list.html", {"page": page})


def previewing(request, report: ProgrammeReport):
    """None for a public report; for a draft, 404 to the public and the second-factor setup to staff without one."""
    if report.is_public:
        return None
    if not (request.user.is_staff and request.user.has_perm("news.view_programmereport")):
        raise Http404
    return second_factor_setup(request) if lacks_second_factor(request.user) else None


def report_page(view):
    """A report's page: 404 for an unknown slug, and drafts only for staff (previewing), then the view."""

    @functools.wraps(view)
    def wrapper(request, slug):
        report = get_object_or_404(ProgrammeReport.objects.prefetch_related("errata"), slug=slug)
        if refusal := previewing(request, report):
            return refusal
        return view(request, report)

    return wrapper


def shortened(content: dict) -> tuple[dict, dict[str, int]]:
    """The content with each long list cut to LIST_LIMIT rows, and how many rows each lost (the CSV has them all)."""
    more = {}

    def cut(name, rows):
        if len(rows) > LIST_LIMIT:
            more[name] = len(rows) - LIST_LIMIT
        return rows[:LIST_LIMIT]

    comparison = content["comparison"]
    return {
        **content,
        "period_events": {name: cut(name, rows) for name, rows in content["period_events"].items()},
        "comparison": {**comparison, "improved": cut("improved", comparison["improved"]),
                       "slipped": cut("slipped", comparison["slipped"])},
        "projects": cut("projects", content["projects"]),
    }, more  # fmt: skip


def report_context(report: ProgrammeReport) -> dict:
    content, more = shortened(report.snapshot or report_content(report))
    content = localized(content, get_language())
    programme = content["programme"]
    status_chart = bar_chart(
        [
            (Project.Status(status).label, count, STATUS_COLOURS[status])
            for status, count in programme["by_status"].items()
        ]
    )
    field_chart = bar_chart(
        [(field["name"], field["average_progress"] or 0, field["colour"]) for field in content["fields"]], top=100
    )
    return {
        "report": report,
        "content": content,
        "status_chart": status_chart,
        "field_chart": field_chart,
        "pdf_available": pdf_available(),
        "more": more,
    }


@cache_public_page
@report_page
def report_detail(request, report):
    return render(request, "news/report_detail.html", report_context(report))


@cache_public_page
@report_page
def report_print(request, report):
    """The report alone, laid out for A4: what the browser prints and what the PDF is made of."""
    return render(request, "news/report_print.html", report_context(report))


@cache_public_page
@report_page
def report_pdf(request, report):
    if not pdf_available():
        raise Http404
    # WeasyPrint gets the stylesheets as files (news.pdf), not as links it would fetch.
    context = {**report_context(report), "pdf": True}
    document = render_pdf(render_to_string("news/report_print.html", context, request=request))
    if document is None:
        raise Http404
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="programmbericht-{report.slug}.pdf"'
    return response
