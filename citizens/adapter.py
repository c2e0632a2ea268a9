from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from kaiserslautern_portal.mail import absolute_url, identity_headers, site

from .services import user_email_changed


class AccountAdapter(DefaultAccountAdapter):
    """allauth's hooks for the portal: the account's language for its emails, subscriptions follow the address."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        user.language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        language = getattr(user, "language", None) or translation.get_language()
        # allauth would name the site after the request's host and port.
        context = {**context, "current_site": site()}
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        return super().render_mail(template_prefix, email, context, headers={**identity_headers(), **(headers or {})})

    def get_email_confirmation_url(self, request, emailconfirmation):
        return on_site(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key):
        return on_site(super().get_reset_password_from_key_url(key))

    def confirm_email(self, request, email_address):
        confirmed = super().confirm_email(request, email_address)
        if confirmed:
            # With ACCOUNT_CHANGE_EMAIL, confirming a new address makes it the account's address.
            email_address.user.refresh_from_db(fields=["email"])
            user_email_changed(user=email_address.user)
        return confirmed


def on_site(url: str) -> str:
    """allauth's link built from the request's host and port, moved to SITE_URL."""
    parts = urlsplit(url)
    return absolute_url(parts.path + (f"?{parts.query}" if parts.query else ""))
