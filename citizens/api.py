"""The personal part of the API: a citizen's own follows under /api/v1/me/subscriptions/.

The follows are the same as the follow buttons': the same form checks the topic (citizens/serializers.py), the
same services write. The API token scripts use is created and revoked on /konto/ (citizens/views.py).
"""

from django.urls import path, reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import UserRateThrottle

from kaiserslautern_portal.lib.authentication import ThrottledTokenAuthentication

from . import services
from .forms import FollowForm
from .models import Subscription, User
from .serializers import TOPICS, FollowSerializer, SubscriptionSerializer
from .views import has_verified_email


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
