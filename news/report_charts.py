"""Horizontal bar charts of a programme report, drawn on the server as SVG; each has a table beside it."""

from dataclasses import dataclass

from projects.charts import axis_label, nice_ceiling

WIDTH = 600
LABEL_WIDTH = 190
BAR_HEIGHT, GAP, TOP, BOTTOM = 22, 10, 8, 28


@dataclass
class Bar:
    label: str
    value: float
    y: float
    width: float
    colour: str


@dataclass
class BarChart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_bottom: int
    bars: list[Bar]
    x_ticks: list[tuple[float, str]]


def bar_chart(items: list[tuple[str, float, str]], *, top: float | None = None) -> BarChart | None:
    """One bar per (label, value, colour), on an axis from 0 to `top` (or a round number above the largest)."""
    if not items:
        return None
    top = top or nice_ceiling(max(value for _label, value, _colour in items))
    plot_w = WIDTH - LABEL_WIDTH - 16
    bars = [
        Bar(
            label=label,
            value=value,
            y=TOP + index * (BAR_HEIGHT + GAP),
            width=round(plot_w * value / top, 1),
            colour=colour,
        )
        for index, (label, value, colour) in enumerate(items)
    ]
    plot_bottom = TOP + len(items) * (BAR_HEIGHT + GAP)
    return BarChart(
        width=WIDTH,
        height=plot_bottom + BOTTOM,
        plot_left=LABEL_WIDTH,
        plot_right=LABEL_WIDTH + plot_w,
        plot_bottom=plot_bottom,
        bars=bars,
        x_ticks=[(round(LABEL_WIDTH + plot_w * tick / top, 1), axis_label(tick)) for tick in (0, top / 2, top)],
    )
