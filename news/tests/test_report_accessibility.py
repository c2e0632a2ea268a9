"""WCAG 2.1 AA on the programme reports: axe-core finds nothing on the archive, a report (with an erratum), its print
view and a draft's preview, on a phone (375 px) and a desktop (1366 px); none scrolls sideways at 375 or 320 px."""

import pytest

from kaiserslautern_portal.tests.browser import assert_accessible, assert_no_horizontal_scrolling, load_demo, log_in
from news.models import ProgrammeReport
from news.services import report_add_erratum

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1366, "height": 900}}


def latest_report():
    load_demo()
    report = ProgrammeReport.objects.public().order_by("-period_end").first()
    report_add_erratum(report=report, text_de="Eine Zahl war falsch.", text_en="A figure was wrong.")
    return report


def archive():
    latest_report()
    return "/berichte/"


def report():
    return latest_report().get_absolute_url()


def report_in_english():
    return f"/en{latest_report().get_absolute_url()}"


def print_view():
    return f"{latest_report().get_absolute_url()}druck/"


SCENARIOS = [archive, report, report_in_english, print_view]


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone-375", "desktop-1366"])
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.__name__ for s in SCENARIOS])
def test_report_pages_have_no_accessibility_violations(scenario, device, new_page, site):
    page = new_page(**device)
    page.goto(scenario())
    page.wait_for_selector("main h1")
    assert_accessible(page)
    assert_no_horizontal_scrolling(page)
    if device is PHONE:
        page.set_viewport_size({"width": 320, "height": 640})
        assert_no_horizontal_scrolling(page)


def test_draft_preview_for_editors_has_no_accessibility_violations(new_page, site, editor):
    latest_report()
    draft = ProgrammeReport.objects.create(
        slug="entwurf", title_de="Entwurf", period_start="2026-10-01", period_end="2026-12-31"
    )
    page = new_page(**PHONE)
    log_in(page, editor, site)
    page.goto(draft.get_absolute_url())
    page.wait_for_selector("text=Vorschau:")
    assert_accessible(page)
    assert_no_horizontal_scrolling(page)


def test_archive_with_the_follow_button_has_no_accessibility_violations(new_page, site, citizen):
    from allauth.account.models import EmailAddress

    latest_report()
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    page = new_page(**PHONE)
    log_in(page, citizen, site)
    page.goto("/berichte/")
    page.get_by_role("button", name="Programmberichten folgen").click()
    page.wait_for_selector(".message--success")
    assert_accessible(page)
    assert_no_horizontal_scrolling(page)
