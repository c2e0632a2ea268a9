"""WCAG 2.1 AA / BITV 2.0: axe-core finds nothing on any page in any state, and the pages reflow at 320 px and 200 %.

Each scenario opens one page in one state (empty, with errors, success) with the demo programme loaded; the test
then runs axe-core over it, and checks that it needs no sideways scrolling at 320 CSS pixels (WCAG 1.4.10) nor at
640 (a 1280 px window at 200 % zoom, WCAG 1.4.4).
"""

import inspect

import pytest
from allauth.account.models import EmailAddress

from citizens.tests.helpers import make_subscription
from citizens.tokens import confirmation_token, unsubscribe_token
from conftest import make_news
from kaiserslautern_portal.demo.loader import load_legal_pages
from kaiserslautern_portal.tests.browser import (
    assert_accessible,
    assert_no_horizontal_scrolling,
    focus_is_visible,
    link_in,
    load_demo,
    log_in,
    wait_for_path,
)
from news.models import NewsItem
from projects.models import FieldOfAction, Project

pytestmark = pytest.mark.browser

PASSWORD = "kaiserslautern-2026!"


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def richest_project():
    """The demo project with the most to show: milestones, date changes, indicators, news."""
    return max(
        Project.objects.published(),
        key=lambda p: (p.indicators.count(), p.date_changes.count(), p.milestones.count(), p.news_items.count()),
    )


def submit_without_browser_checks(page, form="main form"):
    """Send a form as it is, past the browser's own checks, so that the server's error messages show."""
    page.locator(form).evaluate("form => { form.noValidate = true; }")
    page.locator(form).locator("button[type=submit]").last.click()


# Scenarios: each takes (page, site, people) and leaves the page in the state to check.


def start(page, site, people):
    load_demo()
    page.goto("/")


def start_in_english(page, site, people):
    load_demo()
    page.goto("/")
    page.get_by_role("link", name="English").click()
    page.wait_for_selector("html[lang=en]")


def project_list(page, site, people):
    load_demo()
    page.goto("/projekte/")


def project_list_filtered(page, site, people):
    load_demo()
    page.goto("/projekte/")
    page.get_by_label("Handlungsfeld").select_option(FieldOfAction.objects.order_by("order").first().slug)
    page.get_by_label("Status").select_option("in_progress")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_url("**/projekte/?*handlungsfeld=*")


def project_list_without_results(page, site, people):
    load_demo()
    page.goto("/projekte/?q=gibtesnichtimprogramm")


def project_list_with_bad_filters(page, site, people):
    load_demo()
    page.goto("/projekte/?status=unbekannt&handlungsfeld=gibtsnicht")


def project_list_page_two(page, site, people):
    load_demo()
    page.goto("/projekte/?seite=2")


def project(page, site, people):
    load_demo()
    page.goto(richest_project().get_absolute_url())


def project_in_english(page, site, people):
    load_demo()
    page.goto("/en" + richest_project().get_absolute_url())


def project_as_follower(page, site, people):
    load_demo()
    log_in(page, verified(people["citizen"]), site)
    page.goto(richest_project().get_absolute_url())
    page.get_by_role("button", name="folgen").click()
    page.wait_for_selector(".message--success")


def field_of_action(page, site, people):
    load_demo()
    page.goto(FieldOfAction.objects.order_by("order").first().get_absolute_url())


def news_list(page, site, people):
    load_demo()
    page.goto("/neuigkeiten/")


def news_list_filtered(page, site, people):
    load_demo()
    page.goto("/neuigkeiten/")
    page.get_by_label("Art").select_option("progress_report")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_url("**/neuigkeiten/?*art=progress_report*")


def news_list_by_field_project_and_year(page, site, people):
    load_demo()
    item = NewsItem.objects.public().filter(projects__isnull=False).first()
    project = item.projects.first()
    page.goto("/neuigkeiten/")
    page.get_by_label("Handlungsfeld").select_option(project.field.slug)
    page.get_by_role("button", name="Anzeigen").click()
    page.get_by_label("Projekt", exact=True).select_option(project.slug)
    page.get_by_label("Jahr").select_option(str(item.published_at.year))
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_url("**/neuigkeiten/?*jahr=*")
    page.wait_for_selector(".news-card")


