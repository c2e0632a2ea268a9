from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.utils import translation

from kaiserslautern_portal.lib.identity.current import site_identity
from kaiserslautern_portal.lib.mail import absolute_url, identity_headers, site

from .services import mail_quota_take, user_email_changed

# allauth's emails that anyone can trigger for any address, so they count against the caps (mail_quota_take).
CAPPED_EMAILS = {
    "account/email/email_confirmation_signup",
    "account/email/email_confirmation",
    "account/email/account_already_exists",
    "account/email/password_reset_key",
    "account/email/unknown_account",
}


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
        if template_prefix in CAPPED_EMAILS and not mail_quota_take(email=email):
            return
        user = context.get("user")
        language = getattr(user, "language", None) or translation.get_language()
        # allauth would name the site, and build these links, after the request's host and port.
        context = {**context, "current_site": site(), "identity": site_identity()}
        for link in ("signup_url", "password_reset_url"):
            if context.get(link):
                context[link] = on_site(context[link])
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def format_email_subject(self, subject):
        return f"[{site_identity().programme_name}] {subject}"

    def get_from_email(self):
        return site_identity().sender

    def render_mail(self, template_prefix, email, context, headers=None):
        return super().render_mail(template_prefix, email, context, headers={**identity_headers(), **(headers or {})})

    def get_email_confirmation_url(self, request, emailconfirmation):
        return on_site(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key):
        return on_site(super().get_reset_password_from_key_url(key))

    def _get_login_attempts_cache_key(self, request, **credentials):
        # allauth counts failed logins per account ("login_failed": …/key): five wrong passwords from anywhere locked
        # the account. Keyed by account and client address together, a stranger locks out only their own address.
        return f"{super()._get_login_attempts_cache_key(request, **credentials)}:{self.get_client_ip(request)}"

    def confirm_email(self, request, email_address):
        confirmed = super().confirm_email(request, email_address)
        if confirmed:
            # With ACCOUNT_CHANGE_EMAIL, confirming a new address makes it the account's address.
            email_address.user.refresh_from_db(fields=["email"])
            user_email_changed(user=email_address.user)
        return confirmed


class MFAAdapter(DefaultMFAAdapter):
    def get_totp_issuer(self):
        return site_identity().issuer


def on_site(url: str) -> str:
    """allauth's link built from the request's host and port, moved to SITE_URL."""
    parts = urlsplit(url)
    return absolute_url(parts.path + (f"?{parts.query}" if parts.query else ""))
