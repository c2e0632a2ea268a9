from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .lib.markdown import render_markdown


class LegalPage(models.Model):
    """The pages a German public body must publish, kept current by staff in the admin."""

    class Kind(models.TextChoices):
        IMPRINT = "impressum", _("Impressum")
        PRIVACY = "datenschutz", _("Datenschutzerklärung")
        ACCESSIBILITY = "barrierefreiheit", _("Erklärung zur Barrierefreiheit")
        EASY_LANGUAGE = "leichte-sprache", _("Leichte Sprache")

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, unique=True)
    title = models.CharField(_("Titel"), max_length=200)
    body = models.TextField(
        _("Text"), help_text=_("Markdown: **fett**, *kursiv*, ## Überschrift, - Liste, [Link](https://…)")
    )
    updated = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Rechtliche Seite")
        verbose_name_plural = _("Rechtliche Seiten")
        ordering = ["kind"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("legal_page", kwargs={"kind": self.kind})

    @property
    def body_html(self):
        return render_markdown(self.body)