def start_with_chart_tables_open(page, site, people):
    load_demo()
    page.goto("/")
    for summary in page.locator(".chart__table summary").all():
        summary.click()


def field_with_chart_tables_open(page, site, people):
    load_demo()
    page.goto(max(FieldOfAction.objects.with_stats(), key=lambda f: f.project_count).get_absolute_url())
    for summary in page.locator(".chart__table summary").all():
        summary.click()


def menu_open_on_a_phone(page, site, people):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto("/")
    page.get_by_text("Menü").click()
    page.get_by_role("link", name="Neuigkeiten", exact=True).wait_for()


def news_item(page, site, people):
    load_demo()
    page.goto(NewsItem.objects.public().filter(projects__isnull=False).first().get_absolute_url())


def news_item_in_english(page, site, people):
    load_demo()
    page.goto("/en" + NewsItem.objects.public().filter(projects__isnull=False).first().get_absolute_url())


def search_form(page, site, people):
    load_demo()
    page.goto("/suche/")


def search_with_results(page, site, people):
    load_demo()
    page.goto("/")
    page.get_by_label("Projekte und Neuigkeiten durchsuchen").fill("digital")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_selector(".search-results")


def search_without_results(page, site, people):
    load_demo()
    page.goto("/suche/?q=gibtesnichtimprogramm")


def search_too_long(page, site, people):
    load_demo()
    page.goto("/suche/?q=" + "x" * 201)


def subscribe(page, site, people):
    load_demo()
    page.goto("/abonnieren/")


def subscribe_with_errors(page, site, people):
    load_demo()
    page.goto("/abonnieren/")
    page.get_by_label("E-Mail-Adresse", exact=True).fill("presse@example")
    page.get_by_label("über Neuigkeiten aus ausgewählten Handlungsfeldern").check()
    submit_without_browser_checks(page)
    page.wait_for_selector("[role=alert]")


def subscribe_sent(page, site, people):
    load_demo()
    page.goto("/abonnieren/")
    page.get_by_label("E-Mail-Adresse", exact=True).fill("presse@example.org")
    page.get_by_label("über alle Neuigkeiten des Programms").check()
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Abonnieren").click()
    wait_for_path(page, "/abonnieren/gesendet/")


def subscribe_too_often(page, site, people, monkeypatch):
    monkeypatch.setattr("citizens.views.SUBSCRIBE_REQUESTS_PER_HOUR", 0)
    page.goto("/abonnieren/")
    page.get_by_label("E-Mail-Adresse", exact=True).fill("presse@example.org")
    page.get_by_label("über alle Neuigkeiten des Programms").check()
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Abonnieren").click()
    page.wait_for_selector("text=Zu viele Anfragen")


def subscribe_without_csrf_cookie(page, site, people):
    page.goto("/abonnieren/")
    page.context.clear_cookies()
    page.get_by_label("E-Mail-Adresse", exact=True).fill("presse@example.org")
    page.get_by_label("über alle Neuigkeiten des Programms").check()
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Abonnieren").click()
    page.wait_for_load_state()


def pending_subscription():
    load_demo()
    pending = make_subscription(email="presse@example.org", confirmed_at=None, everything=False)
    pending.fields.set(FieldOfAction.objects.all()[:2])
    pending.projects.set(Project.objects.published()[:1])
    return pending


def confirm(page, site, people):
    page.goto(f"/abonnieren/bestaetigen/{confirmation_token(pending_subscription())}/")


def confirmed(page, site, people):
    page.goto(f"/abonnieren/bestaetigen/{confirmation_token(pending_subscription())}/")
    page.get_by_role("button", name="Ja, Abonnement bestätigen").click()
    wait_for_path(page, "/abonnieren/bestaetigt/")


def confirm_invalid(page, site, people):
    page.goto("/abonnieren/bestaetigen/gefaelscht/")


