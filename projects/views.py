import datetime

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from .charts import step_chart
from .forms import ProjectFilterForm
from .models import FieldOfAction, Milestone, Project

PAGE_SIZE = 12


def paginate(request, queryset, per_page=PAGE_SIZE):
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("seite", 1))
    except InvalidPage:
        raise Http404 from None


def home(request):
    today = timezone.localdate()
    published = Project.objects.published()
    by_status = dict(published.values_list("status").annotate(n=Count("pk")).order_by())
    context = {
        "totals": published.totals(),
        "status_counts": [(status, by_status.get(status.value, 0)) for status in Project.Status],
        "fields": FieldOfAction.objects.with_stats(),
        "upcoming": Milestone.objects.upcoming(today)[:6],
        "overdue": Milestone.objects.overdue(today, since=today - datetime.timedelta(days=90))[:6],
    }
    return render(request, "projects/home.html", context)


def project_list(request):
    form = ProjectFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "projects/project_list.html", {"form": form, "page": None}, status=400)
    page = paginate(request, form.filter(Project.objects.published().for_cards()))
    return render(request, "projects/project_list.html", {"form": form, "page": page})


def can_preview(user):
    return user.is_staff and user.has_perm("projects.view_project")


def project_detail(request, slug):
    project = get_object_or_404(Project.objects.for_detail(), slug=slug)
    if not project.is_published and not can_preview(request.user):
        raise Http404
    today = timezone.localdate()
    entries = list(project.progress_entries.all())
    chart = step_chart([(timezone.localdate(e.recorded_at), e.progress) for e in entries], until=today)
    context = {"project": project, "milestones": project.milestones.all(), "entries": entries, "chart": chart}
    return render(request, "projects/project_detail.html", context)


def field_detail(request, slug):
    field = get_object_or_404(FieldOfAction.objects.with_stats(), slug=slug)
    page = paginate(request, field.projects.published().for_cards().order_by("title", "pk"))
    return render(request, "projects/field_detail.html", {"field": field, "page": page})
