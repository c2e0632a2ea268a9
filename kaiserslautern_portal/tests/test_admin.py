import datetime
import json
import re
from decimal import Decimal
from pathlib import Path

import django.contrib.admin
import pytest
from django.utils import timezone
from django.utils.translation import override

from citizens.models import Delivery
from conftest import make_news, make_project
from kaiserslautern_portal.lib.identity.models import SINGLETON_PK, SiteIdentity

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_the_admin_is_the_redaktion_of_the_programme_in_both_languages(editor_client):
    SiteIdentity.objects.create(pk=SINGLETON_PK, programme_name="Digitales Musterstadt")
    html = editor_client.get("/admin/").content.decode()
    assert "Digitales Musterstadt – Redaktion</a>" in html
    assert "Django-Verwaltung" not in html and "Startseite der Redaktion" in html
    editor_client.get("/sprache/en/")
    with override("en"):
        html = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Digitales Musterstadt – Editorial Office</a>" in html


def test_the_editors_start_page_shows_what_is_due(editor_client, editor, django_assert_max_num_queries):
    today = timezone.localdate()
    mine = make_project(title_de="Mein altes Projekt", last_update=today - datetime.timedelta(days=200))
    mine.editors.add(editor)
    make_project(title_de="Fremdes altes Projekt", last_update=today - datetime.timedelta(days=200))
    make_project(title_de="Noch nicht öffentlich", is_published=False)
    make_news(title_de="Halbfertige Meldung", status="draft")
    make_news(title_de="Meldung für morgen", published_at=timezone.now() + datetime.timedelta(days=1))
    sent = make_news(title_de="Meldung mit Fehlschlag")
    Delivery.objects.create(news_item=sent, email="weg@example.org", status="failed", last_error="550")
    with django_assert_max_num_queries(20):
        html = editor_client.get("/admin/").content.decode()
    desk = html[html.index('class="editors-desk"') : html.index("</section>")]
    assert "Mein altes Projekt" in desk and "Fremdes altes Projekt" not in desk
    assert "Noch nicht öffentlich" in desk
    assert "Halbfertige Meldung" in desk
    assert "Meldung für morgen</a> – erscheint am" in desk
    assert "Meldung mit Fehlschlag</a> – 1 E-Mail nicht zugestellt" in desk
    assert "weg@example.org" not in html  # editors learn that mail failed, not whose


def test_amounts_in_the_project_form_are_in_german_notation(editor_client):
    project = make_project(budget=Decimal("180000.00"))
    html = editor_client.get(f"/admin/projects/project/{project.pk}/change/").content.decode()
    assert 'value="180000,00"' in html and "180000.00" not in html


def test_the_german_admin_translates_every_string_of_its_scripts(editor_client):
    """The editors' picker said "Choose … by selecting them": Django 5.2's German catalog lacks a few strings."""
    scripts = Path(django.contrib.admin.__file__).parent / "static" / "admin" / "js"
    wanted = set()
    for script in scripts.rglob("*.js"):
        for match in re.finditer(r"""(?<![\w.])gettext\((['"])((?:\\.|(?!\1).)*)\1\)""", script.read_text()):
            wanted.add(match.group(2).replace('\\"', '"').replace("\\'", "'"))
    catalog = editor_client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    entries = json.loads(re.search(r"const newcatalog = (\{.*?\});", catalog, re.S).group(1))
    assert "Choose all %s" in wanted
    assert not sorted(wanted - set(entries))