def unsubscribe(page, site, people):
    page.goto(f"/abmelden/{unsubscribe_token(make_subscription(everything=True))}/")


def unsubscribed(page, site, people):
    page.goto(f"/abmelden/{unsubscribe_token(make_subscription(everything=True))}/")
    page.get_by_role("button", name="Jetzt abmelden").click()
    page.wait_for_selector("text=Sie sind abgemeldet")


def unsubscribe_gone(page, site, people):
    subscription = make_subscription(everything=True)
    token = unsubscribe_token(subscription)
    subscription.delete()
    page.goto(f"/abmelden/{token}/")


def unsubscribe_invalid(page, site, people):
    page.goto("/abmelden/gefaelscht/")


def login(page, site, people):
    page.goto("/konto/login/")


def login_with_errors(page, site, people):
    page.goto("/konto/login/")
    page.get_by_label("E-Mail").fill("alice@example.org")
    page.get_by_label("Passwort").fill("falsch-falsch")
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_selector("[role=alert]")


def signup(page, site, people):
    page.goto("/konto/signup/")


def signup_with_errors(page, site, people):
    page.goto("/konto/signup/")
    page.get_by_label("E-Mail").fill("dora@example.org")
    page.locator("#id_password1").fill("kurz")
    page.locator("#id_password2").fill("anders")
    page.get_by_role("button", name="Registrieren").click()
    page.wait_for_selector("[role=alert]")


def verification_sent(page, site, people):
    page.goto("/konto/signup/")
    page.get_by_label("E-Mail").fill("dora@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Registrieren").click()
    wait_for_path(page, "/konto/confirm-email/")


def email_confirm(page, site, people, smtp_inbox):
    verification_sent(page, site, people)
    page.goto(link_in(smtp_inbox.wait_for(to="dora@example.org"), site, "/konto/confirm-email/"))


def password_reset(page, site, people):
    page.goto("/konto/password/reset/")


def password_reset_done(page, site, people):
    page.goto("/konto/password/reset/")
    page.get_by_label("E-Mail").fill("alice@example.org")
    page.get_by_role("button", name="Link zum Zurücksetzen senden").click()
    wait_for_path(page, "/konto/password/reset/done/")


def password_reset_from_key(page, site, people, smtp_inbox):
    verified(people["citizen"])
    password_reset_done(page, site, people)
    page.goto(link_in(smtp_inbox.wait_for(to="alice@example.org"), site, "/konto/password/reset/key/"))


def password_reset_from_key_with_errors(page, site, people, smtp_inbox):
    password_reset_from_key(page, site, people, smtp_inbox)
    page.locator("#id_password1").fill("kurz")
    page.locator("#id_password2").fill("anders")
    page.get_by_role("button", name="Passwort speichern").click()
    page.wait_for_selector("[role=alert]")


def password_reset_invalid_key(page, site, people):
    page.goto("/konto/password/reset/key/1-gefaelscht/")


def account_without_subscriptions(page, site, people):
    log_in(page, verified(people["citizen"]), site)
    page.goto("/konto/")


def account_with_subscriptions(page, site, people):
    load_demo()
    citizen = verified(people["citizen"])
    subscription = make_subscription(email=citizen.email, user=citizen)
    subscription.fields.set(FieldOfAction.objects.all()[:2])
    subscription.projects.set(Project.objects.published()[:2])
    make_subscription(email=citizen.email, confirmed_at=None)
    log_in(page, citizen, site)
    page.goto("/konto/")


def account_settings_saved(page, site, people):
    account_with_subscriptions(page, site, people)
    page.get_by_label("einmal pro Woche als Zusammenfassung").check()
    page.get_by_role("button", name="Häufigkeit speichern").click()
    page.wait_for_selector(".message--success")


def account_delete(page, site, people):
    log_in(page, verified(people["citizen"]), site)
    page.goto("/konto/loeschen/")


def account_delete_with_errors(page, site, people):
    account_delete(page, site, people)
    submit_without_browser_checks(page, "main form[action$='/loeschen/']")
    page.wait_for_selector("[role=alert]")


