"""The project cards of the project list and the field pages, in both languages."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone

from conftest import make_field, make_project
from kaiserslautern_portal.lib.identity.current import site_identity
from projects.models import DateChange

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)
travel = time_machine.travel(datetime.datetime(2026, 6, 1, 10, tzinfo=datetime.UTC), tick=False)


def cards(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [
        re.sub(r"\s+", " ", card) for card in re.findall(r'<li class="card">.*?</li>', response.content.decode(), re.S)
    ]


@pytest.fixture
def late_project():
    """In progress, its end moved by 30 days, with two reasons given (the card shows the later one)."""
    field = make_field(name_de="Bildung", name_en="Education", slug="bildung", colour="#6a1b9a")
    project = make_project(
        title_de="Zentrales Schulnetz",
        title_en="Central School Network",
        slug="zentrales-schulnetz",
        summary_de="Alle Schulen in einem Netz.",
        summary_en="All schools in one network.",
        field=field,
        status="in_progress",
        progress=60,
        sample_values=True,
        baseline_end_date=datetime.date(2027, 8, 28),
        planned_end_date=datetime.date(2027, 9, 27),
    )
    for days, reason_de, reason_en in ((5, "Lieferengpass", "Supply shortage"), (1, "Förderung kam später", "")):
        DateChange.objects.create(
            project=project, kind="end", old_date=project.baseline_end_date, new_date=project.planned_end_date,
            reason_de=reason_de, reason_en=reason_en, changed_at=timezone.now() - datetime.timedelta(days=days),
        )  # fmt: skip
    return project


@travel
def test_a_card_shows_field_title_status_sample_marker_progress_end_delay_and_reason_in_german(client, late_project):
    (card,) = cards(client, "/projekte/")
    assert card == (
        '<li class="card"> <p class="card__picture"><img src="/static/img/illustrations/bildung.svg" alt="" '
        'width="320" height="180" loading="lazy"></p> <svg class="card__band" viewBox="0 0 10 1" '
        'preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="10" height="1" fill="#6a1b9a"/>'
        '</svg> <p class="card__field"><svg class="field-swatch" width="14" height="14" viewBox="0 0 14 14" '
        'aria-hidden="true" focusable="false"><rect width="14" height="14" rx="2" fill="#6a1b9a"/></svg> Bildung</p> '
        '<h2><a href="/projekte/zentrales-schulnetz/">Zentrales Schulnetz</a></h2> <p>Alle Schulen in einem Netz.</p> '
        '<p><span class="badge badge--in_progress"><svg class="badge__marker" width="14" height="14" '
        'viewBox="0 0 16 16" aria-hidden="true" focusable="false"><g class="marker marker--in_progress" '
        'transform="translate(0 0)"><path d="M3 1.5 15 8 3 14.5Z" fill="currentColor"/></g></svg>in Arbeit</span> '
        '<span class="badge badge--sample">Beispielwerte</span></p> <p class="progress progress--in_progress">'
        '<span class="visually-hidden">Fortschritt</span><progress class="progress__bar" max="100" value="60" '
        'aria-hidden="true"></progress> <span class="progress__value">60 %</span></p> '
        '<p class="card__late">30 Tage später als ursprünglich geplant</p> <dl class="card__dates"> '
        '<div><dt>Geplantes Ende</dt><dd><time datetime="2027-09-27">27. September 2027</time></dd></div> '
        "<div><dt>Begründung:</dt><dd>Förderung kam später</dd></div> </dl> </li>"
    )


@travel
def test_an_english_card_translates_everything_and_marks_german_only_texts(client, late_project):
    (card,) = cards(client, "/en/projekte/")
    assert '<h2><a href="/en/projekte/zentrales-schulnetz/">Central School Network</a></h2>' in card
    assert "</svg> Education</p>" in card and "<p>All schools in one network.</p>" in card
    assert "</svg>in progress</span>" in card and '<span class="badge badge--sample">Sample values</span>' in card
    assert '<span class="visually-hidden">Progress</span>' in card
    assert '<p class="card__late">30 days later than originally planned</p>' in card
    assert '<dt>Planned end</dt><dd><time datetime="2027-09-27">September 27, 2027</time></dd>' in card
    assert (
        '<dt>Reason:</dt><dd><span lang="de">Förderung kam später</span> '
        '<small class="german-only__note">(German only)</small></dd>'
    ) in card


@travel
def test_an_untranslated_title_summary_and_field_show_in_german_marked_as_such(client):
    make_project(
        title_de="Bürgertresor",
        slug="tresor",
        summary_de="Ein Tresor.",
        field=make_field(name_de="Verwaltung", name_en=""),
    )
    (card,) = cards(client, "/en/projekte/")
    note = '<small class="german-only__note">(German only)</small>'
    assert f'<a href="/en/projekte/tresor/"><span lang="de">Bürgertresor</span> {note}</a>' in card
    assert f'<p><span lang="de">Ein Tresor.</span> {note}</p>' in card
    assert f'</svg> <span lang="de">Verwaltung</span> {note}</p>' in card


@travel
def test_a_picture_alt_text_in_german_only_is_marked_on_the_element_not_written_into_the_attribute(client):
    make_project(image="projects/tresor.jpg", image_alt_de="Ein Tresor & ein Schlüssel", image_alt="Ein Tresor")
    (card,) = cards(client, "/en/projekte/")
    assert (
        '<img src="/media/projects/tresor.jpg" alt="Ein Tresor &amp; ein Schlüssel" lang="de" loading="lazy">' in card
    )
    (card,) = cards(client, "/projekte/")
    assert '<img src="/media/projects/tresor.jpg" alt="Ein Tresor &amp; ein Schlüssel" loading="lazy">' in card


@travel
def test_a_finished_project_shows_when_it_ended_and_no_delay(client):
    make_project(
        status="completed", progress=100, actual_end_date=datetime.date(2025, 3, 31),
        baseline_end_date=datetime.date(2024, 12, 31), planned_end_date=datetime.date(2025, 3, 31),
    )  # fmt: skip
    (card,) = cards(client, "/projekte/")
    assert '<dt>Beendet am</dt><dd><time datetime="2025-03-31">31. März 2025</time></dd>' in card
    assert "card__late" not in card and "Geplantes Ende" not in card
    (card,) = cards(client, "/en/projekte/")
    assert '<dt>Ended on</dt><dd><time datetime="2025-03-31">March 31, 2025</time></dd>' in card


@travel
def test_field_pages_show_the_same_cards_under_a_third_level_heading(client, late_project):
    (card,) = cards(client, "/handlungsfelder/bildung/")
    assert card == cards(client, "/projekte/")[0].replace("<h2>", "<h3>").replace("</h2>", "</h3>")
    assert '<h3><a href="/projekte/zentrales-schulnetz/">Zentrales Schulnetz</a></h3>' in card


@travel
def test_cards_of_every_status_and_field_come_from_a_fixed_number_of_queries(
    client, late_project, django_assert_max_num_queries
):
    url = "/projekte/?sortierung=fortschritt"
    site_identity()  # read once per process, not per page
    with django_assert_max_num_queries(3):
        assert len(cards(client, url)) == 1
    for n, status in enumerate(["planned", "in_progress", "completed", "paused", "stopped"] * 3):
        make_project(
            title_de=f"Projekt {n}", field=make_field(name_de=f"Feld {n}"), status=status, progress=n,
            image="projects/bild.jpg" if n % 2 else "", image_alt_de="Bild", image_alt="Bild",
            actual_end_date=datetime.date(2025, 1, 1) if status == "completed" else None,
            planned_end_date=datetime.date(2026, 1, 1), baseline_end_date=datetime.date(2025, 6, 1),
        )  # fmt: skip
    with django_assert_max_num_queries(3):
        assert len(cards(client, url)) == 12
    with django_assert_max_num_queries(3):
        assert len(cards(client, f"/en{url}")) == 12


@travel
def test_each_card_shows_its_own_projects_status_progress_and_field(client):
    fields = [make_field(name_de=f"Feld {n}", slug=f"feld-{n}") for n in range(3)]
    expected = {}
    for n in range(12):
        status = ["planned", "in_progress", "stopped", "paused"][n % 4]
        project = make_project(title_de=f"Projekt {n:02d}", field=fields[n % 3], status=status, progress=n * 8)
        expected[project.title] = (status, n * 8, fields[n % 3].name)
    shown = cards(client, "/projekte/")
    assert len(shown) == 12
    for card in shown:
        title = re.search(r'<h2><a href="[^"]+">([^<]+)</a></h2>', card).group(1)
        status, progress, field = expected[title]
        assert f"badge--{status}" in card and f"progress--{status}" in card
        assert f'value="{progress}"' in card and f"{progress} %" in card
        assert f"{field}</p>" in card
