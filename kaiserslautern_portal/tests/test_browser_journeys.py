"""The four journeys of issue 7 in a real browser, against the live server and a real SMTP server.

The journalist, the citizen and the editor use the keyboard only (Tab, arrows, Space, Enter, typing), which is how
these tests show that every journey works without a mouse. The resident goes once by touch on a phone, once with
the mouse on a desktop, and once by keyboard.
"""

import datetime
import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from citizens.models import Subscription
from conftest import make_field, make_milestone, make_news, make_project
from kaiserslautern_portal.lib.identity.models import SiteIdentity
from kaiserslautern_portal.tests.browser import DESKTOP, PHONE, link_in, tab_to, text_of, wait_for_path
from news.models import NewsItem, ProgressUpdate
from news.services import news_publish
from projects.models import Project

pytestmark = pytest.mark.browser

PASSWORD = "kaiserslautern-2026!"


class Pointer:
    """A visitor who clicks (or taps, on a phone)."""

    def __init__(self, page, touch=False):
        self.page, self.touch = page, touch

    def activate(self, locator):
        locator.tap() if self.touch else locator.click()

    def type_into(self, locator, text):
        locator.fill(text)

    def choose(self, locator, value):
        locator.select_option(value)

    def tick(self, locator):
        locator.check()


class Keys:
    """A visitor who uses the keyboard only: every control is reached with Tab, as a keyboard user would."""

    def __init__(self, page):
        self.page = page

    def activate(self, locator):
        tab_to(self.page, locator)
        self.page.keyboard.press("Enter")

    def type_into(self, locator, text):
        tab_to(self.page, locator)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(text)

    def choose(self, locator, value):
        """A closed <select>: arrow keys move through the options."""
        tab_to(self.page, locator)
        for key in ("Home", *["ArrowDown"] * 60):
            if locator.input_value() == value:
                return
            self.page.keyboard.press(key)
        pytest.fail(f"option {value} of {locator} cannot be chosen with the arrow keys")

    def tick(self, locator):
        tab_to(self.page, locator)
        self.page.keyboard.press("Space")
        assert locator.is_checked()

    def pick_radio(self, locator):
        """Tab enters a radio group once, at its chosen button; the arrow keys move the choice within the group."""
        group = self.page.locator(f"input[type=radio][name='{locator.get_attribute('name')}']")
        checked = group.and_(self.page.locator(":checked"))
        tab_to(self.page, checked if checked.count() else group.first)
        for _press in range(group.count()):
            if locator.is_checked():
                return
            self.page.keyboard.press("ArrowDown")
        assert locator.is_checked()


def email_verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


# Resident


@pytest.fixture
def programme():
    verwaltung = make_field(name_de="Verwaltung", name_en="Administration", order=1)
    mobilitaet = make_field(name_de="Mobilität", name_en="Mobility", order=2)
    tresor = make_project(
        title_de="Bürgertresor", title_en="Citizen vault", field=verwaltung, status="in_progress", progress=40
    )
    make_milestone(
        tresor,
        title_de="Ausschreibung",
        title_en="Tender",
        due_date=datetime.date(2024, 3, 1),
        completed_on=datetime.date(2024, 2, 20),
        order=1,
    )
    make_milestone(tresor, title_de="Pilotbetrieb", title_en="Pilot", due_date=datetime.date(2099, 6, 1), order=2)
    make_project(
        title_de="Ratsinfo",
        field=verwaltung,
        status="completed",
        progress=100,
        actual_end_date=datetime.date(2023, 1, 1),
    )
    make_project(title_de="Handyparken", field=mobilitaet, status="in_progress", progress=70)
    report = make_news(title_de="Tresor im Test", title_en="Vault in testing", projects=[tresor])
    return {"field": verwaltung, "project": tresor, "report": report}


def open_menu(page, visitor):
    """On a phone the navigation, search and language switch sit behind the header's "Menü" button."""
    toggle = page.locator(".menu__toggle")
    if toggle.is_visible() and not page.locator(".menu[open]").count():
        visitor.activate(toggle)