def account_deleted(page, site, people):
    account_delete(page, site, people)
    page.get_by_label("Ja, ich möchte mein Konto").check()
    page.get_by_role("button", name="Konto endgültig löschen").click()
    page.wait_for_selector(".message--success")


def account_delete_as_editor(page, site, people):
    log_in(page, people["editor"], site)
    page.goto("/konto/loeschen/")


def email_change(page, site, people):
    log_in(page, verified(people["citizen"]), site)
    page.goto("/konto/email/")


def email_change_pending(page, site, people):
    email_change(page, site, people)
    page.get_by_label("Neue E-Mail-Adresse").fill("alice.neu@example.org")
    page.get_by_role("button", name="Adresse ändern").click()
    page.wait_for_selector("text=Wir warten auf die Bestätigung")


def password_change(page, site, people):
    log_in(page, verified(people["citizen"]), site)
    page.goto("/konto/password/change/")


def password_change_with_errors(page, site, people):
    password_change(page, site, people)
    page.locator("#id_oldpassword").fill("falsch-falsch")
    page.locator("#id_password1").fill("kurz")
    page.locator("#id_password2").fill("kurz")
    page.get_by_role("button", name="Passwort speichern").click()
    page.wait_for_selector("[role=alert]")


def two_factor(page, site, people):
    log_in(page, verified(people["citizen"]), site)
    page.goto("/konto/2fa/")


def two_factor_activate(page, site, people):
    log_in(page, verified(people["citizen"]), site)
    page.goto("/konto/2fa/totp/activate/")


def logout(page, site, people):
    log_in(page, verified(people["citizen"]), site)
    page.goto("/konto/logout/")


def legal_page(kind):
    def scenario(page, site, people):
        load_legal_pages()
        page.goto(f"/{kind}/")

    scenario.__name__ = f"legal_{kind.replace('-', '_')}"
    return scenario


def not_found(page, site, people):
    page.goto("/gibt-es-nicht/")


def server_error(page, site, people):
    page.goto("/kaputt/")


SCENARIOS = [
    start,
    start_in_english,
    project_list,
    project_list_filtered,
    project_list_without_results,
    project_list_with_bad_filters,
    project_list_page_two,
    project,
    project_in_english,
    project_as_follower,
    field_of_action,
    news_list,
    news_list_filtered,
    news_list_by_field_project_and_year,
    start_with_chart_tables_open,
    field_with_chart_tables_open,
    menu_open_on_a_phone,
    news_item,
    news_item_in_english,
    search_form,
    search_with_results,
    search_without_results,
    search_too_long,
    subscribe,
    subscribe_with_errors,
    subscribe_sent,
    subscribe_too_often,
    subscribe_without_csrf_cookie,
    confirm,
    confirmed,
    confirm_invalid,
    unsubscribe,
    unsubscribed,
    unsubscribe_gone,
    unsubscribe_invalid,
    login,
    login_with_errors,
    signup,
    signup_with_errors,
    verification_sent,
    email_confirm,
    password_reset,
    password_reset_done,
    password_reset_from_key,
    password_reset_from_key_with_errors,
    password_reset_invalid_key,
    account_without_subscriptions,
    account_with_subscriptions,
    account_settings_saved,
    account_delete,
    account_delete_with_errors,
    account_deleted,
    account_delete_as_editor,
    email_change,
    email_change_pending,
    password_change,
    password_change_with_errors,
    two_factor,
    two_factor_activate,
    logout,
    *(legal_page(kind) for kind in ("impressum", "datenschutz", "barrierefreiheit", "leichte-sprache")),
    not_found,
    server_error,
]


class People(dict):
    """The citizen and the editor, each made when a scenario first asks for them: after its demo programme, which
    then starts from the migrated database and can be copied in (snapshots.cached_state)."""

    def __init__(self, request):
        super().__init__()
        self.request = request

    def __missing__(self, name):
        self[name] = self.request.getfixturevalue(name)
        return self[name]


@pytest.fixture
def people(request):
    return People(request)


