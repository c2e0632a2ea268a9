"""Issue 16 in Chromium: a compact phone header whose menu needs no JavaScript, chart text that stays legible at
320 px, wide tables that stack, and dark mode that keeps its contrast. (Every page and state at 320 and 375 px
without sideways scrolling: test_accessibility.test_page_has_no_accessibility_violations_and_reflows.)"""

import pytest

from kaiserslautern_portal.tests.browser import (
    NARROW,
    PHONE,
    assert_accessible,
    assert_no_horizontal_scrolling,
    load_demo,
    log_in,
)
from news.models import NewsItem
from projects.models import FieldOfAction, Project

pytestmark = pytest.mark.browser

WIDE = {"viewport": {"width": 1366, "height": 900}}


def richest_project():
    return max(Project.objects.published(), key=lambda p: (p.date_changes.count(), p.milestones.count()))


def biggest_field():
    return max(FieldOfAction.objects.with_stats(), key=lambda f: f.project_count)


@pytest.fixture
def demo(db):
    load_demo()


def header_height(page) -> float:
    return page.locator(".site-header").bounding_box()["height"]


@pytest.mark.parametrize("width", [320, 375])
def test_the_phone_header_is_compact_and_its_menu_opens_without_javascript(new_page, site, width):
    page = new_page(**{**PHONE, "viewport": {"width": width, "height": 812}}, java_script_enabled=False)
    page.goto("/")
    assert header_height(page) <= 120, header_height(page)
    news = page.get_by_role("link", name="Neuigkeiten", exact=True)
    assert not news.is_visible()
    page.get_by_text("Menü").click()
    assert news.is_visible()
    news.click()
    page.wait_for_url("**/neuigkeiten/")
    assert_no_horizontal_scrolling(page)


def test_on_a_desktop_the_menu_is_always_open_and_the_button_hidden(new_page, site):
    page = new_page(**WIDE)
    page.goto("/")
    assert page.get_by_role("link", name="Neuigkeiten", exact=True).is_visible()
    assert not page.get_by_text("Menü").is_visible()
    # At most two short rows: the language switch may sit under the search now that the menu has six links.
    assert header_height(page) <= 120


@pytest.mark.parametrize("width", [320, 375])
def test_chart_text_is_at_least_12_pixels_on_a_phone(new_page, site, demo, width):
    page = new_page(viewport={"width": width, "height": 800})
    for url in ("/", biggest_field().get_absolute_url()):
        page.goto(url)
        sizes = page.evaluate(
            """() => [...document.querySelectorAll('svg.chart__svg text')].map(
                t => t.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize))"""
        )
        assert len(sizes) > 20
        assert min(sizes) >= 12, (url, width, min(sizes))


def test_wide_tables_stack_into_labelled_rows_on_a_phone(new_page, site, demo):
    page = new_page(**PHONE)
    page.goto(richest_project().get_absolute_url())
    reason = page.locator("#schedule ~ * td[data-label='Begründung'], section[aria-labelledby=schedule] td").first
    label = reason.evaluate("td => getComputedStyle(td, '::before').content")
    assert label.strip('"') == reason.get_attribute("data-label")
    for table in page.locator("section[aria-labelledby=schedule] table").all():
        box = table.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    # The reason for a moved date is on screen, not in a column off to the right.
    why = page.locator("section[aria-labelledby=schedule] td[data-label='Begründung']").first
    assert why.is_visible() and why.bounding_box()["x"] + why.bounding_box()["width"] <= 375
    assert_no_horizontal_scrolling(page)


@pytest.mark.parametrize("options", [PHONE, NARROW], ids=["375", "320"])
def test_new_states_have_no_accessibility_violations_at_both_phone_widths(new_page, site, demo, options):
    page = new_page(**options)
    item = NewsItem.objects.public().filter(projects__isnull=False).first()
    project = item.projects.first()
    urls = [
        "/",
        biggest_field().get_absolute_url(),
        richest_project().get_absolute_url(),
        f"/neuigkeiten/?handlungsfeld={project.field.slug}&projekt={project.slug}&jahr={item.published_at.year}",
        item.get_absolute_url(),
    ]
    for url in urls:
        page.goto(url)
        for summary in page.locator(".chart__table summary").all():
            summary.click()
        assert_no_horizontal_scrolling(page)
        assert_accessible(page)
    page.get_by_text("Menü").click()
    assert_accessible(page)


@pytest.mark.parametrize("options", [PHONE, WIDE], ids=["phone", "desktop"])
def test_dark_mode_keeps_the_contrast(new_page, site, demo, options):
    page = new_page(**options, color_scheme="dark")
    for url in ("/", richest_project().get_absolute_url(), "/neuigkeiten/", "/abonnieren/"):
        page.goto(url)
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"
        assert_accessible(page)


def test_no_admin_form_is_wider_than_the_screen(new_page, site, demo, editor):
    page = new_page(**WIDE)
    log_in(page, editor, site)
    project = Project.objects.filter(indicators__isnull=False).first()
    for url in (
        "/admin/",
        f"/admin/projects/project/{project.pk}/change/",
        f"/admin/projects/indicator/{project.indicators.first().pk}/change/",
        "/admin/news/newsitem/add/",
    ):
        page.goto(url)
        assert "Choose" not in page.inner_text("body")
        assert page.evaluate("document.documentElement.scrollWidth") <= 1366, url


def test_printed_pages_leave_out_the_navigation_and_print_the_chart_tables(new_page, site, demo):
    page = new_page(**WIDE)
    page.goto("/")
    page.emulate_media(media="print")
    assert not page.locator(".menu").is_visible()
    assert not page.locator(".site-search").is_visible()
    assert page.locator(".chart__table table").first.is_visible()
    assert page.locator("svg.chart__svg").first.is_visible()