@pytest.mark.parametrize("how", ["phone", "desktop", "keyboard"])
def test_resident_filters_projects_reads_one_and_switches_language(new_page, programme, how):
    page = new_page(**(PHONE if how == "phone" else DESKTOP))
    visitor = Keys(page) if how == "keyboard" else Pointer(page, touch=how == "phone")
    page.goto("/")
    assert page.locator("h1").inner_text() == SiteIdentity().name  # no identity saved: the defaults

    open_menu(page, visitor)
    visitor.activate(page.locator(".main-nav").get_by_role("link", name="Projekte"))
    wait_for_path(page, "/projekte/")
    assert page.locator(".grid .card").count() == 3
    visitor.choose(page.get_by_label("Handlungsfeld"), programme["field"].slug)
    visitor.choose(page.get_by_label("Status"), "in_progress")
    visitor.activate(page.get_by_role("button", name="Anzeigen"))
    page.wait_for_url(f"**/projekte/?*handlungsfeld={programme['field'].slug}*status=in_progress*")
    assert page.get_by_role("status").inner_text() == "1 Projekt gefunden"

    visitor.activate(page.get_by_role("link", name="Bürgertresor"))
    wait_for_path(page, programme["project"].get_absolute_url())
    milestones = page.locator(".timeline li")
    assert milestones.count() == 2
    assert "erreicht" in milestones.nth(0).inner_text()
    assert "Pilotbetrieb" in milestones.nth(1).inner_text()
    assert "40 %" in page.locator(".progress__value").first.inner_text()

    visitor.activate(page.get_by_role("link", name="Tresor im Test"))
    wait_for_path(page, programme["report"].get_absolute_url())
    assert page.locator("h1").inner_text() == "Tresor im Test"

    visitor.activate(page.get_by_role("link", name="Bürgertresor"))
    wait_for_path(page, programme["project"].get_absolute_url())
    open_menu(page, visitor)
    visitor.activate(page.get_by_role("link", name="English"))
    page.wait_for_selector("html[lang=en]")
    assert page.locator("h1").inner_text() == "Citizen vault"
    assert page.get_by_role("heading", name="Milestones").is_visible()

    open_menu(page, visitor)
    visitor.activate(page.get_by_role("link", name="Deutsch"))
    page.wait_for_selector("html[lang=de]")
    assert page.get_by_role("heading", name="Meilensteine").is_visible()


# Journalist


def publish_progress_report(project, progress):
    """What an editor does in the admin (test_editor_journey drives that in the browser)."""
    item = make_news(title_de="Neuer Stand beim Bürgertresor", teaser_de="Der Tresor geht in Betrieb.", status="draft")
    ProgressUpdate.objects.create(news_item=item, project=project, progress=progress, status="in_progress")
    return news_publish(item=item)


def run_notifications_sweep():
    """What Celery beat runs every 30 seconds (the lead's citizens.tasks.notifications_sweep)."""
    from citizens import tasks

    sweep = getattr(tasks, "notifications_sweep", None)
    if sweep is None:
        pytest.xfail("citizens.tasks.notifications_sweep does not exist yet: news notifications are being written")
    sweep.delay()