@pytest.mark.urls("kaiserslautern_portal.tests.urls_with_failure")
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.__name__ for s in SCENARIOS])
def test_page_has_no_accessibility_violations_and_reflows(request, scenario, page, site, people):
    extra = {name: request.getfixturevalue(name) for name in list(inspect.signature(scenario).parameters)[3:]}
    scenario(page, site, people, **extra)
    for width in (640, 375, 320):
        page.set_viewport_size({"width": width, "height": 800})
        assert_no_horizontal_scrolling(page)
    # The DOM is the same at every width; the narrow layout is where scrolling tables and wrapping can go wrong.
    # test_every_public_page_of_the_demo_programme_is_accessible_on_a_desktop checks the desktop layout.
    assert_accessible(page)


def test_every_public_page_of_the_demo_programme_is_accessible_on_a_desktop(page, site):
    load_demo()
    urls = ["/", "/projekte/", "/neuigkeiten/", "/suche/?q=digital", "/abonnieren/", "/konto/login/", "/konto/signup/"]
    urls += ["/impressum/", "/datenschutz/", "/barrierefreiheit/", "/leichte-sprache/"]
    urls += [p.get_absolute_url() for p in Project.objects.published()]
    urls += [f.get_absolute_url() for f in FieldOfAction.objects.all()]
    urls += [n.get_absolute_url() for n in NewsItem.objects.public()]
    for url in urls:
        page.goto(url)
        assert_accessible(page)


# Keyboard, focus, labels, colour


def test_the_skip_link_is_the_first_stop_and_visible_when_focused(page, site):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 10
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("url", ["/", "/abonnieren/", "/konto/login/"])
def test_every_keyboard_stop_shows_where_the_focus_is(page, site, url):
    load_demo()
    make_news(title_de="Neu")
    page.goto(url)
    stops = 0
    for _press in range(200):
        page.keyboard.press("Tab")
        tag = page.evaluate("document.activeElement.tagName")
        if tag == "BODY":
            break
        assert focus_is_visible(page), page.evaluate("document.activeElement.outerHTML")
        stops += 1
    assert stops > 5


def test_errors_are_announced_and_tied_to_their_fields(page, site):
    load_demo()
    page.goto("/abonnieren/")
    page.get_by_label("E-Mail-Adresse", exact=True).fill("presse@example")
    submit_without_browser_checks(page)
    alert = page.get_by_role("alert")
    assert "Bitte prüfen Sie Ihre Angaben" in alert.inner_text()
    email = page.get_by_label("E-Mail-Adresse", exact=True)
    assert email.get_attribute("aria-invalid") == "true"
    described_by = email.get_attribute("aria-describedby").split()
    messages = " ".join(page.locator(f"#{id_}").inner_text() for id_ in described_by)
    assert "gültige E-Mail-Adresse" in messages
    consent = page.locator("input[name=consent]")
    assert consent.get_attribute("aria-invalid") == "true"


def test_state_is_never_told_by_colour_alone(page, site):
    load_demo()
    page.goto(richest_project().get_absolute_url())
    # Milestones and statuses say their state in words; progress bars carry the number.
    for state in page.locator(".timeline li").all():
        assert state.locator(".milestone__state").inner_text().strip()
    assert page.locator(".badge").first.inner_text().strip()
    assert page.locator(".progress__value").first.inner_text().strip().endswith("%")
    # Links in running text are underlined, not only coloured.
    for url in ("/", richest_project().get_absolute_url(), "/datenschutz/"):
        page.goto(url)
        plain = page.evaluate(
            """() => [...document.querySelectorAll('main p a, main li a, footer a')]
                .filter(a => !a.classList.contains('button'))
                .filter(a => !getComputedStyle(a).textDecorationLine.includes('underline'))
                .map(a => a.outerHTML)"""
        )
        assert not plain, plain
    # The current section in the navigation is marked for assistive technology, not only by a coloured line.
    page.goto("/projekte/")
    assert page.locator(".main-nav a[aria-current=page]").inner_text() == "Projekte"
