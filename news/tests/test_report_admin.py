import datetime

import pytest
import time_machine

from news.models import ProgrammeReport
from news.services import report_publish, report_publish_due
from news.tests.report_history import AFTER_Q3, build_history, make_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    with time_machine.travel(AFTER_Q3, tick=False):
        yield build_history()


def form(**overrides):
    data = {
        "title_de": "Programmbericht 3. Quartal 2026", "title_en": "", "slug": "2026-q3",
        "period_start": "01.07.2026", "period_end": "30.09.2026", "foreword_de": "Vorwort", "foreword_en": "",
        "published_at_0": "", "published_at_1": "",
        "errata-TOTAL_FORMS": "0", "errata-INITIAL_FORMS": "0", "errata-MIN_NUM_FORMS": "0",
        "errata-MAX_NUM_FORMS": "1000",
    }  # fmt: skip
    return data | overrides


def test_editor_creates_a_draft_and_sees_the_generated_numbers_read_only(client, editor, programme):
    client.force_login(editor)
    response = client.post("/admin/news/programmereport/add/", form())
    assert response.status_code == 302, response.content.decode()[:3000]
    report = ProgrammeReport.objects.get()
    assert report.status == ProgrammeReport.Status.DRAFT and report.snapshot is None
    page = client.get(f"/admin/news/programmereport/{report.pk}/change/").content.decode()
    assert "Aus den Daten von jetzt erzeugt" in page
    assert 'name="snapshot"' not in page and 'name="status"' not in page
    assert f'href="{report.get_absolute_url()}"' in page


def test_editor_publishes_with_the_action_and_the_report_is_frozen(client, editor, programme):
    report = make_report()
    client.force_login(editor)
    with time_machine.travel(AFTER_Q3, tick=False):
        client.post("/admin/news/programmereport/", {"action": "publish", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.status == ProgrammeReport.Status.PUBLISHED and report.snapshot["programme"]["projects"] == 5


def test_a_published_report_cannot_be_edited_only_corrected(client, editor, programme):
    with time_machine.travel(AFTER_Q3, tick=False):
        report = report_publish(report=make_report())
    client.force_login(editor)
    url = f"/admin/news/programmereport/{report.pk}/change/"
    page = client.get(url).content.decode()
    assert "Bei der Veröffentlichung festgeschrieben" in page
    assert 'name="foreword_de"' not in page and 'name="period_end"' not in page
    erratum = {"errata-TOTAL_FORMS": "1", "errata-0-date": "20.10.2026", "errata-0-text_de": "Korrektur",
               "errata-0-text_en": "Correction"}  # fmt: skip
    response = client.post(url, form(**erratum, foreword_de="Umgeschrieben"))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.foreword_de == "Ein **gutes** Quartal."
    assert [e.text_de for e in report.errata.all()] == ["Korrektur"]


def test_editors_cannot_delete_reports(client, editor, programme):
    report = make_report()
    client.force_login(editor)
    assert client.post(f"/admin/news/programmereport/{report.pk}/delete/", {"post": "yes"}).status_code == 403
    assert ProgrammeReport.objects.exists()


def test_editor_takes_a_scheduled_report_back_to_draft(client, editor, programme):
    with time_machine.travel(AFTER_Q3, tick=False):
        scheduled = report_publish(report=make_report(), at=AFTER_Q3 + datetime.timedelta(days=3))
        published = report_publish(report=make_report(slug="schon-draussen"))
        client.force_login(editor)
        client.post(
            "/admin/news/programmereport/", {"action": "unschedule", "_selected_action": [scheduled.pk, published.pk]}
        )
    scheduled.refresh_from_db()
    published.refresh_from_db()
    assert scheduled.status == ProgrammeReport.Status.DRAFT
    assert published.status == ProgrammeReport.Status.PUBLISHED and published.snapshot is not None
    with time_machine.travel(AFTER_Q3 + datetime.timedelta(days=4), tick=False):
        assert report_publish_due() == 0
