from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from news.models import NewsItem
from projects.models import FieldOfAction, Project

from .models import LegalPage


class PortalSitemap(Sitemap):
    """Absolute URLs from SITE_URL, so the sitemap names the public host even behind a proxy.

    Every page is listed in each language, with hreflang alternates (German is x-default).
    """

    limit = 5000
    i18n = True
    alternates = True
    x_default = True

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme


class StaticPagesSitemap(PortalSitemap):
    def items(self):
        return ["projects:home", "projects:list", "news:list"]

    def location(self, name):
        return reverse(name)


class LegalPagesSitemap(PortalSitemap):
    def items(self):
        return LegalPage.objects.order_by("kind")

    def lastmod(self, page):
        return page.updated


class FieldSitemap(PortalSitemap):
    def items(self):
        return FieldOfAction.objects.order_by("order", "pk")

    def lastmod(self, field):
        return field.updated


class ProjectSitemap(PortalSitemap):
    def items(self):
        return Project.objects.published().only("slug", "updated").order_by("pk")

    def lastmod(self, project):
        return project.updated


class NewsSitemap(PortalSitemap):
    def items(self):
        return NewsItem.objects.public().only("slug", "updated").order_by("-published_at", "pk")

    def lastmod(self, item):
        return item.updated


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "legal": LegalPagesSitemap,
    "fields": FieldSitemap,
    "projects": ProjectSitemap,
    "news": NewsSitemap,
}
