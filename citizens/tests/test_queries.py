"""Subscription.objects.confirmed().matching(...): who hears about a news item."""

import pytest

from citizens.models import Subscription
from conftest import make_field, make_project

from .helpers import make_subscription

pytestmark = pytest.mark.django_db


def emails(queryset):
    return sorted(subscription.email for subscription in queryset)


def test_matching_covers_everything_field_and_project_subscribers_once(django_assert_num_queries):
    traffic = make_field(name_de="Verkehr", slug="verkehr")
    health = make_field(name_de="Gesundheit", slug="gesundheit")
    navi = make_project(title_de="KL Navi", field=traffic)
    parking = make_project(title_de="Handyparken", field=traffic)
    clinic = make_project(title_de="Telemedizin", field=health)

    make_subscription(email="all@example.org", everything=True)
    make_subscription(email="traffic@example.org", fields=[traffic])
    make_subscription(email="health@example.org", fields=[health])
    make_subscription(email="navi@example.org", projects=[navi])
    make_subscription(email="parking@example.org", projects=[parking])
    # Matches in several ways but must come once.
    make_subscription(email="many@example.org", everything=True, fields=[traffic, health], projects=[navi, parking])
    make_subscription(email="pending@example.org", everything=True, confirmed_at=None)

    with django_assert_num_queries(1):
        about_navi = emails(Subscription.objects.confirmed().matching(project_ids=[navi.pk]))
    assert about_navi == ["all@example.org", "many@example.org", "navi@example.org", "traffic@example.org"]

    about_both = emails(Subscription.objects.confirmed().matching(project_ids=[navi.pk, clinic.pk]))
    assert about_both == [
        "all@example.org",
        "health@example.org",
        "many@example.org",
        "navi@example.org",
        "traffic@example.org",
    ]

    about_a_field = emails(Subscription.objects.confirmed().matching(project_ids=[], field_ids=[health.pk]))
    assert about_a_field == ["all@example.org", "health@example.org", "many@example.org"]

    general = emails(Subscription.objects.confirmed().matching(project_ids=[]))
    assert general == ["all@example.org", "many@example.org"]


def test_one_confirmed_subscription_per_address_whatever_the_case():
    from django.db import IntegrityError, transaction

    make_subscription(email="press@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_subscription(email="PRESS@example.org")
    make_subscription(email="press@example.org", confirmed_at=None)  # one pending request may wait beside it
    with pytest.raises(IntegrityError), transaction.atomic():
        make_subscription(email="Press@example.org", confirmed_at=None)
