"""On English pages every text a resident reads is English where a translation exists; German fallbacks are marked
lang="de" with a visible "German only" note. One English style for dates and amounts, one German style."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.template import Context, Template
from django.utils import translation

from conftest import make_field, make_milestone, make_news, make_project
from kaiserslautern_portal.models import LegalPage
from projects.services import milestone_save, project_save

pytestmark = pytest.mark.django_db
GERMAN_ONLY = '<small class="german-only__note">(German only)</small>'
TODAY = datetime.datetime(2026, 11, 20, 10, tzinfo=datetime.UTC)


def german_only(text: str) -> str:
    return f'<span lang="de">{text}</span> {GERMAN_ONLY}'


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def project():
    return make_project(
        title_de="Handyparken",
        title_en="Mobile parking",
        summary_de="Parken per App.",
        summary_en="Parking by app.",
        slug="handyparken",
        funding_source_de="Land Rheinland-Pfalz",
        funding_source_en="State of Rhineland-Palatinate",
        responsible_office_de="Referat Digitalisierung",
        responsible_office_en="Digitalization Department",
        contact_name_de="Team Handyparken",
        partners_de="Stadtwerke\nParkhausbetreiber",
        place_name_de="Innenstadt",
        place_name_en="City center",
    )


def test_english_project_page_shows_the_english_texts(client, project):
    html = page(client, "/en/projekte/handyparken/")
    for english in ("State of Rhineland-Palatinate", "Digitalization Department", "City center", "Parking by app."):
        assert english in html
    assert "Land Rheinland-Pfalz" not in html and "Innenstadt" not in html


def test_german_texts_without_english_are_marked_german_with_a_note(client, project):
    html = page(client, "/en/projekte/handyparken/")
    assert german_only("Team Handyparken") in html
    assert (
        '<div class="german-only"><p class="german-only__note">German only</p><div lang="de">'
        "<ul><li>Stadtwerke</li><li>Parkhausbetreiber</li></ul></div></div>"
    ) in html


def test_german_pages_carry_no_german_only_notes(client, project):
    html = page(client, "/projekte/handyparken/")
    assert "Team Handyparken" in html and "German only" not in html and "nur auf Deutsch" not in html
    assert '<span lang="de">' not in html


def test_date_change_reasons_are_english_where_translated_and_marked_where_not(client, project):
    with time_machine.travel(TODAY, tick=False):
        project.planned_end_date = datetime.date(2026, 12, 31)
        project_save(project=project)
        project.planned_end_date = datetime.date(2027, 3, 31)
        project_save(project=project, reason="Ausschreibung wiederholt.")
        project.planned_end_date = datetime.date(2027, 6, 30)
        project_save(project=project, reason="Lieferengpass.")
        project.date_changes.filter(reason_de="Lieferengpass.").update(reason_en="Supply shortage.")
        html = page(client, "/en/projekte/handyparken/")
    assert '<td data-label="Reason">Supply shortage.</td>' in html
    assert f'<td data-label="Reason">{german_only("Ausschreibung wiederholt.")}</td>' in html


def test_milestone_titles_fall_back_marked_in_the_schedule_the_timeline_and_the_date_changes(client, project):
    with time_machine.travel(TODAY, tick=False):
        milestone = make_milestone(project, title_de="Ausschreibung", due_date=datetime.date(2026, 12, 21))
        milestone_save(milestone=milestone)
        milestone.due_date = datetime.date(2027, 1, 21)
        milestone_save(milestone=milestone, reason="Später.")
        html = page(client, "/en/projekte/handyparken/")
    assert f'<h3 class="milestone__title">{german_only("Ausschreibung")}</h3>' in html
    # Once in the schedule, once as the row header of its date change.
    assert html.count(f'<th scope="row">Milestone “{german_only("Ausschreibung")}”</th>') == 2


def test_news_page_in_english_marks_a_german_body_and_author(client, project):
    make_news(
        title_de="Parken per App",
        title_en="Parking by app",
        teaser_en="Now in testing.",
        slug="parken-per-app",
        body_de="Der **Test** beginnt.",
        author_de="Team KL Navi",
        author_en="",
        projects=[project],
    )
    html = page(client, "/en/neuigkeiten/parken-per-app/")
    assert "<h1>Parking by app</h1>" in html
    assert german_only("Team KL Navi") in html
    assert '<p class="german-only__note">German only</p><div lang="de"><p>Der <strong>Test</strong>' in html


def test_the_default_author_has_an_english_name(client):
    make_news(title_de="Parken", title_en="Parking", slug="parken")
    html = page(client, "/en/neuigkeiten/parken/")
    assert "Department for Digitalization and Innovation" in html


def test_cards_and_field_pages_mark_untranslated_titles(client):
    field = make_field(name_de="Verkehr", name_en="", slug="verkehr", summary_de="Wege", summary_en="Ways")
    make_project(title_de="Nur Deutsch", summary_de="Kurz.", field=field)
    html = page(client, "/en/handlungsfelder/verkehr/")
    assert f"<h1>{german_only('Verkehr')}" not in html  # the swatch comes first
    assert german_only("Verkehr") in html and "Ways" in html
    assert f'<a href="/en/projekte/nur-deutsch/">{german_only("Nur Deutsch")}</a>' in html
    assert german_only("Kurz.") in page(client, "/en/projekte/")


def test_legal_page_body_without_english_is_marked_german(client):
    LegalPage.objects.create(kind="impressum", title_de="Impressum", title_en="Legal notice", body_de="Anbieter")
    html = page(client, "/en/impressum/")
    assert "<h1>Legal notice</h1>" in html
    assert '<div lang="de"><p>Anbieter</p></div>' in html


def test_german_only_marking_escapes_the_text():
    obj = make_project(title_de="<script>alert(1)</script>")
    with translation.override("en"):
        html = Template('{% load portal %}{{ obj|tr:"title" }}').render(Context({"obj": obj}))
    assert html == german_only("&lt;script&gt;alert(1)&lt;/script&gt;")


@pytest.mark.parametrize(
    ("language", "amount", "expected"),
    [
        ("de", Decimal("23418896.00"), "23.418.896\N{NO-BREAK SPACE}€"),
        ("en", Decimal("23418896.00"), "€23,418,896"),
        ("de", 950, "950\N{NO-BREAK SPACE}€"),
        ("en", Decimal("0.4"), "€0"),
        ("de", None, ""),
    ],
)
def test_one_amount_style_per_language(language, amount, expected):
    with translation.override(language):
        assert Template("{% load portal %}{{ amount|euro }}").render(Context({"amount": amount})) == expected


def test_project_page_amounts_in_both_languages(client):
    make_project(title_de="Schulnetz", slug="schulnetz", budget=Decimal("23418896"))
    assert "<dd>23.418.896\N{NO-BREAK SPACE}€</dd>" in page(client, "/projekte/schulnetz/")
    assert "<dd>€23,418,896</dd>" in page(client, "/en/projekte/schulnetz/")
    assert "€23,418,896" in page(client, "/en/")


def test_english_pages_write_every_date_one_way(client, project):
    with time_machine.travel(TODAY, tick=False):
        make_milestone(project, title_de="Ausschreibung", title_en="Tender", due_date=datetime.date(2026, 12, 21))
        project_html = page(client, "/en/projekte/handyparken/")
        home_html = page(client, "/en/")
    assert '<time datetime="2026-12-21">December 21, 2026</time>' in project_html
    assert '<time datetime="2026-12-21">December 21, 2026</time>' in home_html  # the short list of milestones
    assert "Dec. 21" not in project_html + home_html and "12/21/2026" not in project_html + home_html
    assert '<time datetime="2026-12-21">21. Dezember 2026</time>' in page(client, "/projekte/handyparken/")


def test_an_image_whose_alternative_text_has_no_english_is_marked_german(client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    item = make_news(title_de="Parken", title_en="Parking", slug="parken", image="news/p.png", image_alt_de="Schild")
    html = page(client, "/en/neuigkeiten/parken/")
    assert '<img src="/media/news/p.png" alt="Schild" lang="de">' in html
    item.image_alt_en = "A sign"
    item.save()
    assert '<img src="/media/news/p.png" alt="A sign">' in page(client, "/en/neuigkeiten/parken/")


def test_editors_find_legal_pages_and_fields_without_english(client, editor):
    LegalPage.objects.create(kind="impressum", title_de="Impressum", title_en="Legal notice", body_de="Anbieter")
    LegalPage.objects.create(kind="datenschutz", title_de="Datenschutz", title_en="Privacy", body_de="A", body_en="B")
    make_field(name_de="Verkehr", name_en="Mobility", summary_de="Wege", summary_en="")
    client.force_login(editor)
    pages = client.get("/admin/kaiserslautern_portal/legalpage/", {"englisch": "fehlt"}).context["cl"].result_list
    assert [page.kind for page in pages] == ["impressum"]
    html = client.get("/admin/projects/fieldofaction/", {"englisch": "fehlt"}).content.decode()
    assert '<td class="field-english_missing">Kurzbeschreibung</td>' in html


def test_english_emails_mark_german_titles_teasers_and_bodies_in_their_html(project):
    from citizens import emails

    item = make_news(title_de="Parken per App", teaser_de="Mehr Nutzer.", body_de="Der **Test**.", projects=[project])
    html = emails.subscriber_template(
        "news_item", language="en", context={"item": item, "projects": [project], "url": "https://x.example/"}
    ).alternatives[0][0]
    assert german_only("Parken per App") in html and german_only("Mehr Nutzer.") in html
    assert '<p class="german-only__note">German only</p><div lang="de"><p>Der <strong>Test</strong>' in html
    assert ">Mobile parking</a>" in html
    digest = emails.subscriber_template(
        "news_digest", language="en", context={"items": [item], "week": TODAY.date(), "news_url": "/"}
    ).alternatives[0][0]
    assert german_only("Parken per App") in digest and german_only("Mehr Nutzer.") in digest
    german = emails.subscriber_template(
        "news_item", language="de", context={"item": item, "projects": [project], "url": "https://x.example/"}
    ).alternatives[0][0]
    assert 'lang="de">' not in german.split("<body", 1)[1] and "nur auf Deutsch" not in german


def test_an_english_confirmation_marks_a_german_field_name(client, django_capture_on_commit_callbacks):
    from django.core import mail

    from citizens.tests.helpers import subscribe_data

    field = make_field(name_de="Mobilität", name_en="", slug="mobilitaet")
    data = subscribe_data(language="en", scope="handlungsfelder", fields_of_action=[field.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/abonnieren/", data)
    assert "Field of action: " + german_only("Mobilität") in mail.outbox[-1].alternatives[0][0]
    assert "Mobilität" in mail.outbox[-1].body and "lang=" not in mail.outbox[-1].body
