"""Templates follow the layers of the code: a lower app's template never loads a higher app's tag library, never
includes or extends a higher app's template and never names a higher app's URLs; it offers a {% slot %} that the
higher app fills instead.

The app folders of templates/ rank like the apps: projects < news < citizens. The other folders (base.html,
includes/, emails/, legal and search pages, allauth's and the admin's) belong to the whole site.
"""

import re
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.test import RequestFactory

from kaiserslautern_portal.lib import slots

TEMPLATES = Path(settings.BASE_DIR) / "templates"
RANK = {"projects": 0, "news": 1, "citizens": 2}
LOAD = re.compile(r"{%\s*load\s+(.+?)\s*%}")
USE = re.compile(r"""{%\s*(?:include|extends)\s+["']([^"']+)["']""")
URL = re.compile(r"""{%\s*url\s+["']([\w-]+):([\w-]+)["']""")
SLOT = re.compile(r"""{%\s*slot\s+["']([^"']+)["']""")


def libraries() -> dict[str, str]:
    """Tag library name -> the app that defines it."""
    base = Path(settings.BASE_DIR)
    return {
        path.stem: app for app in RANK for path in (base / app / "templatetags").glob("*.py") if path.stem != "__init__"
    }


def namespaces() -> dict[str, str]:
    """URL namespace -> the app that defines it."""
    return {import_module(f"{app}.urls").app_name: app for app in RANK}


def wrong_way(folder: str, text: str) -> list[str]:
    """What a template in templates/<folder>/ names of a higher app."""
    if folder not in RANK:
        return []
    owners = libraries()
    found = []
    for names in LOAD.findall(text):
        names = names.split(" from ")[-1].split() if " from " in names else names.split()
        found += [f"loads {name}" for name in names if RANK[folder] < RANK.get(owners.get(name, ""), -1)]
    for used in USE.findall(text):
        if RANK[folder] < RANK.get(used.split("/")[0], -1):
            found.append(f"uses {used}")
    owners = namespaces()
    for namespace, name in URL.findall(text):
        if RANK[folder] < RANK.get(owners.get(namespace, ""), -1):
            found.append(f"names {namespace}:{name}")
    return found


def all_templates():
    for path in TEMPLATES.rglob("*"):
        if path.is_file():
            yield path.relative_to(TEMPLATES), path.read_text()


def test_no_template_of_a_lower_app_names_a_higher_app():
    found = {str(path): wrong for path, text in all_templates() if (wrong := wrong_way(path.parts[0], text))}
    assert found == {}


def test_the_check_finds_each_wrong_way_reference():
    assert wrong_way("projects", '{% load i18n news portal %}{% include "citizens/_follow.html" %}') == [
        "loads news",
        "uses citizens/_follow.html",
    ]
    assert wrong_way("news", '{% extends "citizens/account.html" %}{% load citizens %}') == [
        "loads citizens",
        "uses citizens/account.html",
    ]
    assert wrong_way("projects", '{% url "news:project_rss" project.slug %}{% url "citizens:subscribe" %}') == [
        "names news:project_rss",
        "names citizens:subscribe",
    ]
    assert wrong_way("news", "{% url 'citizens:subscribe' as subscribe_url %}") == ["names citizens:subscribe"]
    # Downwards, its own, site-wide and third-party URLs are fine.
    assert wrong_way("citizens", '{% load news %}{% include "projects/_end.html" %}{% include "base.html" %}') == []
    assert wrong_way("news", '{% url "news:rss" %}{% url "projects:detail" slug %}{% url "api:docs" %}') == []
    assert wrong_way("projects", '{% url "projects:list" %}{% url "account_login" %}{% url "admin:index" %}') == []
    assert wrong_way("includes", '{% load citizens %}{% url "citizens:subscribe" %}') == []


def test_every_slot_the_pages_offer_is_filled_and_every_fill_has_its_place():
    offered = {name for _path, text in all_templates() for name in SLOT.findall(text)}
    expected = {"topic-actions", "topic-news", "topic-feeds", "report-actions", "news-actions"}
    assert offered == set(slots.FILLS) == expected


def test_a_slot_renders_each_fill_with_target_and_values_and_an_empty_one_nothing(monkeypatch, tmp_path, settings):
    (tmp_path / "first.html").write_text("[{{ target }} {{ heading }} {{ extra }}]")
    (tmp_path / "second.html").write_text("<{{ target }}>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    monkeypatch.setattr(slots, "FILLS", {})
    slots.fill("place", "first.html", context=lambda target: {"extra": f"about {target}"})
    slots.fill("place", "second.html")
    slots.fill("place", "second.html")  # filled once however often ready() runs
    (tmp_path / "page.html").write_text('{% load slots %}{% slot "place" "x" heading="H" %}|{% slot "nobody" %}|')
    request = RequestFactory().get("/")
    assert render_to_string("page.html", request=request) == "[x H about x]<x>||"
