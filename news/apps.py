from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kaiserslautern_portal.lib import slots


class NewsConfig(AppConfig):
    verbose_name = _("Neuigkeiten")
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"

    def ready(self):
        from kaiserslautern_portal.lib.cache import connect_invalidation, register_go_live

        from .models import NewsItem
        from .views import latest_news, topic_of

        connect_invalidation(self)
        register_go_live(NewsItem.objects.next_publication_after)
        # The news and the feeds' link tags of the start page, a project and a field of action, in the places the
        # projects app offers.
        slots.fill("topic-news", "news/_news_section.html", context=latest_news)
        slots.fill("topic-feeds", "news/_topic_feeds.html", context=topic_of)
