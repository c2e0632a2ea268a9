from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth.hashers import make_password
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kaiserslautern_portal.lib.identity.current import site_identity
from projects.models import FieldOfAction, Project

from .models import LANGUAGE_CHOICES, Subscription


def consent_text() -> str:
    identity = site_identity()
    return gettext(
        "Ich möchte E-Mails über Neuigkeiten des Programms „%(programme)s“ zu den gewählten Themen erhalten. "
        "Die Stadt %(city)s speichert meine E-Mail-Adresse und meine Auswahl nur dafür. Ich kann mich jederzeit "
        "über den Link in jeder E-Mail abmelden."
    ) % {"programme": identity.programme_name, "city": identity.city}


# Lazy: the form's label and the stored proof read the identity and language of the moment.
CONSENT_TEXT = lazy(consent_text, str)()


class IdsField(forms.ModelMultipleChoiceField):
    """Ids of the offered objects; anything but a plausible id is an error before the database sees it."""

    def clean(self, value):
        for pk in value or ():
            if not (isinstance(pk, str) and pk.isascii() and pk.isdigit() and len(pk) <= 18):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super().clean(value)


class SubscribeForm(forms.Form):
    EVERYTHING, FIELDS, PROJECTS = "alles", "handlungsfelder", "projekte"

    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        error_messages={"invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an.")},
    )
    scope = forms.ChoiceField(
        label=_("Worüber möchten Sie informiert werden?"),
        choices=[
            (EVERYTHING, _("über alle Neuigkeiten des Programms")),
            (FIELDS, _("über Neuigkeiten aus ausgewählten Handlungsfeldern")),
            (PROJECTS, _("über Neuigkeiten zu ausgewählten Projekten")),
        ],
        widget=forms.RadioSelect,
        # Nothing preselected: a default here made people who ticked projects subscribe to everything.
        error_messages={"required": _("Bitte wählen Sie, worüber Sie informiert werden möchten.")},
    )
    fields_of_action = IdsField(
        label=_("Handlungsfelder"),
        queryset=FieldOfAction.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Nur nötig, wenn Sie „ausgewählte Handlungsfelder“ gewählt haben."),
    )
    projects = IdsField(
        label=_("Projekte"),
        queryset=Project.objects.published().order_by("title", "pk"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Nur nötig, wenn Sie „ausgewählte Projekte“ gewählt haben."),
    )
    frequency = forms.ChoiceField(
        label=_("Wie oft?"),
        choices=Subscription.Frequency.choices,
        widget=forms.RadioSelect,
        initial=Subscription.Frequency.IMMEDIATELY,
    )
    reports = forms.BooleanField(
        label=_("Auch jeden neuen Programmbericht (etwa vierteljährlich, mit Zusammenfassung)"), required=False
    )
    language = forms.ChoiceField(label=_("Sprache der E-Mails"), choices=LANGUAGE_CHOICES, widget=forms.RadioSelect)
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Ohne Ihre Einwilligung dürfen wir Ihnen keine E-Mails schicken.")},
    )

    def clean(self):
        """What a person ticks is what they get: ticks the chosen scope would ignore are an error, never dropped."""
        data = super().clean()
        scope = data.get("scope")
        fields, projects = data.get("fields_of_action"), data.get("projects")
        if scope == self.FIELDS and not fields:
            self.add_error("fields_of_action", _("Bitte wählen Sie mindestens ein Handlungsfeld."))
        if scope == self.PROJECTS and not projects:
            self.add_error("projects", _("Bitte wählen Sie mindestens ein Projekt."))
        if scope == self.EVERYTHING and (fields or projects):
            self.add_error(
                "scope",
                _(
                    "Sie haben „über alle Neuigkeiten“ gewählt und zugleich Handlungsfelder oder Projekte angekreuzt. "
                    "Wählen Sie „ausgewählte Handlungsfelder“ oder „ausgewählte Projekte“, wenn Sie nur über die "
                    "angekreuzten informiert werden möchten, oder entfernen Sie die Häkchen."
                ),
            )
        if scope == self.FIELDS and projects:
            self.add_error(
                "scope",
                _(
                    "Sie haben „ausgewählte Handlungsfelder“ gewählt und zugleich Projekte angekreuzt. Wählen Sie "
                    "„ausgewählte Projekte“ oder entfernen Sie die Häkchen bei den Projekten."
                ),
            )
        if scope == self.PROJECTS and fields:
            self.add_error(
                "scope",
                _(
                    "Sie haben „ausgewählte Projekte“ gewählt und zugleich Handlungsfelder angekreuzt. Wählen Sie "
                    "„ausgewählte Handlungsfelder“ oder entfernen Sie die Häkchen bei den Handlungsfeldern."
                ),
            )
        return data

    def choice(self) -> dict:
        """The cleaned choice as the arguments of `subscription_request`; clean() made it free of contradictions."""
        data = self.cleaned_data
        return {
            "email": data["email"],
            "everything": data["scope"] == self.EVERYTHING,
            "fields": data["fields_of_action"],
            "projects": data["projects"],
            "frequency": data["frequency"],
            "reports": data["reports"],
            "language": data["language"],
            "consent_text": str(CONSENT_TEXT),
        }


class FollowForm(forms.Form):
    """What a follow button names: everything, the programme reports, a field of action or a project, by slug."""

    EVERYTHING, REPORTS, FIELD, PROJECT = "alles", "berichte", "handlungsfeld", "projekt"

    topic = forms.ChoiceField(choices=[(topic, topic) for topic in (EVERYTHING, REPORTS, FIELD, PROJECT)])
    slug = forms.SlugField(max_length=200, required=False)

    def __init__(self, *args, published_only=True, **kwargs):
        super().__init__(*args, **kwargs)
        # Following needs a public project; unfollowing must also work for one that was unpublished since.
        self.projects = Project.objects.published() if published_only else Project.objects.all()

    def clean(self):
        data = super().clean()
        topic, slug = data.get("topic"), data.get("slug")
        data.update(everything=topic == self.EVERYTHING, reports=topic == self.REPORTS, field=None, project=None)
        if topic == self.FIELD:
            data["field"] = FieldOfAction.objects.filter(slug=slug).first()
            if data["field"] is None:
                raise forms.ValidationError(_("Dieses Handlungsfeld gibt es nicht."))
        if topic == self.PROJECT:
            data["project"] = self.projects.filter(slug=slug).first()
            if data["project"] is None:
                raise forms.ValidationError(_("Dieses Projekt gibt es nicht."))
        return data

    def target(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("everything", "reports", "field", "project")}


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Sprache der E-Mails"), choices=LANGUAGE_CHOICES, widget=forms.RadioSelect)


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label=_("Wie oft?"), choices=Subscription.Frequency.choices, widget=forms.RadioSelect)


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ja, ich möchte mein Konto und alle meine Abonnements endgültig löschen."),
        error_messages={"required": _("Bitte bestätigen Sie, dass Sie Ihr Konto löschen möchten.")},
    )


EMAIL_MAX_LENGTH = 254


class SignupForm(AllauthSignupForm):
    """allauth's sign-up (ACCOUNT_FORMS); for an address that has an account it mails that account instead."""

    def clean_email(self):
        # Longer than SMTP allows (RFC 5321): allauth's lookup would miss the account, and a second sign-up crash.
        if len(self.data.get("email", "")) > EMAIL_MAX_LENGTH:
            raise forms.ValidationError(_("Diese E-Mail-Adresse ist zu lang."))
        return super().clean_email()

    def try_save(self, request):
        if self.account_already_exists:
            # A new account costs one password hash; without it here, the faster answer would betray the address.
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)
