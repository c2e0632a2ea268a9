"""Editors see per news item how its emails are doing, through the column the news admin offers for it."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext

from citizens import notifications
from citizens.models import Delivery
from citizens.tests.helpers import make_subscription
from conftest import make_news, make_project
from kaiserslautern_portal.lib.identity.current import site_identity
from news.admin import NewsItemAdmin
from news.models import NewsItem

pytestmark = pytest.mark.django_db


def announced(title, readers):
    item = make_news(title_de=title, projects=[make_project(title_de=f"Projekt {title}")])
    for n in range(readers):
        make_subscription(email=f"{title.lower()}{n}@example.org", projects=item.projects.all())
    notifications.announcement_fan_out(item=item)
    return item


def test_the_news_admin_stays_the_news_apps_own():
    assert type(admin.site._registry[NewsItem]) is NewsItemAdmin


def test_the_change_form_shows_the_counts_in_a_section_of_their_own(client, editor):
    item = announced("Parken", readers=2)
    Delivery.objects.filter(email="parken0@example.org").update(status="failed")
    client.force_login(editor)
    html = client.get(f"/admin/news/newsitem/{item.pk}/change/").content.decode()
    assert "E-Mail-Benachrichtigungen" in html
    assert "1 wartend, 0 gesendet, 1 fehlgeschlagen" in html
    assert client.get("/admin/news/newsitem/add/").status_code == 200


def test_the_list_counts_all_rows_in_the_same_number_of_queries(client, editor):
    client.force_login(editor)
    announced("Eins", readers=1)
    site_identity()  # read once per process, not per page
    with CaptureQueriesContext(connection) as one:
        client.get("/admin/news/newsitem/")
    for title in ("Zwei", "Drei", "Vier"):
        announced(title, readers=2)
    with CaptureQueriesContext(connection) as four:
        html = client.get("/admin/news/newsitem/").content.decode()
    assert html.count("0 gesendet") == 4
    assert len(four.captured_queries) == len(one.captured_queries)
