"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Loaded as a pytest plugin by the root conftest. One Chromium per test session; each test gets fresh browser
contexts (no shared cookies). Without /usr/bin/chromium the tests marked `browser` are skipped, except in CI
(CI=true), where a missing browser is a failure: .ci/run installs it.
"""

import email
import email.policy
import os
import re
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .snapshots import cached_state

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
# WCAG 1.4.10: content reflows without horizontal scrolling at 320 CSS pixels (a 1280 px window at 400 %).
NARROW = {"viewport": {"width": 320, "height": 640}}
# A 1280 px window zoomed to 200 %: 640 CSS pixels, each drawn twice as large.
ZOOM_200 = {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2}


def chromium_missing() -> bool:
    return not Path(CHROMIUM).exists()


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def pytest_collection_modifyitems(config, items):
    if not chromium_missing() or in_ci():
        return  # in CI the browser fixture fails loudly instead
    skip = pytest.mark.skip(reason=f"Chromium is not installed at {CHROMIUM}")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    if chromium_missing():
        pytest.fail(f"CI must run the browser tests, but Chromium is missing at {CHROMIUM}")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; Django's ORM must still work beside it.
    allow_async = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    serialized = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_playwright() as playwright:
        # With Playwright's loop running, Django hands this thread context-local connections, which lack the data
        # that serialized rollback restores when the test database was set up before: carry it over.
        for alias, contents in serialized.items():
            if contents is not None and not hasattr(connections[alias], "_test_serialized_contents"):
                connections[alias]._test_serialized_contents = contents
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        # Connections opened while Playwright's loop ran are context-local; nothing else closes them, and an open one
        # keeps the test database from being dropped at the end of the session.
        connections.close_all()
    if allow_async is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = allow_async


def load_demo() -> None:
    """`manage.py loaddemo`, run once per worker: later tests get its rows copied in (snapshots.cached_state)."""
    from django.core.management import call_command

    from kaiserslautern_portal.lib.cache import new_content_version

    cached_state("loaddemo", lambda: call_command("loaddemo", verbosity=0))
    new_content_version()  # copied rows send no signals: cached pages must not outlive them


@pytest.fixture
def site(live_server, django_db_serialized_rollback, settings):
    """The live server's address; links in emails point to it. Serialized rollback keeps the migrations' data."""
    settings.SITE_URL = live_server.url
    return live_server.url


@pytest.fixture
def new_page(browser, site):
    """Open a page in a fresh browser context: new_page(**PHONE), new_page(**DESKTOP)."""
    contexts = []

    def open_page(**options):
        options = {"locale": "de-DE", "base_url": site, **options}
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page(**DESKTOP)


def log_in(page, user, site: str) -> None:
    """Give the page's browser a session of `user` without going through the login form."""
    from django.test import Client

    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": site}])


# Accessibility


def axe_violations(page) -> list[dict]:
    """axe-core's violations of the page as it is now (all WCAG 2.1 A/AA rules and axe's best practices)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page).response["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}")
    return "\n".join(lines)


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"{page.url}\n{describe(violations)}"


def assert_no_horizontal_scrolling(page) -> None:
    # Neither wider than the window nor than the area left of a scroll bar.
    overflow = page.evaluate(
        "Math.max(0, document.documentElement.scrollWidth - Math.min(innerWidth, document.documentElement.clientWidth))"
    )
    if overflow > 0:
        culprits = page.evaluate(
            """() => {
                // Elements inside a scrolling region (a wide table) do not widen the page.
                const clipped = el => {
                    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                        if (getComputedStyle(a).overflowX !== 'visible') return true;
                    }
                    return false;
                };
                return [...document.querySelectorAll('body *')]
                    .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .filter(el => !clipped(el))
                    .slice(-5).map(el => el.outerHTML.slice(0, 200));
            }"""
        )
        pytest.fail(f"{page.url} scrolls sideways by {overflow}px at {page.viewport_size['width']}px: {culprits}")


def wait_for_path(page, path: str) -> None:
    """Wait until the page is at `path` (the query string aside): globs would also match a ?next=/path."""
    from urllib.parse import urlsplit

    page.wait_for_url(lambda url: urlsplit(url).path == path)


# Keyboard


def tab_to(page, locator, *, limit: int = 80) -> None:
    """Press Tab (Shift+Tab for a control above) until `locator` has the focus; fail if it never gets there."""
    target = locator.element_handle()
    above = page.evaluate(
        "t => !!document.activeElement && !!(document.activeElement.compareDocumentPosition(t) & 2)", target
    )
    key = "Shift+Tab" if above else "Tab"
    for _press in range(limit):
        page.keyboard.press(key)
        if page.evaluate("element => element === document.activeElement", target):
            return
    pytest.fail(f"{locator} cannot be reached with the keyboard on {page.url}")


def focus_is_visible(page) -> bool:
    """The focused element shows a focus indicator: an outline or a box shadow."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return false;
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
            return outline || style.boxShadow !== "none";
        }"""
    )


# Email


@dataclass
class Inbox:
    """What the test SMTP server received."""

    messages: list = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted for delivery"

    def wait_for(self, *, to: str, subject: str = "", timeout: float = 10.0, count: int = 1):
        """The `count`-th message to `to` whose subject contains `subject`, waiting for it to arrive."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [m for m in self.messages if to in m["To"] and subject in m["Subject"]]
            if len(found) >= count:
                return found[count - 1]
            time.sleep(0.05)
        subjects = [(m["To"], m["Subject"]) for m in self.messages]
        pytest.fail(f"no email to {to} about {subject!r} arrived; the server got {subjects}")


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def link_in(message, site: str, path_prefix: str) -> str:
    match = re.search(rf"{re.escape(site)}{re.escape(path_prefix)}\S*", text_of(message))
    assert match, f"no link to {path_prefix} in:\n{text_of(message)}"
    return match.group(0)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    """An SMTP server in this process; Django (the live server too) sends its email there."""
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield inbox
    controller.stop()
