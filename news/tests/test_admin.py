import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from conftest import make_news, make_project
from news.models import NewsItem

pytestmark = pytest.mark.django_db


def news_form(project, **overrides):
    data = {
        "title_de": "KL Navi im Test",
        "title_en": "KL Navi in testing",
        "slug": "kl-navi-im-test",
        "kind": "progress_report",
        "teaser_de": "Der öffentliche Test beginnt.",
        "teaser_en": "",
        "body_de": "Text",
        "body_en": "",
        "author_de": "Referat Digitalisierung und Innovation",
        "author_en": "",
        "projects": [str(project.pk)],
        "status": "published",
        "published_at_0": (timezone.localdate() - datetime.timedelta(days=1)).strftime("%d.%m.%Y"),
        "published_at_1": "09:00:00",
        "image_alt_de": "",
        "image_alt_en": "",
        "image_credit_de": "",
        "image_credit_en": "",
        "progress_updates-TOTAL_FORMS": "1",
        "progress_updates-INITIAL_FORMS": "0",
        "progress_updates-MIN_NUM_FORMS": "0",
        "progress_updates-MAX_NUM_FORMS": "1000",
        "progress_updates-0-project": str(project.pk),
        "progress_updates-0-progress": "80",
        "progress_updates-0-status": "in_progress",
    }
    data.update(overrides)
    return data


def test_editors_group_can_edit_news():
    codenames = set(Group.objects.get(name="Redaktion").permissions.values_list("codename", flat=True))
    assert {"add_newsitem", "change_newsitem", "add_progressupdate"} <= codenames


def test_editor_publishes_a_report_that_moves_its_project(client, editor):
    project = make_project(progress=40, status="in_progress")
    client.force_login(editor)
    response = client.post("/admin/news/newsitem/add/", news_form(project))
    assert response.status_code == 302, response.context["adminform"].form.errors
    project.refresh_from_db()
    assert project.progress == 80
    assert list(project.progress_entries.values_list("progress", flat=True)) == [80]
    assert NewsItem.objects.public().count() == 1


def test_scheduled_report_leaves_its_project_alone_until_it_goes_public(client, editor):
    project = make_project(progress=40, status="in_progress")
    client.force_login(editor)
    later = timezone.localtime() + datetime.timedelta(days=2)
    data = news_form(project, published_at_0=later.strftime("%d.%m.%Y"), published_at_1="09:00:00")
    assert client.post("/admin/news/newsitem/add/", data).status_code == 302
    project.refresh_from_db()
    assert project.progress == 40
    assert not NewsItem.objects.public().exists()


def test_editor_sees_why_a_progress_value_is_refused(client, editor):
    project = make_project(progress=40, status="in_progress", start_date=datetime.date(2030, 1, 1))
    client.force_login(editor)
    data = news_form(project, **{"progress_updates-0-status": "completed", "progress_updates-0-progress": "100"})
    response = client.post("/admin/news/newsitem/add/", data)
    assert response.status_code == 200
    assert "nicht speichern" in response.content.decode()
    assert not NewsItem.objects.exists()


def test_editor_publishes_drafts_in_bulk(client, editor):
    drafts = [make_news(title_de=f"Entwurf {n}", status="draft") for n in range(2)]
    client.force_login(editor)
    client.post("/admin/news/newsitem/", {"action": "publish_now", "_selected_action": [d.pk for d in drafts]})
    assert NewsItem.objects.public().count() == 2


def test_admin_list_shows_visibility_and_a_preview_link(client, editor):
    item = make_news(title_de="Geplant", published_at=timezone.now() + datetime.timedelta(days=1))
    client.force_login(editor)
    assert "geplant" in client.get("/admin/news/newsitem/").content.decode()
    html = client.get(f"/admin/news/newsitem/{item.pk}/change/").content.decode()
    assert f'href="{item.get_absolute_url()}"' in html
