"""The personal part of the API: a citizen's own follows under /api/v1/me/subscriptions/, and the API token that
scripts use for it, created and revoked on /konto/.

The follows are the same as the follow buttons': the same form checks the topic, the same services write.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import UserRateThrottle

from kaiserslautern_portal.lib.authentication import ThrottledTokenAuthentication
from projects.api import FieldOfActionLinkSerializer, ProjectLinkSerializer

from . import services
from .forms import FollowForm
from .models import LANGUAGE_CHOICES, Subscription, User
from .views import has_verified_email

# The API's names of the topics, and the follow form's.
TOPICS = {"everything": FollowForm.EVERYTHING, "field": FollowForm.FIELD, "project": FollowForm.PROJECT}


# Serializers


class SubscriptionSerializer(serializers.Serializer):
    """What the account follows; with no subscription yet, nothing and no frequency."""

    email = serializers.EmailField(read_only=True)
    everything = serializers.BooleanField(read_only=True)
    fields_of_action = FieldOfActionLinkSerializer(source="fields", many=True, read_only=True)
    projects = ProjectLinkSerializer(many=True, read_only=True)
    frequency = serializers.ChoiceField(choices=Subscription.Frequency.choices, read_only=True, allow_null=True)
    language = serializers.ChoiceField(choices=LANGUAGE_CHOICES, read_only=True)


class TextSlugField(serializers.SlugField):
    """A slug exactly as documented: DRF would take the JSON number 0 for "0" and trim " " to an empty slug."""

    def __init__(self, **kwargs):
        super().__init__(trim_whitespace=False, **kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class FollowSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=list(TOPICS))
    slug = TextSlugField(max_length=200, required=False, allow_blank=True)

    def to_internal_value(self, data):
        # A form body may repeat a key; DRF would silently keep only the last value.
        if hasattr(data, "getlist"):
            repeated = {name: [_("Nur ein Wert ist erlaubt.")] for name in self.fields if len(data.getlist(name)) > 1}
            if repeated:
                raise serializers.ValidationError(repeated)
        return super().to_internal_value(data)

    def validate(self, data):
        form = FollowForm({"topic": TOPICS[data["type"]], "slug": data.get("slug", "")})
        if not form.is_valid():
            raise serializers.ValidationError({"slug": [m for errors in form.errors.values() for m in errors]})
        return form.target()


# Views


class HasVerifiedEmail(BasePermission):
    # As for the follow buttons: mail goes only to an address proven to belong to the account.
    message = _("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse; dann können Sie Themen folgen.")

    def has_permission(self, request, view):
        return has_verified_email(request.user)


class PersonalView(generics.GenericAPIView):
    """Answers about one person: token (scripts) or session with CSRF (browser), never stored by any cache."""

    # Token first, so that a request without credentials gets 401 with `WWW-Authenticate: Token`.
    authentication_classes = (ThrottledTokenAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated, HasVerifiedEmail)
    throttle_classes = (UserRateThrottle,)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ("Accept-Language", "Authorization", "Cookie"))
        return response


def subscription_of(user: User):
    # As on /konto/: the account's confirmed subscription; an address has at most one.
    subscription = Subscription.objects.of_account(user).confirmed().prefetch_related("fields", "projects").first()
    if subscription is None:
        return {"email": user.email, "everything": False, "fields": [], "projects": [], "frequency": None,
                "language": user.language}  # fmt: skip
    return subscription


def follow_url(request, target: dict) -> str:
    if target["field"]:
        url = reverse("api:my-follow-field", kwargs={"slug": target["field"].slug})
    elif target["project"]:
        url = reverse("api:my-follow-project", kwargs={"slug": target["project"].slug})
    else:
        url = reverse("api:my-follow-everything")
    return request.build_absolute_uri(url)


class MySubscriptions(PersonalView):
    """The logged-in citizen's follows: everything, fields of action, projects, and how often mail comes."""

    serializer_class = SubscriptionSerializer

    def get(self, request):
        return Response(SubscriptionSerializer(subscription_of(request.user), context={"request": request}).data)

    @extend_schema(request=FollowSerializer, responses={201: SubscriptionSerializer})
    def post(self, request):
        """Follow everything, a field of action or a published project (by slug); following twice changes nothing.
        News go to the account's verified address, at once or weekly as set on /konto/."""
        follow = FollowSerializer(data=request.data)
        follow.is_valid(raise_exception=True)
        services.subscription_follow(user=request.user, **follow.validated_data)
        data = SubscriptionSerializer(subscription_of(request.user), context={"request": request}).data
        return Response(
            data, status=status.HTTP_201_CREATED, headers={"Location": follow_url(request, follow.validated_data)}
        )


class MyFollow(PersonalView):
    """One follow of the logged-in citizen; deleting it stops the news about it (a subscription left without any
    topic ends)."""

    serializer_class = None

    @extend_schema(responses={204: OpenApiResponse(description=_("Nicht mehr gefolgt"))})
    def delete(self, request, topic, slug=""):
        form = FollowForm({"topic": TOPICS[topic], "slug": slug}, published_only=False)
        if not form.is_valid():
            raise exceptions.NotFound
        services.subscription_unfollow(user=request.user, **form.target())
        return Response(status=status.HTTP_204_NO_CONTENT)


urlpatterns = [
    path("me/subscriptions/", MySubscriptions.as_view(), name="my-subscriptions"),
    path("me/subscriptions/everything/", MyFollow.as_view(), {"topic": "everything"}, name="my-follow-everything"),
    path("me/subscriptions/field/<slug:slug>/", MyFollow.as_view(), {"topic": "field"}, name="my-follow-field"),
    path("me/subscriptions/project/<slug:slug>/", MyFollow.as_view(), {"topic": "project"}, name="my-follow-project"),
]


# The API token on /konto/ (plain Django views; the URLs are in citizens/urls.py)


@transaction.atomic
def api_token_renew(*, user: User) -> Token:
    """A new token for the account; the earlier one stops working."""
    User.objects.select_for_update().filter(pk=user.pk).exists()  # two quick clicks must not collide
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


@transaction.atomic
def api_token_revoke(*, user: User) -> None:
    Token.objects.filter(user=user).delete()


@never_cache
@login_required
@require_POST
def token_create(request):
    """Shows the new token once, in this answer; /konto/ later shows only when it was created."""
    token = api_token_renew(user=request.user)
    return render(request, "api/token_created.html", {"token": token})


@login_required
@require_POST
def token_revoke(request):
    api_token_revoke(user=request.user)
    messages.success(
        request, _("Ihr API-Schlüssel ist widerrufen. Programme, die ihn nutzen, haben keinen Zugriff mehr.")
    )
    return redirect("citizens:account")
