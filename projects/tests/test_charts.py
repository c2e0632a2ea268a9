import datetime
import itertools
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from conftest import make_field, make_milestone, make_project
from projects.charts import (
    FONT,
    LETTER,
    PROGRAMME_WIDTH,
    TimelineRow,
    budget_bars,
    schedule_bars,
    status_bars,
    timeline,
    year_labels,
)
from projects.models import DateChange, FieldOfAction

TODAY = datetime.date(2026, 6, 15)


def row(**kwargs):
    kwargs.setdefault("label", "Schulnetz")
    kwargs.setdefault("status", "in_progress")
    kwargs.setdefault("status_label", "in Arbeit")
    kwargs.setdefault("start", datetime.date(2025, 1, 1))
    kwargs.setdefault("baseline_end", datetime.date(2026, 1, 1))
    kwargs.setdefault("planned_end", datetime.date(2027, 1, 1))
    kwargs.setdefault("actual_end", None)
    kwargs.setdefault("milestones", [])
    kwargs.setdefault("colour", "#6a1b9a")
    return TimelineRow(**kwargs)


def test_status_bars_give_every_status_a_row_scaled_to_the_largest_count():
    chart = status_bars({"in_progress": 8, "paused": 2})
    rows = {r.key: r for r in chart.rows}
    assert list(rows) == ["planned", "in_progress", "completed", "paused", "stopped"]
    assert rows["in_progress"].segments[0].width == PROGRAMME_WIDTH
    assert rows["paused"].segments[0].width == PROGRAMME_WIDTH / 4
    assert rows["planned"].segments[0].width == 0 and rows["planned"].note == "0"


def test_budget_bars_show_spending_beyond_the_budget_as_its_own_segment():
    chart = budget_bars([("Schulnetz", "/s/", "#6a1b9a", Decimal(100_000), Decimal(150_000))])
    spent, remaining, over = chart.rows[0].segments
    assert (spent.value, remaining.value, over.value) == (100_000, 0, 50_000)
    assert spent.width + over.width == PROGRAMME_WIDTH
    assert over.display == "50.000 €"
    assert chart.rows[0].note == "150 Tsd. € von 100 Tsd. €"


def test_a_note_too_long_for_the_label_line_moves_below_the_label():
    long_label = "Digitale Verwaltungsleistungen für alle"
    chart = budget_bars([(long_label, "/v/", "#0b4f8a", Decimal(5_300_000), Decimal(2_100_000))])
    label_row = chart.rows[0]
    assert (len(label_row.label) + len(label_row.note)) * FONT * LETTER > PROGRAMME_WIDTH
    assert label_row.note_y > label_row.y
    assert label_row.bar_y > label_row.note_y


@pytest.mark.django_db
def test_schedule_bars_count_late_on_time_and_finished_projects_per_field():
    today = timezone.localdate()
    field = make_field(name_de="Bildung", slug="bildung")
    make_project(field=field, status="in_progress", planned_end_date=today - datetime.timedelta(days=3))
    make_project(field=field, status="in_progress", planned_end_date=today + datetime.timedelta(days=30))
    make_project(field=field, status="completed", actual_end_date=today - datetime.timedelta(days=30))
    make_project(field=field, status="in_progress", is_published=False, planned_end_date=today)
    chart = schedule_bars(FieldOfAction.objects.with_programme(today))
    segments = {s.key: s.value for s in chart.rows[0].segments}
    assert segments == {"on-time": 1, "late": 1, "finished": 1}
    assert chart.rows[0].note == "1 von 2 verzögert"


def test_timeline_draws_baseline_plan_and_what_happened_until_today():
    chart = timeline([row()], today=TODAY)
    drawn = chart.rows[0]
    # The axis runs from New Year 2025 to New Year 2028: 1,095 days on 400 units.
    per_day = PROGRAMME_WIDTH / 1095
    assert drawn.plan == (0, round(730 * per_day, 1))
    assert drawn.baseline == (0, round(365 * per_day, 1))
    assert drawn.actual == (0, round((TODAY - datetime.date(2025, 1, 1)).days * per_day, 1))
    assert chart.today == round((TODAY - datetime.date(2025, 1, 1)).days * per_day, 1)


def test_timeline_fills_nothing_for_a_planned_project_and_up_to_the_end_for_a_finished_one():
    chart = timeline(
        [
            row(status="planned", start=datetime.date(2026, 9, 1)),
            row(status="completed", actual_end=datetime.date(2025, 7, 1)),
        ],
        today=TODAY,
    )
    planned, completed = chart.rows
    assert planned.actual is None and planned.plan is not None
    assert completed.actual[1] < completed.plan[1]


def test_timeline_marks_milestones_in_their_state_and_leaves_out_undated_rows():
    milestones = [(datetime.date(2025, 6, 1), "done"), (datetime.date(2026, 3, 1), "overdue")]
    chart = timeline([row(milestones=milestones), row(label="Ohne Termine", start=None)], today=TODAY)
    assert [r.label for r in chart.rows] == ["Schulnetz"]
    assert [m.state for m in chart.rows[0].marks] == ["done", "overdue"]
    assert timeline([row(start=None)], today=TODAY) is None


