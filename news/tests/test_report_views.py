import datetime

import pytest
import time_machine
from django.urls import reverse

from conftest import make_field, make_project
from kaiserslautern_portal.tests.browser import in_ci
from news import pdf
from news.services import report_add_erratum, report_publish
from news.tests.report_history import AFTER_Q2, AFTER_Q3, build_history, make_q2_report, make_report
from projects.models import Project
from projects.services import project_update_progress

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(client):
    with time_machine.travel(AFTER_Q3, tick=False):
        programme = build_history()
    with time_machine.travel(AFTER_Q2, tick=False):
        report_publish(report=make_q2_report())
    with time_machine.travel(AFTER_Q3, tick=False):
        report = report_publish(report=make_report())
    programme["report"] = report
    return programme


def text(response):
    return " ".join(response.content.decode().split())


def test_archive_lists_published_reports_newest_period_first(client, published):
    make_report(slug="entwurf", title_de="Noch ein Entwurf")
    response = client.get("/berichte/")
    assert response.status_code == 200
    page = text(response)
    assert page.index("Programmbericht 3. Quartal 2026") < page.index("Programmbericht 2. Quartal 2026")
    assert "Noch ein Entwurf" not in page
    summary = "Vom 1. Juli 2026 bis 30. September 2026: 5 Projekte, im Durchschnitt zu 55,0 % umgesetzt, davon 2 im "
    summary += "Verzug."
    assert summary in page


def test_archive_is_paginated(client, published):
    with time_machine.travel(AFTER_Q3, tick=False):
        for year in range(2000, 2024):
            start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
            report = make_report(slug=f"y{year}", title_de=f"Jahresbericht {year}", period_start=start, period_end=end)
            report_publish(report=report)
    # Twelve a page: both quarters of 2026, then the years from 2023 back.
    first, third = text(client.get("/berichte/")), text(client.get("/berichte/?seite=3"))
    assert "Jahresbericht 2014" in first and "Jahresbericht 2013" not in first
    assert "Jahresbericht 2000" in third and "Jahresbericht 2002" not in third
    assert client.get("/berichte/?seite=9").status_code == 404


def test_report_page_shows_the_frozen_numbers_charts_and_tables(client, published):
    response = client.get("/berichte/2026-q3/")
    assert response.status_code == 200
    page = text(response)
    for expected in (
        "Das Programm am 30. September 2026",
        "<dt>Projekte</dt><dd>5</dd>",
        "<dt>im Verzug</dt><dd>2</dd>",
        "55,0 %",
        "170.000 € (für 3 Projekte)",
        "45.000 € (2 Projekte, Stand 30. Juni 2026 bis 15. September 2026)",
        "Lieferverzug beim Dienstleister",
        "Meilenstein „Testlauf“",
        "überfällig seit 25. September 2026",
        "erreicht am 10. August 2026",
        "Verglichen mit „Programmbericht 2. Quartal 2026“",
        "Fortschritt von 80 % auf 100 %; abgeschlossen",
        "neu im Verzug",
        "Ein <strong>gutes</strong> Quartal.",
        "Alpha kommt voran",
    ):
        assert expected in page, expected
    assert page.count("<svg") >= 2 and 'role="img"' in page
    assert '<caption id="status-caption">Projekte nach Status</caption>' in page


def test_an_edit_after_publication_changes_nothing_on_the_page(client, published):
    before = text(client.get("/berichte/2026-q3/"))
    project_update_progress(project=published["alpha"], progress=99, status="in_progress")
    Project.objects.filter(slug="beta").update(title_de="Umbenannt")
    after = text(client.get("/berichte/2026-q3/"))
    assert after == before


def test_errata_are_shown_with_their_date(client, published):
    report_add_erratum(
        report=published["report"], text_de="Beta war pausiert, nicht eingestellt.", text_en="Beta was paused.",
        date=datetime.date(2026, 10, 20),
    )  # fmt: skip
    page = text(client.get("/berichte/2026-q3/"))
    assert 'Berichtigungen</h2> <ul><li><time datetime="2026-10-20">20. Oktober 2026</time>: Beta war pausiert' in page
    assert "1 Berichtigung" in text(client.get("/berichte/"))
    assert "</time>: Beta was paused." in text(client.get("/en/berichte/2026-q3/"))
    assert "1 correction" in text(client.get("/en/berichte/"))


def test_report_page_in_english_translates_generated_text_and_names(client, published):
    page = text(client.get("/en/berichte/2026-q3/"))
    assert "The program on September 30, 2026" in page
    assert "Alpha EN" in page and "Administration" in page and "Tender" in page
    assert "A <strong>good</strong> quarter." in page
    assert "Since the last report" in page


def test_draft_is_hidden_from_the_public_and_previewed_for_editors(client, editor, published):
    make_report(slug="entwurf", title_de="Entwurf Q4", period_start=datetime.date(2026, 10, 1),
                period_end=datetime.date(2026, 12, 31))  # fmt: skip
    assert client.get("/berichte/entwurf/").status_code == 404
    assert client.get("/berichte/entwurf/druck/").status_code == 404
    client.force_login(editor)
    page = text(client.get("/berichte/entwurf/"))
    assert "Vorschau:" in page and "Entwurf Q4" in page and "Dieser Bericht ist ein Entwurf." in page