def test_journalist_subscribes_to_a_field_gets_the_news_and_unsubscribes(page, site, smtp_inbox, programme):
    other = make_subscription_elsewhere()
    keys = Keys(page)
    page.goto("/")
    keys.activate(page.locator(".main-nav").get_by_role("link", name="Abonnieren"))
    wait_for_path(page, "/abonnieren/")
    keys.type_into(page.get_by_label("E-Mail-Adresse", exact=True), "redaktion@rheinpfalz.example")
    keys.pick_radio(page.get_by_label("über Neuigkeiten aus ausgewählten Handlungsfeldern"))
    keys.tick(page.get_by_label("Verwaltung", exact=True))
    keys.tick(page.locator("input[name=consent]"))
    keys.activate(page.get_by_role("button", name="Abonnieren"))
    wait_for_path(page, "/abonnieren/gesendet/")
    assert not Subscription.objects.confirmed().filter(email="redaktion@rheinpfalz.example").exists()

    message = smtp_inbox.wait_for(to="redaktion@rheinpfalz.example")
    page.goto(link_in(message, site, "/abonnieren/bestaetigen/"))
    assert "Handlungsfeld Verwaltung" in page.locator("main").inner_text()
    keys.activate(page.get_by_role("button", name="Ja, Abonnement bestätigen"))
    wait_for_path(page, "/abonnieren/bestaetigt/")
    subscription = Subscription.objects.confirmed().get(email="redaktion@rheinpfalz.example")
    assert list(subscription.fields.all()) == [programme["field"]]

    publish_progress_report(programme["project"], progress=75)
    run_notifications_sweep()
    news = smtp_inbox.wait_for(to="redaktion@rheinpfalz.example", count=2)
    assert "Neuer Stand beim Bürgertresor" in news["Subject"]
    assert NewsItem.objects.get(title_de="Neuer Stand beim Bürgertresor").get_absolute_url() in text_of(news)
    assert news["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not [m for m in smtp_inbox.messages if other.email in m["To"]]

    page.goto(link_in(news, site, "/abmelden/"))
    keys.activate(page.get_by_role("button", name="Jetzt abmelden"))
    page.wait_for_selector("text=Sie sind abgemeldet")
    assert not Subscription.objects.filter(email="redaktion@rheinpfalz.example").exists()


def make_subscription_elsewhere():
    """A subscriber to another field, who must not hear of the report."""
    from citizens.tests.helpers import make_subscription

    mobility = Project.objects.get(title_de="Handyparken").field
    return make_subscription(email="mobil@example.org", fields=[mobility])


# Citizen


def test_citizen_signs_up_follows_a_project_downloads_their_data_and_deletes_the_account(page, site, smtp_inbox):
    project = make_project(title_de="Lotsensystem")
    keys = Keys(page)
    page.goto("/")
    keys.activate(page.locator(".main-nav").get_by_role("link", name="Konto"))
    wait_for_path(page, "/konto/login/")
    keys.activate(page.get_by_role("link", name="registrieren Sie sich"))
    wait_for_path(page, "/konto/signup/")
    keys.type_into(page.get_by_label("E-Mail"), "dora@example.org")
    keys.type_into(page.locator("#id_password1"), PASSWORD)
    keys.type_into(page.locator("#id_password2"), PASSWORD)
    keys.activate(page.get_by_role("button", name="Registrieren"))
    wait_for_path(page, "/konto/confirm-email/")

    page.goto(link_in(smtp_inbox.wait_for(to="dora@example.org"), site, "/konto/confirm-email/"))
    keys.activate(page.get_by_role("button", name="Bestätigen"))
    page.wait_for_selector("text=dora@example.org bestätigt")
    keys.activate(page.locator(".main-nav").get_by_role("link", name="Konto"))
    wait_for_path(page, "/konto/login/")
    keys.type_into(page.get_by_label("E-Mail"), "dora@example.org")
    keys.type_into(page.get_by_label("Passwort"), PASSWORD)
    keys.activate(page.get_by_role("button", name="Anmelden"))
    wait_for_path(page, "/konto/")

    page.goto(project.get_absolute_url())
    keys.activate(page.get_by_role("button", name="„Lotsensystem“ folgen"))
    page.wait_for_selector("text=Sie folgen jetzt „Lotsensystem“")
    keys.activate(page.locator(".main-nav").get_by_role("link", name="Konto"))
    wait_for_path(page, "/konto/")
    assert "dem Projekt Lotsensystem" in page.locator("main").inner_text()

    with page.expect_download() as download:
        keys.activate(page.get_by_role("link", name="Meine Daten herunterladen"))
    data = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert data["account"]["email"] == "dora@example.org"
    assert data["subscriptions"][0]["projects"] == ["Lotsensystem"]

    keys.activate(page.get_by_role("link", name="Konto löschen"))
    wait_for_path(page, "/konto/loeschen/")
    keys.tick(page.get_by_label("Ja, ich möchte mein Konto"))
    keys.activate(page.get_by_role("button", name="Konto endgültig löschen"))
    page.wait_for_selector("text=Ihr Konto und Ihre Abonnements sind gelöscht.")
    assert not get_user_model().objects.filter(email="dora@example.org").exists()
    assert not Subscription.objects.filter(email="dora@example.org").exists()


# Editor


def test_editor_creates_a_project_publishes_a_report_and_sees_it_in_public(page, site, editor):
    email_verified(editor)
    field = make_field(name_de="Bildung")
    keys = Keys(page)
    page.goto("/admin/")
    wait_for_path(page, "/konto/login/")
    keys.type_into(page.get_by_label("E-Mail"), editor.email)
    keys.type_into(page.get_by_label("Passwort"), "bob-secret-123")
    keys.activate(page.get_by_role("button", name="Anmelden"))
    wait_for_path(page, "/admin/")

    page.goto("/admin/projects/project/add/")
    # Past the admin's menu of every model, as a keyboard user would.
    keys.activate(page.get_by_role("link", name="Zum Hauptinhalt springen"))
    keys.type_into(page.locator("#id_title_de"), "Digitale Schule")
    keys.choose(page.locator("#id_field"), str(field.pk))
    keys.type_into(page.locator("#id_summary_de"), "Tablets und WLAN für alle Schulen.")
    keys.tick(page.locator("#id_is_published"))
    keys.choose(page.locator("#id_status"), "in_progress")
    keys.type_into(page.locator("#id_progress"), "20")
    keys.type_into(page.locator("#id_responsible_office_de"), "Referat Schulen")
    for n, (title, due) in enumerate([("WLAN in allen Schulen", "01.09.2026"), ("Tablets verteilt", "01.03.2027")]):
        keys.activate(page.locator("#milestones-group .add-row a"))
        keys.type_into(page.locator(f"#id_milestones-{n}-title_de"), title)
        keys.type_into(page.locator(f"#id_milestones-{n}-due_date"), due)
    keys.activate(page.locator("input[name=_save]"))
    page.wait_for_selector(".messagelist .success")
    project = Project.objects.get(title_de="Digitale Schule")
    assert project.slug == "digitale-schule"
    assert list(project.milestones.values_list("title_de", flat=True)) == ["WLAN in allen Schulen", "Tablets verteilt"]

    page.goto("/admin/news/newsitem/add/")
    keys.activate(page.get_by_role("link", name="Zum Hauptinhalt springen"))
    keys.type_into(page.locator("#id_title_de"), "WLAN in allen Schulen")
    keys.type_into(page.locator("#id_teaser_de"), "Alle Schulen haben jetzt schnelles WLAN.")
    keys.choose(page.locator("#id_status"), "published")
    now = timezone.localtime() - datetime.timedelta(minutes=5)
    keys.type_into(page.locator("#id_published_at_0"), now.strftime("%d.%m.%Y"))
    keys.type_into(page.locator("#id_published_at_1"), now.strftime("%H:%M:%S"))
    keys.activate(page.locator("#progress_updates-group .add-row a"))
    # The project is chosen in an autocomplete box (select2): open it, type, take the match with Enter.
    keys.activate(page.locator("#progress_updates-group .select2-selection").first)
    page.keyboard.type("Digitale")
    page.wait_for_selector(".select2-results__option--highlighted:has-text('Digitale Schule')")
    page.keyboard.press("Enter")
    keys.type_into(page.locator("#id_progress_updates-0-progress"), "60")
    keys.choose(page.locator("#id_progress_updates-0-status"), "in_progress")
    keys.activate(page.locator("input[name=_save]"))
    page.wait_for_selector(".messagelist .success")

    page.goto(project.get_absolute_url())
    assert page.locator(".progress__value").first.inner_text() == "60 %"
    assert page.get_by_role("link", name="WLAN in allen Schulen").is_visible()
    history = page.locator("#history-caption").locator("xpath=..").inner_text()
    assert "20 %" in history and "60 %" in history
