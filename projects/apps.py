from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    verbose_name = _("Programm und Projekte")
    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"

    def ready(self):
        from kaiserslautern_portal.lib.cache import connect_invalidation

        connect_invalidation(self)
