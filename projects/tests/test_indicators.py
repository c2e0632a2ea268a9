"""Outcome indicators: validation, server-rendered charts with text alternatives, the admin."""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from conftest import make_project
from projects.charts import indicator_chart, nice_ceiling
from projects.models import Indicator, IndicatorValue, Project

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 25)
travel = time_machine.travel(datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC), tick=False)


def make_indicator(project=None, **kwargs):
    kwargs.setdefault("name_de", "Registrierte Nutzerinnen und Nutzer")
    kwargs.setdefault("unit", Indicator.Unit.PEOPLE)
    kwargs.setdefault("baseline_value", Decimal(0))
    kwargs.setdefault("baseline_date", datetime.date(2022, 3, 15))
    kwargs.setdefault("target_value", Decimal(2500))
    kwargs.setdefault("target_date", datetime.date(2027, 6, 30))
    return Indicator.objects.create(project=project or make_project(), **kwargs)


def errors_of(obj):
    with pytest.raises(ValidationError) as info:
        obj.full_clean()
    return info.value.message_dict


# Validation


def test_the_target_must_lie_after_the_baseline():
    indicator = make_indicator()
    indicator.target_date = indicator.baseline_date
    assert errors_of(indicator)["target_date"] == ["Das Ziel muss nach dem Tag des Ausgangswerts liegen."]
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.filter(pk=indicator.pk).update(target_date=datetime.date(2020, 1, 1))


@pytest.mark.parametrize(
    ("unit", "value", "message"),
    [
        ("percent", "100.5", "Ein Prozentwert darf höchstens 100 sein."),
        ("people", "12.5", "In der Einheit „Personen“ sind nur ganze Zahlen möglich."),
        ("count", "0.5", "In der Einheit „Anzahl“ sind nur ganze Zahlen möglich."),
        ("euro", "-1", "Der Wert darf nicht negativ sein."),
    ],
)
def test_values_must_fit_the_unit(unit, value, message):
    indicator = make_indicator(unit=unit, target_value=Decimal(50))
    indicator.baseline_value = Decimal(value)
    assert message in errors_of(indicator)["baseline_value"]
    measured = IndicatorValue(indicator=indicator, date=datetime.date(2023, 1, 1), value=Decimal(value))
    assert message in errors_of(measured)["value"]


@pytest.mark.parametrize(("unit", "value"), [("percent", "99.5"), ("euro", "12.34"), ("count", "42"), ("t_co2", "0")])
def test_fitting_values_are_accepted(unit, value):
    indicator = make_indicator(unit=unit, target_value=Decimal(50))
    IndicatorValue(indicator=indicator, date=datetime.date(2023, 1, 1), value=Decimal(value)).full_clean()


def test_the_database_refuses_unknown_units_and_percentages_above_100():
    indicator = make_indicator()
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.filter(pk=indicator.pk).update(unit="Stück")
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.filter(pk=indicator.pk).update(unit="percent", target_value=Decimal(120))


@travel
def test_a_measured_value_lies_between_the_baseline_date_and_today():
    indicator = make_indicator()
    before = IndicatorValue(indicator=indicator, date=datetime.date(2022, 3, 14), value=Decimal(3))
    assert errors_of(before)["date"] == ["Ein Messwert kann nicht vor dem Tag des Ausgangswerts liegen."]
    future = IndicatorValue(indicator=indicator, date=TODAY + datetime.timedelta(days=1), value=Decimal(3))
    assert errors_of(future)["date"] == ["Ein Messwert kann nicht in der Zukunft liegen."]
    IndicatorValue(indicator=indicator, date=TODAY, value=Decimal(3)).full_clean()


def test_one_value_per_indicator_and_day():
    indicator = make_indicator()
    IndicatorValue.objects.create(indicator=indicator, date=TODAY, value=Decimal(1))
    duplicate = IndicatorValue(indicator=indicator, date=TODAY, value=Decimal(2))
    assert "__all__" in errors_of(duplicate)
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorValue.objects.create(indicator=indicator, date=TODAY, value=Decimal(2))


def test_an_indicator_cannot_be_changed_so_that_its_values_no_longer_fit():
    indicator = make_indicator(unit="count", target_value=Decimal(50))
    IndicatorValue.objects.create(indicator=indicator, date=datetime.date(2023, 1, 1), value=Decimal(120))
    indicator.unit = "percent"
    assert errors_of(indicator)["unit"] == ["Die vorhandenen Messwerte passen nicht zu dieser Einheit."]
    indicator.unit = "count"
    indicator.baseline_date = datetime.date(2024, 1, 1)
    assert errors_of(indicator)["baseline_date"] == ["Es gibt schon Messwerte vor diesem Tag."]


# Charts


def test_chart_runs_from_baseline_to_target_on_a_round_scale_from_zero():
    chart = indicator_chart(
        [(datetime.date(2024, 1, 1), Decimal(1480))],
        baseline=(datetime.date(2022, 1, 1), Decimal(0)),
        target=(datetime.date(2026, 1, 1), Decimal(2400)),
    )
    assert chart.baseline == (chart.plot_left, chart.plot_bottom)
    assert chart.target[0] == chart.plot_right
    assert [label for _y, label in chart.y_ticks] == ["0", "1.250", "2.500"]
    assert [label for _x, label in chart.x_ticks] == ["2022", "2023", "2024", "2025", "2026"]
    assert chart.points.count(" ") == 1 and len(chart.dots) == 1


def test_percent_charts_end_at_100_and_short_ranges_still_get_a_tick():
    chart = indicator_chart(
        [],
        baseline=(datetime.date(2026, 2, 1), Decimal(40)),
        target=(datetime.date(2026, 10, 1), Decimal(60)),
        y_max=100,
    )
    assert chart.target[1] == pytest.approx(chart.plot_top + (chart.plot_bottom - chart.plot_top) * 0.4, abs=0.1)
    assert [label for _x, label in chart.x_ticks] == ["2026"]
    assert chart.dots == []


