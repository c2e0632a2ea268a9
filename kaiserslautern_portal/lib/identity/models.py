import functools
import hashlib
import re
from email.utils import formataddr

from defusedxml import ElementTree
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models
from django.template.loader import get_template
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

SINGLETON_PK = 1


@functools.cache
def stylesheet_source() -> str:
    """The text of the identity's stylesheet template (identity.css), read once per process."""
    return get_template("identity.css").template.source


HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Bitte eine Farbe als #rrggbb angeben, zum Beispiel #a3001b."))
# The grounds the colours stand on in static/css/portal.css (light and dark scheme); WCAG AA asks 4.5:1 for text.
PAPER, TINT, DARK_PAPER, DARK_TINT = "#ffffff", "#f4f1ef", "#171514", "#24201f"
AA_CONTRAST = 4.5


def luminance(colour: str) -> float:
    """Relative luminance after WCAG 2.2."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# Elements a plain drawing never needs: script, other documents, style sheets (which can load from outside) and
# animation (which can set a link to javascript: after any check of the attributes as written).
UNSAFE_SVG_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "style", "set", "animate",
                       "animatemotion", "animatetransform", "discard"}  # fmt: skip
OUTSIDE_URL = re.compile(r"url\(\s*['\"]?(?!#)", re.IGNORECASE)


def unsafe_svg_attribute(name: str, value: str) -> bool:
    name = name.rsplit("}", 1)[-1].lower()
    return (
        name.startswith("on")
        or (name == "href" and not value.startswith("#"))
        or OUTSIDE_URL.search(value) is not None
        or "javascript:" in value.lower()
    )


def validate_logo(file) -> None:
    """An SVG may carry script: only plain drawings pass (no script, event handlers, foreign objects, style sheets,
    animation, or links and url() references out)."""
    if not file.name.lower().endswith(".svg"):
        return
    file.seek(0)
    try:
        root = ElementTree.fromstring(file.read())
    except (ElementTree.ParseError, ValueError) as error:  # entities, DTDs: DefusedXmlException
        raise ValidationError(_("Das SVG lässt sich nicht lesen.")) from error
    finally:
        file.seek(0)
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag in UNSAFE_SVG_ELEMENTS or any(unsafe_svg_attribute(n, v) for n, v in element.attrib.items()):
            raise ValidationError(
                _("Das SVG enthält Skripte oder Verweise nach außen; bitte eine reine Grafik hochladen.")
            )


class SiteIdentity(models.Model):
    """Everything that makes the portal one city's: names, operator, sender, colours, logo. One row (pk 1)."""

    city = models.CharField(_("Stadt"), max_length=100, default="Beispielstadt")
    programme_name = models.CharField(
        _("Name des Programms"), max_length=100, default="Digitale Stadt", help_text=_("Steht neben dem Logo.")
    )
    site_name = models.CharField(
        _("Name des Portals"),
        max_length=200,
        blank=True,
        help_text=_("Für Seitentitel, E-Mails und Feeds; leer: Name des Programms und Stadt."),
    )
    meta_description = models.CharField(
        _("Beschreibung für Suchmaschinen"),
        max_length=300,
        default="Das Digitalisierungsprogramm der Stadt: Projekte, Fortschritt, Meilensteine und Berichte.",
    )
    signature = models.CharField(
        _("Absender in Fußzeilen"),
        max_length=200,
        blank=True,
        help_text=_("Unter jeder Seite und E-Mail, z. B. Stadtverwaltung und Referat; leer: die Betreiberin."),
    )
    operator_name = models.CharField(_("Betreiberin"), max_length=200, default="Stadt Beispielstadt")
    operator_address = models.TextField(_("Anschrift der Betreiberin"), blank=True)
    operator_representative = models.CharField(_("Vertreten durch"), max_length=200, blank=True)
    operator_email = models.EmailField(_("E-Mail der Betreiberin"), blank=True)
    operator_phone = models.CharField(_("Telefon der Betreiberin"), max_length=50, blank=True)
    press_name = models.CharField(_("Pressestelle"), max_length=200, blank=True)
    press_email = models.EmailField(
        _("E-Mail der Pressestelle"),
        blank=True,
        help_text=_("Antworten auf Neuigkeiten gehen hierhin, wenn weder Meldung noch Projekt eine Adresse nennen."),
    )
    press_phone = models.CharField(_("Telefon der Pressestelle"), max_length=50, blank=True)
    sender_name = models.CharField(
        _("Absendername der E-Mails"), max_length=100, blank=True, help_text=_("Leer: der Name des Portals.")
    )
    sender_email = models.EmailField(
        _("Absenderadresse der E-Mails"),
        blank=True,
        help_text=_("Leer: DEFAULT_FROM_EMAIL aus der Umgebung. Die Adresse muss über den Mailserver senden dürfen."),
    )
    totp_issuer = models.CharField(
        _("Name in der Authenticator-App"), max_length=100, blank=True, help_text=_("Leer: der Name des Portals.")
    )
    logo = models.FileField(
        _("Logo"),
        upload_to="identity/",
        blank=True,
        validators=[FileExtensionValidator(["svg", "png"]), validate_logo],
        help_text=_("SVG oder PNG, quadratisch; leer: das mitgelieferte Logo."),
    )
    logo_alt = models.CharField(
        _("Alternativtext des Logos"),
        max_length=200,
        blank=True,
        help_text=_("Leer, wenn das Logo nur schmückt: Stadt und Programm stehen ohnehin daneben."),
    )
    colour_accent = models.CharField(
        _("Akzentfarbe"),
        max_length=7,
        default="#a3001b",
        validators=[HEX_COLOUR],
        help_text=_("Schaltflächen mit weißer Schrift, Linien, Fortschrittsbalken."),
    )
    colour_link = models.CharField(
        _("Linkfarbe"), max_length=7, default="#7a0014", validators=[HEX_COLOUR], help_text=_("Links auf Weiß.")
    )
    colour_accent_dark = models.CharField(
        _("Akzentfarbe im dunklen Modus"),
        max_length=7,
        default="#ff6b81",
        validators=[HEX_COLOUR],
        help_text=_("Schaltflächen mit dunkler Schrift, wenn das Gerät dunkle Darstellung wünscht."),
    )
    colour_link_dark = models.CharField(
        _("Linkfarbe im dunklen Modus"), max_length=7, default="#ff8fa0", validators=[HEX_COLOUR]
    )
    updated = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Auftritt der Stadt")
        verbose_name_plural = _("Auftritt der Stadt")
        constraints = [models.CheckConstraint(condition=models.Q(pk=SINGLETON_PK), name="identity_single_row")]

    def __str__(self):
        return self.name

    # (colour field, the colour it must stand out against, where the pair appears)
    CONTRASTS = (
        ("colour_accent", PAPER, _("weiße Schrift auf Schaltflächen")),
        ("colour_link", PAPER, _("Links auf weißem Grund")),
        ("colour_link", TINT, _("Links auf getöntem Grund")),
        ("colour_accent_dark", DARK_PAPER, _("dunkle Schrift auf Schaltflächen im dunklen Modus")),
        ("colour_link_dark", DARK_PAPER, _("Links auf dunklem Grund")),
        ("colour_link_dark", DARK_TINT, _("Links auf getöntem dunklem Grund")),
    )

    def clean(self):
        errors = {}
        for name, ground, where in self.CONTRASTS:
            colour = getattr(self, name)
            if name in errors or not re.fullmatch(r"#[0-9a-fA-F]{6}", colour or ""):
                continue
            if (ratio := contrast(colour, ground)) < AA_CONTRAST:
                errors[name] = _(
                    "Zu wenig Kontrast für %(where)s: %(ratio).1f:1 gegen %(ground)s, WCAG AA verlangt 4,5:1."
                ) % {"where": where, "ratio": ratio, "ground": ground}
        if errors:
            raise ValidationError(errors)

    @property
    def name(self) -> str:
        return self.site_name or f"{self.programme_name} {self.city}"

    @property
    def footer(self) -> str:
        return self.signature or self.operator_name

    @property
    def sender(self) -> str:
        """The From of every email: the identity's sender where set, else DEFAULT_FROM_EMAIL."""
        if not self.sender_email:
            return settings.DEFAULT_FROM_EMAIL
        return formataddr((self.sender_name or self.name, self.sender_email))

    @property
    def reply_to(self) -> str:
        return self.press_email or settings.PRESS_EMAIL or self.sender

    @property
    def issuer(self) -> str:
        return self.totp_issuer or self.name

    @property
    def logo_url(self) -> str:
        return self.logo.url if self.logo else static("img/logo.svg")

    @property
    def icon(self) -> tuple[str, str]:
        """The browser tab's icon and its type: the city's own logo where it has one, else the portal's."""
        if not self.logo:
            return static("img/favicon.svg"), "image/svg+xml"
        return self.logo.url, "image/svg+xml" if self.logo.name.lower().endswith(".svg") else "image/png"

    @property
    def colours(self) -> dict[str, str]:
        return {
            "accent": self.colour_accent,
            "link": self.colour_link,
            "accent_dark": self.colour_accent_dark,
            "link_dark": self.colour_link_dark,
        }

    @functools.cached_property  # on the process's copy: computed once per saved identity
    def colour_version(self) -> str:
        """Part of the stylesheet's address: a change of colour, or of the stylesheet itself, is a new address, so
        browsers may keep it long."""
        text = repr(sorted(self.colours.items())) + stylesheet_source()
        return hashlib.sha256(text.encode()).hexdigest()[:12]
