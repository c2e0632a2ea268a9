from django import template

from projects.models import FieldOfAction, Project

from ..forms import FollowForm
from ..models import Subscription
from ..services import FOLLOW_CONSENT_TEXT

register = template.Library()


@register.simple_tag(takes_context=True)
def follow_status(context, target=None):
    """What a follow button shows for a project, a field of action or (target None) everything.

    None for anonymous visitors, who get links to subscribe or log in instead of a form.
    """
    user = context["request"].user
    if not user.is_authenticated:
        return None
    if isinstance(target, Project):
        topic = FollowForm.PROJECT
    elif isinstance(target, FieldOfAction):
        topic = FollowForm.FIELD
    else:
        topic = FollowForm.EVERYTHING
    subscription = Subscription.objects.of_account(user).confirmed().first()
    if subscription is None:
        following = False
    elif topic == FollowForm.PROJECT:
        following = subscription.projects.filter(pk=target.pk).exists()
    elif topic == FollowForm.FIELD:
        following = subscription.fields.filter(pk=target.pk).exists()
    else:
        following = subscription.everything
    return {
        "topic": topic,
        "slug": getattr(target, "slug", ""),
        "following": following,
        "everything": bool(subscription and subscription.everything),
        "consent_text": FOLLOW_CONSENT_TEXT,
    }


@register.simple_tag(takes_context=True)
def report_follow_status(context):
    """Whether the logged-in visitor gets the programme reports by email; None for anonymous visitors."""
    user = context["request"].user
    if not user.is_authenticated:
        return None
    subscription = Subscription.objects.of_account(user).confirmed().first()
    return {"following": bool(subscription and subscription.reports), "consent_text": FOLLOW_CONSENT_TEXT}
