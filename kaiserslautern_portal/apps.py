from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "kaiserslautern_portal"
    verbose_name = _("Portal")

    def ready(self):
        from kaiserslautern_portal.lib.cache import connect_invalidation

        connect_invalidation(self)
