"""Small line charts drawn on the server as SVG: no JavaScript, a table beside each for screen readers."""

import datetime
import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format

WIDTH, HEIGHT = 600, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 32


@dataclass
class Chart:
    width: int
    height: int
    points: str
    dots: list[tuple[float, float]]
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int


def step_chart(series: list[tuple[datetime.date, float]], *, until: datetime.date, y_max: float = 100) -> Chart | None:
    """A step line of values over time: each value holds until the next one is recorded."""
    if not series:
        return None
    first = series[0][0]
    last = max(until, series[-1][0])
    span = max((last - first).days, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day):
        return round(LEFT + plot_w * (day - first).days / span, 1)

    def y(value):
        return round(TOP + plot_h * (1 - value / y_max), 1)

    coords, dots = [], []
    for index, (day, value) in enumerate(series):
        if index:
            coords.append((x(day), y(series[index - 1][1])))
        coords.append((x(day), y(value)))
        dots.append((x(day), y(value)))
    coords.append((x(last), y(series[-1][1])))
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        points=" ".join(f"{cx},{cy}" for cx, cy in coords),
        dots=dots,
        y_ticks=[(y(v), f"{v:g}") for v in (0, y_max / 2, y_max)],
        x_ticks=year_ticks(first, last, x),
        plot_left=LEFT,
        plot_right=WIDTH - RIGHT,
        plot_top=TOP,
        plot_bottom=HEIGHT - BOTTOM,
    )


def year_ticks(first: datetime.date, last: datetime.date, x) -> list[tuple[float, str]]:
    """A tick at each New Year inside the range; at the start when the range lies within one year."""
    years = range(first.year + (first.month > 1 or first.day > 1), last.year + 1)
    return [(x(datetime.date(year, 1, 1)), str(year)) for year in years] or [(x(first), str(first.year))]


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `value`: a round top for an axis."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value)


def axis_label(value: float) -> str:
    return number_format(round(value, 2), decimal_pos=None if value != int(value) else 0, force_grouping=True)


@dataclass
class IndicatorChart(Chart):
    baseline: tuple[float, float]
    target: tuple[float, float]


def indicator_chart(
    series: list[tuple[datetime.date, Decimal]],
    *,
    baseline: tuple[datetime.date, Decimal],
    target: tuple[datetime.date, Decimal],
    y_max: float | None = None,
) -> IndicatorChart:
    """Measured values of an outcome indicator as a line from its baseline, with the target as a marked point and a
    dashed straight line from baseline to target as the planned path. The y axis starts at 0 (values are never
    negative) and ends at a round number above the highest value, or at `y_max` (100 for percentages)."""
    points = [baseline, *series]
    first = min(day for day, _value in [*points, target])
    last = max(day for day, _value in [*points, target])
    span = max((last - first).days, 1)
    top = y_max or nice_ceiling(max(float(value) for _day, value in [*points, target]))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day):
        return round(LEFT + plot_w * (day - first).days / span, 1)

    def y(value):
        return round(TOP + plot_h * (1 - float(value) / top), 1)

    dots = [(x(day), y(value)) for day, value in points]
    return IndicatorChart(
        width=WIDTH,
        height=HEIGHT,
        points=" ".join(f"{cx},{cy}" for cx, cy in dots),
        dots=dots[1:],
        y_ticks=[(y(v), axis_label(v)) for v in (0, top / 2, top)],
        x_ticks=year_ticks(first, last, x),
        plot_left=LEFT,
        plot_right=WIDTH - RIGHT,
        plot_top=TOP,
        plot_bottom=HEIGHT - BOTTOM,
        baseline=dots[0],
        target=(x(target[0]), y(target[1])),
    )
