"""Editors see in the admin which texts residents read are still missing in English."""

import datetime

import pytest

from conftest import make_field, make_milestone, make_news, make_project
from projects.models import DateChange
from projects.services import project_save
from projects.tests.test_admin import project_form

pytestmark = pytest.mark.django_db


def test_project_list_names_the_texts_missing_in_english(client, editor):
    make_project(title_de="Handyparken", title_en="Mobile parking", summary_en="Pay by phone.", funding_source="Bund")
    client.force_login(editor)
    html = client.get("/admin/projects/project/").content.decode()
    assert "Englisch fehlt" in html
    assert "Förderung" in html  # the column lists the texts without English


def test_english_missing_filter_lists_only_projects_with_missing_texts(client, editor):
    make_project(
        title_de="Handyparken", title_en="Mobile parking", summary_en="Pay by phone.", responsible_office_en="Office"
    )
    make_project(title_de="Bürgertresor", title_en="Citizen safe", summary_en="A safe.", funding_source="Bund")
    client.force_login(editor)
    missing = client.get("/admin/projects/project/", {"englisch": "fehlt"}).context["cl"].result_list
    complete = client.get("/admin/projects/project/", {"englisch": "vollstaendig"}).context["cl"].result_list
    assert [project.title_de for project in missing] == ["Bürgertresor"]
    assert [project.title_de for project in complete] == ["Handyparken"]


def test_a_milestone_without_english_title_counts_as_missing_for_its_project(client, editor):
    project = make_project(title_de="Handyparken", title_en="Mobile parking", summary_en="Pay by phone.")
    make_milestone(project, title_de="Ausschreibung")
    client.force_login(editor)
    [row] = client.get("/admin/projects/project/", {"englisch": "fehlt"}).context["cl"].result_list
    assert row == project


def test_change_form_tells_the_editor_which_english_texts_are_missing(client, editor):
    project = make_project(title_de="Handyparken", title_en="Mobile parking", summary_en="Pay by phone.")
    make_milestone(project, title_de="Ausschreibung", title_en="Tender", description_de="Öffentlich")
    client.force_login(editor)
    response = client.get(f"/admin/projects/project/{project.pk}/change/")
    [notice] = [str(message) for message in response.context["messages"]]
    assert notice == (
        "Englisch fehlt – die englische Seite zeigt hier den deutschen Text: Verantwortliche Stelle; "
        "Meilenstein „Ausschreibung“: Kurzbeschreibung."
    )
    assert notice in response.content.decode()


def test_change_form_of_a_fully_translated_field_has_no_notice(client, editor):
    field = make_field(name_de="Verkehr", name_en="Mobility", summary_de="Wege", summary_en="Ways")
    client.force_login(editor)
    html = client.get(f"/admin/projects/fieldofaction/{field.pk}/change/").content.decode()
    assert "Englisch fehlt –" not in html


def test_editor_adds_the_english_reason_of_a_date_change_and_the_record_stays(client, editor):
    project = make_project(title_de="Lotsensystem", slug="lotsensystem", planned_end_date=datetime.date(2026, 12, 31))
    project_save(project=project)
    project.planned_end_date = datetime.date(2027, 3, 31)
    project_save(project=project, reason="Ausschreibung wiederholt.")
    change = project.date_changes.get()
    client.force_login(editor)
    data = project_form(
        project.field,
        slug=project.slug,
        planned_end_date="2027-03-31",
        **{
            "milestones-TOTAL_FORMS": "0",
            "date_changes-TOTAL_FORMS": "1",
            "date_changes-INITIAL_FORMS": "1",
            "date_changes-0-id": str(change.pk),
            "date_changes-0-project": str(project.pk),
            "date_changes-0-reason_en": "The tender was repeated.",
            "date_changes-0-old_date": "2020-01-01",
        },
    )
    response = client.post(f"/admin/projects/project/{project.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    change = DateChange.objects.get()
    assert (change.reason_de, change.reason_en) == ("Ausschreibung wiederholt.", "The tender was repeated.")
    assert change.old_date == datetime.date(2026, 12, 31)


def test_news_list_in_the_admin_shows_missing_english_author(client, editor):
    make_news(title_de="Parken", title_en="Parking", teaser_en="Teaser", author_de="Team KL Navi", author_en="")
    make_news(title_de="Amt", title_en="Office", teaser_en="Teaser")  # the default author has an English name
    client.force_login(editor)
    response = client.get("/admin/news/newsitem/", {"englisch": "fehlt"})
    assert [item.title_de for item in response.context["cl"].result_list] == ["Parken"]
    assert '<td class="field-english_missing">Autor</td>' in response.content.decode()
