from django.http import Http404
from django.shortcuts import get_object_or_404, render

from kaiserslautern_portal.lib.cache import cache_public_page
from kaiserslautern_portal.lib.staff import lacks_second_factor, second_factor_setup
from projects.views import paginate

from .forms import NewsFilterForm
from .models import NewsItem


@cache_public_page(query=("seite", *NewsFilterForm.base_fields))
def news_list(request):
    form = NewsFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "news/news_list.html", {"form": form, "page": None}, status=400)
    page = paginate(request, form.filter(NewsItem.objects.public()).for_lists())
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
