from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import services
from .forms import DeleteAccountForm, FollowForm, FrequencyForm, LanguageForm, SubscribeForm
from .models import CONFIRMATION_PERIOD, Subscription
from .tokens import InvalidToken, read_confirmation_token, read_unsubscribe_token

SUBSCRIBE_REQUESTS_PER_HOUR = 20


def too_many_requests(request, action: str, limit: int, period: int) -> bool:
    """A fixed-window counter per client address in the cache, like allauth's own rate limits."""
    key = f"citizens:ratelimit:{action}:{get_adapter(request).get_client_ip(request)}"
    cache.add(key, 0, period)
    try:
        return cache.incr(key) > limit
    except ValueError:  # the window expired between add and incr
        cache.set(key, 1, period)
        return False


def next_url(request, default: str) -> str:
    url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return default


# Subscribing without an account (double opt-in)


@require_http_methods(["GET", "POST"])
def subscribe(request):
    status = 200
    if request.method == "POST":
        if too_many_requests(request, "subscribe", SUBSCRIBE_REQUESTS_PER_HOUR, 3600):
            return render(request, "429.html", status=429)
        form = SubscribeForm(request.POST)
        if form.is_valid():
            services.subscription_request(**form.choice())
            # The same answer whether the address is new, pending or subscribed: it reveals nothing.
            return redirect("citizens:subscribe_sent")
        status = 400
    else:
        email = request.user.email if request.user.is_authenticated else ""
        form = SubscribeForm(initial={"language": get_language(), "email": email})
    return render(request, "citizens/subscribe.html", {"form": form}, status=status)


@require_GET
def subscribe_sent(request):
    return render(request, "citizens/subscribe_sent.html")


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows what will be confirmed (mail scanners fetch links); only the button's POST confirms."""
    try:
        value = read_confirmation_token(token)
    except InvalidToken:
        value = None
    pending = None
    if value:
        pending = (
            Subscription.objects.pending()
            .filter(pk=value.subscription_id, requested_at__gte=timezone.now() - CONFIRMATION_PERIOD)
            .prefetch_related("fields", "projects")
            .first()
        )
    if pending is None or not value.matches(pending):
        return render(request, "citizens/confirm_invalid.html", status=400)
    if request.method == "POST":
        services.subscription_confirm(subscription=pending)
        return redirect("citizens:confirmed")
    return render(request, "citizens/confirm.html", {"pending": pending})


@require_GET
def confirmed(request):
    return render(request, "citizens/confirmed.html")


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a session; the token is the check
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks (mail scanners prefetch links), POST unsubscribes at once and answers 200 without a redirect."""
    try:
        value = read_unsubscribe_token(token)
    except InvalidToken:
        return render(request, "citizens/unsubscribe_invalid.html", status=400)
    subscription = Subscription.objects.confirmed().filter(pk=value.subscription_id).first()
    if subscription is not None and not value.matches(subscription):
        subscription = None  # the subscription moved to another address: this one gets nothing any more
    if request.method == "POST":
        if subscription is not None:
            services.subscription_unsubscribe(subscription=subscription)
        return render(request, "citizens/unsubscribed.html")
    return render(request, "citizens/unsubscribe.html", {"subscription": subscription, "token": token})


# The account


def account_context(request, **forms):
    user = request.user
    subscription = Subscription.objects.of_account(user).confirmed().prefetch_related("fields", "projects").first()
    initial_frequency = subscription.frequency if subscription else Subscription.Frequency.IMMEDIATELY
    return {
        "subscription": subscription,
        "pending": Subscription.objects.of_account(user).pending().exists(),
        "language_form": forms.get("language_form") or LanguageForm(initial={"language": user.language}),
        "frequency_form": forms.get("frequency_form") or FrequencyForm(initial={"frequency": initial_frequency}),
    }


@login_required
@require_GET
def account(request):
    return render(request, "citizens/account.html", account_context(request))


@login_required
@require_POST
def account_language(request):
    form = LanguageForm(request.POST)
    if not form.is_valid():
        return render(request, "citizens/account.html", account_context(request, language_form=form), status=400)
    services.user_set_language(user=request.user, language=form.cleaned_data["language"])
    messages.success(request, _("Ihre Sprache für E-Mails ist gespeichert."))
    return redirect("citizens:account")


@login_required
@require_POST
def account_frequency(request):
    form = FrequencyForm(request.POST)
    if not form.is_valid():
        return render(request, "citizens/account.html", account_context(request, frequency_form=form), status=400)
    services.subscription_set_frequency(user=request.user, frequency=form.cleaned_data["frequency"])
    messages.success(request, _("Die Häufigkeit Ihrer E-Mails ist gespeichert."))
    return redirect("citizens:account")


def has_verified_email(user) -> bool:
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


@login_required
@require_POST
def follow(request):
    form = FollowForm(request.POST)
    if not form.is_valid():
        return render(request, "citizens/follow_invalid.html", {"form": form}, status=400)
    if not has_verified_email(request.user):
        messages.error(request, _("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse; dann können Sie Themen folgen."))
        return redirect("account_email")
    services.subscription_follow(user=request.user, **form.target())
    messages.success(
        request,
        _("Sie folgen jetzt „%(topic)s“. Neuigkeiten schicken wir an %(email)s.")
        % {"topic": topic_name(form), "email": request.user.email},
    )
    return redirect(next_url(request, default=topic_url(form)))


@login_required
@require_POST
def unfollow(request):
    form = FollowForm(request.POST, published_only=False)
    if not form.is_valid():
        return render(request, "citizens/follow_invalid.html", {"form": form}, status=400)
    services.subscription_unfollow(user=request.user, **form.target())
    messages.success(request, _("Sie folgen „%(topic)s“ nicht mehr.") % {"topic": topic_name(form)})
    return redirect(next_url(request, default=topic_url(form)))


def topic_name(form: FollowForm) -> str:
    if form.cleaned_data["reports"]:
        return _("Programmberichte")
    target = form.cleaned_data["project"] or form.cleaned_data["field"]
    return str(target) if target else _("alle Neuigkeiten")


def topic_url(form: FollowForm) -> str:
    if form.cleaned_data["reports"]:
        return reverse("news:reports")
    target = form.cleaned_data["project"] or form.cleaned_data["field"]
    return target.get_absolute_url() if target else reverse("citizens:account")


@never_cache
@login_required
@require_GET
def account_export(request):
    data = services.user_export(user=request.user)
    response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="meine-daten.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.user.is_staff:
        # Editors' accounts carry the admin history; an administrator removes them in the admin.
        return render(request, "citizens/account_delete.html", {"form": None}, status=403 if form.is_bound else 200)
    if request.method == "POST":
        if form.is_valid():
            user = request.user
            logout(request)
            services.user_delete(user=user)
            messages.success(request, _("Ihr Konto und Ihre Abonnements sind gelöscht."))
            return redirect("projects:home")
        return render(request, "citizens/account_delete.html", {"form": form}, status=400)
    return render(request, "citizens/account_delete.html", {"form": form})


# The API token for scripts (citizens/api.py)


@never_cache
@login_required
@require_POST
def api_token_create(request):
    """Shows the new token once, in this answer; /konto/ later shows only when it was created."""
    token = services.api_token_renew(user=request.user)
    return render(request, "api/token_created.html", {"token": token})


@login_required
@require_POST
def api_token_revoke(request):
    services.api_token_revoke(user=request.user)
    messages.success(
        request, _("Ihr API-Schlüssel ist widerrufen. Programme, die ihn nutzen, haben keinen Zugriff mehr.")
    )
    return redirect("citizens:account")
