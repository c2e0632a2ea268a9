from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kaiserslautern_portal.lib import slots


class CitizensConfig(AppConfig):
    verbose_name = _("Bürgerinnen und Bürger")
    default_auto_field = "django.db.models.BigAutoField"
    name = "citizens"

    def ready(self):
        # Follow buttons in the places the pages of projects, fields of action and programme reports offer, and the
        # subscribe link beside a news item.
        slots.fill("topic-actions", "citizens/_follow.html")
        slots.fill("report-actions", "citizens/_follow_reports.html")
        slots.fill("news-actions", "citizens/_subscribe_link.html")
