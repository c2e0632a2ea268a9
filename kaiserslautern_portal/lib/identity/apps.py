from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdentityConfig(AppConfig):
    name = "kaiserslautern_portal.lib.identity"
    label = "identity"
    verbose_name = _("Auftritt")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from kaiserslautern_portal.lib.cache import connect_invalidation

        from .current import connect_refresh

        # A saved identity makes every cached page stale and this process's copy, too.
        connect_invalidation(self)
        connect_refresh()
