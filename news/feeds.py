import io

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kaiserslautern_portal.lib.identity.current import site_identity
from kaiserslautern_portal.lib.mail import absolute_url
from projects.models import SAMPLE_VALUES_NOTE, FieldOfAction, Project

from .models import NewsItem, ProgrammeReport
from .reports import report_summary

FEED_SIZE = 30


class WrittenOnce:
    """Writes the feed in memory and hands it to the response in one piece: written to the response directly, each
    XML event was a write of its own (over a thousand for 30 items), the larger part of a feed's time."""

    def write(self, outfile, encoding):
        buffer = io.StringIO()
        super().write(buffer, encoding)
        outfile.write(buffer.getvalue())


class RssFeed(WrittenOnce, Rss201rev2Feed):
    pass


class AtomFeed(WrittenOnce, Atom1Feed):
    pass


class NewsFeed(Feed):
    """All public news as RSS 2.0; links are absolute from SITE_URL, whatever host the request came to."""

    feed_type = RssFeed
    url_name = "news:rss"

    def get_object(self, request, *args, **kwargs):
        return None

    def title(self, obj):
        return _("Neuigkeiten – %(site)s") % {"site": site_identity().name}

    def description(self, obj):
        return _("Fortschrittsberichte, Pressemitteilungen und Ankündigungen des Digitalisierungsprogramms.")

    def link(self, obj):
        return absolute_url(reverse("news:list"))

    def feed_url(self, obj):
        return absolute_url(reverse(self.url_name))

    def items(self, obj):
        return NewsItem.objects.public().for_feeds()[:FEED_SIZE]

    def item_pubdate(self, item):
        # get_feed does not call it; Feed.__call__ sends Last-Modified (and so a 304 to readers) only where it exists.
        return item.published_at

    def get_feed(self, obj, request):
        """The channel, and each item from one pass over its values: Feed.get_feed looks up and inspects some fifteen
        item_* methods by name for every item; that was a third of an item's time."""
        feed = self.feed_type(
            title=self.title(obj),
            subtitle=self.description(obj),  # written by Atom only
            link=self.link(obj),
            description=self.description(obj),
            language=get_language(),
            feed_url=self.feed_url(obj),
        )
        sample = [_("Beispielwerte")]
        for item in self.items(obj):
            link = absolute_url(item.get_absolute_url())
            feed.add_item(
                title=item.title,
                link=link,
                unique_id=link,
                description=f"{item.teaser} ({SAMPLE_VALUES_NOTE})" if item.sample_values else item.teaser,
                pubdate=item.published_at,
                updateddate=item.updated,
                author_name=item.author,
                categories=[
                    str(item.kind_label),
                    *(sample if item.sample_values else ()),
                    *(p.title for p in item.public_projects),
                ],
            )
        return feed


class AtomNewsFeed(NewsFeed):
    feed_type = AtomFeed
    url_name = "news:atom"


class ProjectNewsFeed(NewsFeed):
    url_name = "news:project_rss"

    def get_object(self, request, slug):
        return get_object_or_404(Project.objects.published(), slug=slug)

    def title(self, project):
        return _("Neuigkeiten zu „%(title)s“") % {"title": project.title}

    def description(self, project):
        return project.summary

    def link(self, project):
        return absolute_url(project.get_absolute_url())

    def feed_url(self, project):
        return absolute_url(reverse(self.url_name, kwargs={"slug": project.slug}))

    def items(self, project):
        return NewsItem.objects.public().for_project(project).for_feeds()[:FEED_SIZE]


class AtomProjectNewsFeed(ProjectNewsFeed):
    feed_type = AtomFeed
    url_name = "news:project_atom"


class FieldNewsFeed(NewsFeed):
    url_name = "news:field_rss"

    def get_object(self, request, slug):
        return get_object_or_404(FieldOfAction, slug=slug)

    def title(self, field):
        return _("Neuigkeiten im Handlungsfeld „%(name)s“") % {"name": field.name}

    def description(self, field):
        return field.summary

    def link(self, field):
        return absolute_url(field.get_absolute_url())

    def feed_url(self, field):
        return absolute_url(reverse(self.url_name, kwargs={"slug": field.slug}))

    def items(self, field):
        return NewsItem.objects.public().for_field(field).for_feeds()[:FEED_SIZE]


class AtomFieldNewsFeed(FieldNewsFeed):
    feed_type = AtomFeed
    url_name = "news:field_atom"


class ReportFeed(Feed):
    """Published programme reports as RSS 2.0, newest period first."""

    feed_type = RssFeed

    def title(self):
        return _("Programmberichte – %(site)s") % {"site": site_identity().name}

    def description(self):
        return _("Was sich im Digitalisierungsprogramm in jedem Berichtszeitraum bewegt hat.")

    def link(self):
        return absolute_url(reverse("news:reports"))

    def feed_url(self):
        return absolute_url(reverse("news:reports_rss"))

    def items(self):
        return ProgrammeReport.objects.public().with_summary().order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, report):
        return report.title

    def item_description(self, report):
        return report_summary(report)

    def item_link(self, report):
        return absolute_url(report.get_absolute_url())

    def item_guid(self, report):
        return absolute_url(report.get_absolute_url())

    def item_pubdate(self, report):
        return report.published_at
