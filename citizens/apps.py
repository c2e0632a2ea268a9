from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitizensConfig(AppConfig):
    verbose_name = _("Bürgerinnen und Bürger")
    default_auto_field = "django.db.models.BigAutoField"
    name = "citizens"
