import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.test import override_settings
from django.urls import include, path, set_script_prefix
from django.utils import timezone, translation

from conftest import make_news, make_project
from kaiserslautern_portal.lib.display import decimal_text, moment_tag, time_tag
from kaiserslautern_portal.lib.links import slug_url

MOMENT = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)  # already 1 January in Kaiserslautern


def test_a_day_is_written_in_the_current_language_each_time():
    day = datetime.date(2027, 3, 1)
    assert time_tag(day) == '<time datetime="2027-03-01">1. März 2027</time>'
    with translation.override("en"):
        assert time_tag(day) == '<time datetime="2027-03-01">March 1, 2027</time>'
    assert time_tag(day) == '<time datetime="2027-03-01">1. März 2027</time>'
    assert time_tag(None) == ""


def test_a_moment_is_shown_by_its_local_day_in_the_current_time_zone_and_language():
    assert moment_tag(MOMENT) == '<time datetime="2027-01-01T00:30:00+01:00">1. Januar 2027</time>'
    assert time_tag(MOMENT) == '<time datetime="2027-01-01">1. Januar 2027</time>'
    with translation.override("en"):
        assert moment_tag(MOMENT) == '<time datetime="2027-01-01T00:30:00+01:00">January 1, 2027</time>'
    with timezone.override(zoneinfo.ZoneInfo("America/New_York")):
        assert moment_tag(MOMENT) == '<time datetime="2026-12-31T18:30:00-05:00">31. Dezember 2026</time>'
    assert moment_tag(None) == ""


def test_a_number_is_written_in_the_current_language_each_time():
    assert decimal_text(Decimal("1234.5")) == "1.234,50"
    with translation.override("en"):
        assert decimal_text(Decimal("1234.5")) == "1,234.50"
        assert decimal_text(Decimal(2500)) == "2,500"
    assert decimal_text(Decimal("1234.5")) == "1.234,50"
    assert decimal_text(Decimal("2500.00")) == "2.500"


@pytest.mark.django_db
def test_page_addresses_follow_the_language_and_the_urlconf():
    project = make_project(slug="buergertresor")
    assert project.get_absolute_url() == "/projekte/buergertresor/"
    with translation.override("en"):
        assert project.get_absolute_url() == "/en/projekte/buergertresor/"
    with override_settings(ROOT_URLCONF=__name__):
        assert slug_url("projects:detail", "buergertresor") == "/vorhaben/buergertresor/"
    set_script_prefix("/stadt/")
    try:
        assert project.get_absolute_url() == "/stadt/projekte/buergertresor/"
    finally:
        set_script_prefix("/")
    assert project.get_absolute_url() == "/projekte/buergertresor/"


# Another URLconf, where the project pages have other addresses.
urlpatterns = [
    path("", include(([path("vorhaben/<slug:slug>/", lambda request, slug: None, name="detail")], "projects")))
]


@pytest.mark.django_db
def test_a_news_items_kind_label_is_its_kinds_display_in_each_language():
    item = make_news(kind="press_release")
    assert item.kind_label == item.get_kind_display() == "Pressemitteilung"
    with translation.override("en"):
        assert item.kind_label == item.get_kind_display() == "Press release"
