"""The refused subscription form in a real browser: the focus lands on the error summary."""

import pytest

from conftest import make_field, make_project
from kaiserslautern_portal.tests.browser import assert_accessible, wait_for_path

pytestmark = pytest.mark.browser


def submit_a_contradictory_choice(page):
    make_project(title_de="KL Navi", field=make_field(name_de="Mobilität"))
    page.goto("/abonnieren/")
    page.get_by_label("E-Mail-Adresse", exact=True).fill("redaktion@rheinpfalz.example")
    page.get_by_label("über alle Neuigkeiten des Programms").check()
    page.get_by_label("KL Navi", exact=True).check()
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Abonnieren").click()
    wait_for_path(page, "/abonnieren/")
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    return summary


def test_a_contradictory_choice_moves_the_focus_to_the_error_summary(page):
    summary = submit_a_contradictory_choice(page)
    page.wait_for_function("document.activeElement && document.activeElement.id === 'fehler'", timeout=5000)
    assert summary.get_attribute("role") == "alert"
    assert "über alle Neuigkeiten" in summary.inner_text()
    assert "id_scope_error" in page.locator("#id_scope").get_attribute("aria-describedby")
    assert page.get_by_label("über alle Neuigkeiten des Programms").get_attribute("aria-invalid") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_scope"
    assert_accessible(page)


def test_without_javascript_the_next_tab_starts_at_the_error_summary(new_page):
    page = new_page(java_script_enabled=False)
    submit_a_contradictory_choice(page)
    assert page.url.endswith("/abonnieren/#fehler")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_scope"