def test_long_titles_are_shortened_to_fit_their_line_with_the_status():
    chart = timeline([row(label="Ein sehr langer Projekttitel, der nicht in eine Zeile passt")], today=TODAY)
    title = chart.rows[0].title
    assert title.endswith("…")
    assert (len(title) + len(" · in Arbeit")) * FONT * LETTER <= PROGRAMME_WIDTH + FONT


@pytest.mark.parametrize("years", [1, 3, 8, 14, 30])
def test_year_labels_keep_apart(years):
    def x(day):
        return PROGRAMME_WIDTH * (day.year - 2000) / years

    labelled = [tx for tx, label in year_labels(2000, 2000 + years, x) if label]
    assert labelled
    gaps = [b - a for a, b in itertools.pairwise(labelled)]
    assert all(gap >= 4 * FONT * LETTER for gap in gaps)
    assert labelled[-1] < PROGRAMME_WIDTH


@pytest.mark.django_db
def test_start_page_draws_the_programme_as_pictures_with_tables(client):
    today = timezone.localdate()
    field = make_field(name_de="Bildung", slug="bildung")
    late = make_project(
        title_de="Schulnetz",
        field=field,
        status="in_progress",
        start_date=today - datetime.timedelta(days=400),
        planned_end_date=today - datetime.timedelta(days=10),
        budget=Decimal(200_000),
        spent=Decimal(50_000),
        spent_as_of=today,
    )
    make_milestone(late, due_date=today - datetime.timedelta(days=20))
    html = client.get("/").content.decode()
    svgs = re.findall(r'<svg class="chart__svg"[^>]*aria-labelledby="([^"]+)"', html)
    assert len(svgs) == 4
    for ids in svgs:
        for id_ in ids.split():
            assert f'id="{id_}"' in html
    assert 'class="timeline__today"' in html
    assert 'class="timeline__mark timeline__mark--overdue"' in html
    assert "<summary>Als Tabelle" in html
    assert '<td data-label="Ausgegeben">50.000 €</td>' in html
    assert '<td data-label="Verzögert">1</td>' in html
    assert '<td data-label="Meilensteine">1 überfällig</td>' in html


@pytest.mark.django_db
def test_field_page_draws_its_projects_on_a_timeline(client):
    today = timezone.localdate()
    field = make_field(name_de="Bildung", slug="bildung")
    make_project(title_de="Schulnetz", field=field, status="paused", start_date=today - datetime.timedelta(days=90))
    html = client.get("/handlungsfelder/bildung/").content.decode()
    assert "Zeitplan der Projekte" in html
    assert "Schulnetz <tspan" in html and "· pausiert" in html
    assert 'class="timeline__actual timeline__actual--paused" fill="url(#field-timeline-paused)"' in html


@pytest.mark.django_db
def test_paused_and_stopped_projects_do_not_get_the_progress_bar_of_running_ones(client):
    make_project(title_de="Pausiert", status="paused", progress=40)
    make_project(title_de="Eingestellt", status="stopped", progress=20)
    make_project(title_de="Läuft", status="in_progress", progress=60)
    html = client.get("/projekte/").content.decode()
    assert 'class="progress progress--paused"' in html
    assert 'class="progress progress--stopped"' in html
    assert 'class="progress progress--in_progress"' in html
    # The status' shape goes with its name: two bars for paused, a square for stopped.
    assert re.search(r"marker--paused.*?<rect.*?<rect.*?</g></svg>pausiert", html, re.S)


@pytest.mark.django_db
def test_project_cards_show_the_planned_end_the_delay_and_its_latest_reason(client):
    today = timezone.localdate()
    project = make_project(
        title_de="Schulnetz",
        status="in_progress",
        baseline_end_date=today + datetime.timedelta(days=10),
        planned_end_date=today + datetime.timedelta(days=40),
    )
    for days, reason in ((5, "Lieferengpass"), (1, "Ausschreibung wiederholt")):
        DateChange.objects.create(
            project=project,
            kind="end",
            old_date=today,
            new_date=today + datetime.timedelta(days=40),
            reason=reason,
            changed_at=timezone.now() - datetime.timedelta(days=days),
        )
    html = client.get("/projekte/").content.decode()
    planned = (today + datetime.timedelta(days=40)).strftime("%Y-%m-%d")
    assert f'<dt>Geplantes Ende</dt><dd><time datetime="{planned}">' in html
    assert '<p class="card__late">30 Tage später als ursprünglich geplant</p>' in html
    assert "<dd>Ausschreibung wiederholt</dd>" in html and "Lieferengpass" not in html
    home = client.get("/").content.decode()
    assert '<span class="late-list__reason">Begründung: Ausschreibung wiederholt</span>' in home


@pytest.mark.django_db
def test_an_untranslated_reason_shows_in_german_marked_as_such_on_english_pages(client):
    today = timezone.localdate()
    project = make_project(
        title_de="Schulnetz",
        status="in_progress",
        baseline_end_date=today,
        planned_end_date=today + datetime.timedelta(days=9),
    )
    DateChange.objects.create(
        project=project, kind="end", old_date=today, new_date=project.planned_end_date, reason_de="Lieferengpass"
    )
    html = client.get("/en/").content.decode()
    assert 'Reason: <span lang="de">Lieferengpass</span>' in html
