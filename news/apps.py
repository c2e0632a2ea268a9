from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    verbose_name = _("Neuigkeiten")
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"

    def ready(self):
        from kaiserslautern_portal.lib.cache import connect_invalidation, register_go_live

        from .models import NewsItem

        connect_invalidation(self)
        register_go_live(NewsItem.objects.next_publication_after)
