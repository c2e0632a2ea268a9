import datetime

from django.contrib import admin
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from citizens.models import Delivery
from news.models import NewsItem
from projects.models import Project

from .lib.english_admin import EnglishMissingFilter, EnglishMissingMixin
from .lib.identity.current import site_identity
from .models import LegalPage


def editors_title() -> str:
    return gettext("%(programme)s – Redaktion") % {"programme": site_identity().programme_name}


admin.site.site_header = admin.site.site_title = lazy(editors_title, str)()
admin.site.index_title = _("Startseite der Redaktion")

SHOWN = 10
FAILED_SINCE = datetime.timedelta(days=30)


def editors_desk(request) -> dict:
    """What an editor should look at first: own projects due for an update, drafts, what is scheduled, failed mail."""
    today, now = timezone.localdate(), timezone.now()
    user = request.user
    context = {}
    if user.has_perm("projects.change_project"):
        mine = Project.objects.filter(editors=user)
        context["due_projects"] = mine.update_overdue(today).order_by("last_update", "pk")[:SHOWN]
        context["draft_projects"] = Project.objects.filter(is_published=False).order_by("-updated")[:SHOWN]
    if user.has_perm("news.change_newsitem"):
        context["draft_news"] = NewsItem.objects.filter(status=NewsItem.Status.DRAFT).order_by("-updated")[:SHOWN]
        context["scheduled_news"] = NewsItem.objects.filter(
            status=NewsItem.Status.PUBLISHED, published_at__gt=now
        ).order_by("published_at")[:SHOWN]
        # Counted per news item: editors see that mail failed, not to whom (the addresses stay with the admins).
        failed = Delivery.objects.filter(status=Delivery.Status.FAILED, created__gte=now - FAILED_SINCE)
        context["failed_deliveries"] = list(
            failed.values("news_item", "news_item__title", "kind")
            .annotate(count=Count("pk"), last=Max("created"))
            .order_by("-last")[:SHOWN]
        )
    return context


_index = admin.site.index


def index(request, extra_context=None):
    return _index(request, extra_context={**editors_desk(request), **(extra_context or {})})


admin.site.index = index


@admin.register(LegalPage)
class LegalPageAdmin(EnglishMissingMixin, TranslationAdmin):
    list_display = ["title", "kind", "updated", "english_missing"]
    list_filter = [EnglishMissingFilter]