@pytest.mark.parametrize(("value", "ceiling"), [(0, 1), (0.3, 0.5), (7, 10), (101, 200), (2400, 2500), (2500, 2500)])
def test_axis_tops_are_round_numbers(value, ceiling):
    assert nice_ceiling(value) == ceiling


@travel
def test_project_page_draws_each_indicator_with_baseline_target_and_a_table(client):
    project = make_project(title_de="KLmitWirkung")
    users = make_indicator(project, order=1)
    IndicatorValue.objects.create(indicator=users, date=datetime.date(2023, 6, 20), value=Decimal(1050))
    IndicatorValue.objects.create(
        indicator=users, date=datetime.date(2026, 11, 17), value=Decimal(1790), note="Zählung"
    )
    make_indicator(
        project,
        name_de="Anteil der Online-Anträge",
        unit="percent",
        baseline_value=Decimal("4.5"),
        baseline_date=datetime.date(2020, 1, 1),
        target_value=Decimal(50),
        target_date=datetime.date(2026, 12, 31),
        order=2,
    )

    html = client.get(project.get_absolute_url()).content.decode()
    assert html.index("Registrierte Nutzerinnen und Nutzer") < html.index("Anteil der Online-Anträge")
    assert f'<svg viewBox="0 0 600 220" role="img" aria-labelledby="indicator-{users.pk}-chart"' in html
    assert (
        f'<title id="indicator-{users.pk}-chart">Registrierte Nutzerinnen und Nutzer über die Zeit (Einheit: '
        "Personen), mit Ausgangswert und Ziel. Die Werte stehen in der Tabelle unter dem Diagramm.</title>"
    ) in html
    assert "<caption>Registrierte Nutzerinnen und Nutzer: Werte als Tabelle</caption>" in html
    assert "Ausgangswert 0 am 15. März 2022, Ziel 2.500 bis 30. Juni 2027 (Einheit: Personen)." in html
    assert "Zuletzt gemessen: 1.790 am 17. November 2026." in html
    assert "<td>1.050</td><td>Messwert</td>" in html
    assert "<td>1.790</td><td>Messwert: Zählung</td>" in html
    assert "<td>2.500</td><td>Zielwert</td>" in html
    assert "<td>4,50</td><td>Ausgangswert</td>" in html
    assert "Noch kein Messwert erfasst." in html
    # Coordinates are never written with a German decimal comma.
    for svg in re.findall(r"<svg viewBox.*?</svg>", html, re.S):
        assert not re.search(r'(x|y|x1|x2|y1|y2|cx|cy)="[^"]*,', svg)


def test_the_indicator_table_in_english_escapes_notes_and_marks_german_only_ones(client):
    project = make_project(title_de="KLmitWirkung")
    users = make_indicator(project, name_de="Nutzer <Konto>", name_en="Users <account>")
    IndicatorValue.objects.create(indicator=users, date=datetime.date(2023, 6, 20), value=Decimal(1050), note="A & B")
    IndicatorValue.objects.create(
        indicator=users, date=datetime.date(2024, 6, 20), value=Decimal("1234.5"), note_de="Zählung", note_en="Count"
    )

    html = client.get(f"/en{project.get_absolute_url()}").content.decode()
    assert "Baseline 0 on March 15, 2022, target 2,500 by June 30, 2027 (unit: people)." in html
    assert "Last measured: 1,234.50 on June 20, 2024." in html
    assert "<td>1,234.50</td><td>Measurement: Count</td>" in html
    assert '<td>1,050</td><td>Measurement: <span lang="de">A &amp; B</span>' in html
    assert f'<title id="indicator-{users.pk}-chart">Users &lt;account&gt; over time' in html


def test_project_page_without_indicators_has_no_indicator_section(client):
    project = make_project()
    assert "Wirkung: Kennzahlen" not in client.get(project.get_absolute_url()).content.decode()


# Admin


def test_editor_adds_indicators_on_the_project_and_values_on_the_indicator_page(client, editor):
    indicator = make_indicator()
    client.force_login(editor)
    url = f"/admin/projects/indicator/{indicator.pk}/change/"
    assert client.get(f"/admin/projects/project/{indicator.project.pk}/change/").content.decode().count(url) == 1
    data = {
        "project": indicator.project.pk,
        "name_de": indicator.name_de,
        "name_en": "Registered users",
        "unit": "people",
        "baseline_value": "0",
        "baseline_date": "2022-03-15",
        "target_value": "2500",
        "target_date": "2027-06-30",
        "order": "0",
        "values-TOTAL_FORMS": "2",
        "values-INITIAL_FORMS": "0",
        "values-MIN_NUM_FORMS": "0",
        "values-MAX_NUM_FORMS": "1000",
        "values-0-date": "2023-06-20",
        "values-0-value": "1050",
        "values-0-note": "",
        "values-1-date": "2021-01-01",
        "values-1-value": "10",
        "values-1-note": "",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Ein Messwert kann nicht vor dem Tag des Ausgangswerts liegen." in response.content.decode()

    data["values-1-date"] = "2024-01-01"
    Project.objects.filter(pk=indicator.project_id).update(last_update=datetime.date(2020, 1, 1))
    assert client.post(url, data).status_code == 302
    # New measured values count as an update of the project.
    assert Project.objects.get(pk=indicator.project_id).last_update == timezone.localdate()
    assert list(indicator.values.values_list("date", "value")) == [
        (datetime.date(2023, 6, 20), Decimal(1050)), (datetime.date(2024, 1, 1), Decimal(10))
    ]  # fmt: skip
