"""People and helpers shared by every app's tests."""

import pytest
from django.core.cache import cache
from django.utils import translation

# Copies of the migrated test database; Chromium, the live server and the SMTP sink for the tests marked `browser`.
pytest_plugins = ["kaiserslautern_portal.tests.snapshots", "kaiserslautern_portal.tests.browser"]


def pytest_addoption(parser):
    parser.addoption(
        "--clock-offset-days",
        type=int,
        default=0,
        help="Run the whole session with the clock moved this many days ahead (proves no test depends on today).",
    )


def pytest_configure(config):
    _own_redis_database_per_xdist_worker()
    days = config.getoption("--clock-offset-days")
    if days:
        import datetime

        import time_machine

        # tick=True: time still passes, so timeouts and ordering by creation time behave as on a real clock.
        traveller = time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=days))
        traveller.start()
        config.add_cleanup(traveller.stop)


def _own_redis_database_per_xdist_worker():
    """Parallel workers (make test runs pytest-xdist) flush the cache between tests: each gets its own Redis db."""
    import os
    from urllib.parse import urlsplit, urlunsplit

    from django.conf import settings

    worker, base = os.environ.get("PYTEST_XDIST_WORKER"), os.environ.get("REDIS_URL")
    if not worker or not base:
        return
    url = urlsplit(base)
    number = (int(url.path.strip("/") or 0) + 8 + int(worker.removeprefix("gw"))) % 16
    own = urlunsplit(url._replace(path=f"/{number}"))
    # Worker processes that tests start read REDIS_URL; this process's broker and cache are set here.
    # (Not CELERY_BROKER_URL in the environment: Celery would prefer it to its configuration, which tests patch.)
    os.environ["REDIS_URL"] = own
    if base == settings.CELERY_BROKER_URL:
        from kaiserslautern_portal.celery import app

        settings.CELERY_BROKER_URL = app.conf.broker_url = own
    for alias in settings.CACHES.values():
        if alias.get("LOCATION") == base:
            alias["LOCATION"] = own


@pytest.fixture(autouse=True)
def _eager_celery():
    """Tasks run in-process even where REDIS_URL makes Redis the broker; worker tests start a real worker."""
    from kaiserslautern_portal.celery import app as celery_app

    eager = celery_app.conf["task_always_eager"]
    celery_app.conf["task_always_eager"] = True
    yield
    celery_app.conf["task_always_eager"] = eager


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    from kaiserslautern_portal.lib.cache import HITS

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Pages render fresh in tests; the page cache has its own tests that switch it on.
    settings.PAGE_CACHE_SECONDS = 0
    cache.clear()
    HITS.windows.clear()  # API hits counted in memory since the last merge into the cache just cleared
    # A request to an English page leaves English active in the thread; every test starts in German.
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_identity():
    """The process's copy of the site identity is read anew in each test (each test has its own database rows)."""
    from kaiserslautern_portal.lib.identity.current import forget

    forget()
    yield
    forget()


@pytest.fixture(autouse=True)
def _german_by_default():
    """A request in English leaves English active in the thread; each test starts in the default language."""
    from django.utils import translation

    translation.activate("de")
    yield
    translation.deactivate()


@pytest.fixture
def citizen(django_user_model):
    return django_user_model.objects.create_user(email="alice@example.org", password="alice-secret-123")


@pytest.fixture
def outsider(django_user_model):
    return django_user_model.objects.create_user(email="charlie@example.org", password="charlie-secret-123")


@pytest.fixture
def editor(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        email="bob@kaiserslautern.example", password="bob-secret-123", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Redaktion"))
    return user


def make_field(**kwargs):
    from projects.models import FieldOfAction

    kwargs.setdefault("name_de", "Verwaltung")
    kwargs.setdefault("name_en", "Administration")
    kwargs.setdefault("slug", slugify_unique(FieldOfAction, kwargs["name_de"]))
    kwargs.setdefault("summary_de", "Digitale Dienste der Stadtverwaltung.")
    return FieldOfAction.objects.create(**kwargs)


def make_project(**kwargs):
    from projects.models import Project

    kwargs.setdefault("title_de", "Bürgertresor")
    kwargs.setdefault("slug", slugify_unique(Project, kwargs["title_de"]))
    kwargs.setdefault("summary_de", "Ein digitaler Tresor für Dokumente.")
    kwargs.setdefault("responsible_office", "Referat Digitalisierung und Innovation")
    kwargs.setdefault("is_published", True)
    if "field" not in kwargs:
        kwargs["field"] = make_field()
    return Project.objects.create(**kwargs)


def make_milestone(project, **kwargs):
    import datetime

    kwargs.setdefault("title_de", "Ausschreibung")
    kwargs.setdefault("due_date", datetime.date(2026, 12, 1))
    return project.milestones.create(**kwargs)


def slugify_unique(model, text):
    from django.utils.text import slugify

    base = slugify(text)
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def make_news(**kwargs):
    import datetime

    from django.utils import timezone

    from news.models import NewsItem

    projects = kwargs.pop("projects", [])
    kwargs.setdefault("title_de", "Fortschritt beim Bürgertresor")
    kwargs.setdefault("slug", slugify_unique(NewsItem, kwargs["title_de"]))
    kwargs.setdefault("teaser_de", "Der Tresor ist im Test.")
    kwargs.setdefault("status", "published")
    if kwargs["status"] == "published":
        kwargs.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    item = NewsItem.objects.create(**kwargs)
    item.projects.set(projects)
    return item


class RecordingHandler:
    """An aiosmtpd handler that keeps what it accepted: (recipients, parsed message)."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        import email

        self.messages.append((list(envelope.rcpt_tos), email.message_from_bytes(envelope.content)))
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server in this process; Django sends to it over a socket."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = RecordingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    handler.port = port
    yield handler
    controller.stop()