def test_pdf_is_offered_and_made_where_weasyprint_works(client, published):
    if not pdf.pdf_available():
        if in_ci():
            pytest.fail("CI must make PDFs, but WeasyPrint or Pango is missing (.ci/run installs Pango)")
        pytest.skip("WeasyPrint or Pango is missing on this machine")
    page = text(client.get("/berichte/2026-q3/"))
    assert "Als PDF herunterladen (A4)" in page and "kann dieser Server gerade nicht" not in page
    response = client.get("/berichte/2026-q3/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    # An embedded font program (/Length1): the text was laid out, not just an empty page.
    assert response.content.startswith(b"%PDF-") and b"/Length1" in response.content
    assert 'filename="programmbericht-2026-q3.pdf"' in response["Content-Disposition"]


def test_without_weasyprint_the_page_offers_the_print_view_and_says_so(client, published, monkeypatch):
    monkeypatch.setattr(pdf.ctypes.util, "find_library", lambda name: None)
    pdf.pdf_available.cache_clear()
    pdf.weasyprint.cache_clear()
    try:
        page = text(client.get("/berichte/2026-q3/"))
        assert "Als PDF herunterladen" not in page
        assert "Ein PDF kann dieser Server gerade nicht erzeugen. Bitte nutzen Sie die Druckansicht" in page
        assert 'href="/berichte/2026-q3/druck/"' in page
        assert client.get("/berichte/2026-q3/pdf/").status_code == 404
    finally:
        pdf.pdf_available.cache_clear()
        pdf.weasyprint.cache_clear()


def test_a_weasyprint_that_fails_to_load_gives_no_pdf(client, published, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def without_pango(name, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(pdf, "pdf_available", lambda: True)
    monkeypatch.setattr(builtins, "__import__", without_pango)
    pdf.weasyprint.cache_clear()
    try:
        assert pdf.render_pdf("<p>x</p>") is None
    finally:
        pdf.weasyprint.cache_clear()


def test_print_view_has_the_report_and_an_a4_stylesheet(client, published):
    response = client.get("/berichte/2026-q3/druck/")
    page = text(response)
    assert response.status_code == 200
    assert "Programmbericht 3. Quartal 2026" in page and "Lieferverzug beim Dienstleister" in page
    assert "/static/css/reports.css" in page and "main-nav" not in page
    assert "Drucken und herunterladen" not in page


def test_report_page_links_the_open_data(client, published):
    page = text(client.get("/berichte/2026-q3/"))
    assert f'href="{reverse("api:report-detail", args=["2026-q3"])}"' in page
    assert f'href="{reverse("api:report-csv", args=["2026-q3"])}"' in page


def grow(count):
    field = make_field(name_de=f"Feld {count}")
    for n in range(count):
        project = make_project(title_de=f"Projekt {count}-{n}", field=field, status="in_progress", progress=n % 100)
        project.progress_entries.create(recorded_at=AFTER_Q2, progress=n % 100, status="in_progress")
        project.milestones.create(title_de="M", due_date=datetime.date(2026, 8, 1))
        project.date_changes.create(kind="end", old_date=datetime.date(2026, 1, 1), new_date=datetime.date(2027, 1, 1),
                                    reason="Grund", changed_at=AFTER_Q2)  # fmt: skip


@pytest.mark.parametrize("size", [3, 60])
def test_generating_and_showing_a_report_takes_the_same_queries_at_any_size(
    client, editor, size, django_assert_max_num_queries
):
    from news.reports import report_content

    grow(size)
    report = make_report()
    with django_assert_max_num_queries(9):
        report_content(report, now=AFTER_Q3)
    with time_machine.travel(AFTER_Q3, tick=False):
        report_publish(report=report)
    with django_assert_max_num_queries(3):
        assert client.get("/berichte/2026-q3/").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get("/berichte/").status_code == 200


def test_feed_lists_published_reports_with_their_summary(client, published):
    make_report(slug="entwurf", title_de="Noch ein Entwurf")
    response = client.get("/berichte/rss/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    feed = response.content.decode()
    assert feed.index("Programmbericht 3. Quartal 2026") < feed.index("Programmbericht 2. Quartal 2026")
    assert "/berichte/2026-q3/</link>" in feed and "Noch ein Entwurf" not in feed
    assert "5 Projekte, im Durchschnitt zu 55,0 % umgesetzt" in feed


def test_long_lists_are_cut_on_the_page_and_point_to_the_csv(client, published, monkeypatch):
    monkeypatch.setattr("news.views.LIST_LIMIT", 2)
    page = text(client.get("/berichte/2026-q3/"))
    assert "… und 1 weiterer Eintrag." in page
    assert 'href="/api/v1/reports/2026-q3/csv/?table=progress_changes"' in page
    assert "… und 3 weitere Einträge." in page and 'href="/api/v1/reports/2026-q3/csv/?table=projects"' in page
    assert '>Gamma</a></th><td class="number">80 %' not in page


def test_reports_are_in_the_navigation_and_the_sitemap(client, published):
    assert '<a href="/berichte/"' in client.get("/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/berichte/</loc>" in sitemap and "/berichte/2026-q3/</loc>" in sitemap


def test_draft_preview_asks_staff_for_their_second_factor_first(client, editor, published, settings):
    settings.PORTAL_STAFF_REQUIRE_MFA = True
    make_report(slug="entwurf", title_de="Entwurf Q4", period_start=datetime.date(2026, 10, 1),
                period_end=datetime.date(2026, 12, 31))  # fmt: skip
    client.force_login(editor)
    response = client.get("/berichte/entwurf/")
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    assert client.get("/berichte/2026-q3/").status_code == 200
