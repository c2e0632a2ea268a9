"""What the personal API (citizens/api.py) reads and answers: the account's follows, and a follow to add.

A follow is checked by the follow buttons' own form, so API and buttons accept exactly the same topics.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from projects.api import FieldOfActionLinkSerializer, ProjectLinkSerializer

from .forms import FollowForm
from .models import LANGUAGE_CHOICES, Subscription

# The API's names of the topics, and the follow form's.
TOPICS = {"everything": FollowForm.EVERYTHING, "field": FollowForm.FIELD, "project": FollowForm.PROJECT}


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
