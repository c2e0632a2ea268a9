"""Small line charts drawn on the server as SVG: no JavaScript, a table beside each for screen readers."""

import datetime
from dataclasses import dataclass

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
    years = range(first.year + (first.month > 1 or first.day > 1), last.year + 1)
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        points=" ".join(f"{cx},{cy}" for cx, cy in coords),
        dots=dots,
        y_ticks=[(y(v), f"{v:g}") for v in (0, y_max / 2, y_max)],
        x_ticks=[(x(datetime.date(year, 1, 1)), str(year)) for year in years],
        plot_left=LEFT,
        plot_right=WIDTH - RIGHT,
        plot_top=TOP,
        plot_bottom=HEIGHT - BOTTOM,
    )
