"""One German: the brand is spelled one way in every template, email, translation and setting."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from conftest import make_field, make_project

BASE_DIR = Path(settings.BASE_DIR)
# The brand in prose; slugs, file and host names (herzlich-digital-…, herzlich-digital.example) are not prose.
BRAND = re.compile(r"herzlich[ -]digital\w*(?:\s+stadt)?(?![-.\w])", re.IGNORECASE)
SOURCES = ["templates/**/*.html", "templates/**/*.txt", "locale/*/LC_MESSAGES/django.po", "*/**/*.py"]


def brand_spellings() -> dict[str, set[str]]:
    found = {}
    for pattern in SOURCES:
        for path in BASE_DIR.glob(pattern):
            relative = path.relative_to(BASE_DIR)
            # Demo content has its own owner (loaddemo's files); the tests quote wrong spellings on purpose.
            if relative.parts[0] in (".venv", "staticfiles") or "tests" in relative.parts or "demo" in relative.parts:
                continue
            text = path.read_text().replace('"\n"', "")  # a .po file wraps long texts over several lines
            for spelling in BRAND.findall(text):
                found.setdefault(" ".join(spelling.split()), set()).add(str(relative))
    return found


def test_the_brand_is_spelled_herzlich_digitale_stadt_everywhere():
    spellings = brand_spellings()
    assert set(spellings) == {"herzlich-digitale Stadt"}, spellings


@pytest.mark.django_db
def test_counts_take_the_singular_for_one_and_the_plural_otherwise(client):
    one, two = make_field(name_de="Bildung"), make_field(name_de="Mobilität")
    make_project(title_de="Schulnetz", field=one)
    make_project(title_de="Handyparken", field=two)
    make_project(title_de="KL Navi", field=two)
    html = client.get("/").content.decode()
    assert '<p class="meta">1 Projekt</p>' in html
    assert '<p class="meta">2 Projekte</p>' in html
    assert "1 Projekte" not in html
