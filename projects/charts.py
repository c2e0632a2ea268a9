"""Small line charts drawn on the server as SVG: no JavaScript, a table beside each for screen readers."""

import datetime
import math
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

from .models import Milestone, Project

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


# Programme charts. The viewBox is 400 wide and text is 19 units high: an SVG 256 px wide (a 320 px phone
# column less the figure's padding) draws it at 12 px, wider ones larger, up to 1.2 times (.chart__svg in CSS).
PROGRAMME_WIDTH = 400
FONT = 19
LINE = 26  # one line of text
BAR = 16
LETTER = 0.55  # the average width of a letter in the system sans-serif, in font sizes


@dataclass
class Segment:
    key: str
    label: str
    value: float
    display: str = ""
    x: float = 0
    width: float = 0


@dataclass
class BarRow:
    """One row of a bar chart: a label line (left and right text) and a bar line made of segments."""

    label: str
    note: str
    segments: list[Segment]
    y: float = 0
    note_y: float = 0
    bar_y: float = 0
    colour: str = ""
    key: str = ""
    url: str = ""


@dataclass
class BarChart:
    width: int
    height: int
    rows: list[BarRow]
    font: int = FONT
    bar: int = BAR


def bar_chart(rows: list[BarRow], *, scale_max: float | None = None) -> BarChart:
    """Rows of a label line and a bar below it; segments of a row lie end to end, scaled to the largest row total."""
    top = scale_max or max((sum(s.value for s in row.segments) for row in rows), default=0) or 1
    y = 0
    for row in rows:
        row.y = y + FONT
        # A note that would run into the label goes on a line of its own, under the label.
        if (len(row.label) + len(row.note) + 6) * FONT * LETTER > PROGRAMME_WIDTH:
            row.note_y = row.y + LINE
            y += LINE
        else:
            row.note_y = row.y
        row.bar_y = y + FONT + 7
        x = 0.0
        for segment in row.segments:
            segment.x = round(x, 1)
            segment.width = round(PROGRAMME_WIDTH * segment.value / top, 1)
            x += segment.width
        y += LINE + BAR + 12
    return BarChart(width=PROGRAMME_WIDTH, height=max(y, 1), rows=rows)


def compact_euro(value: Decimal | float | None) -> str:
    """An amount short enough for a chart label: "5,3 Mio. €", "850 Tsd. €"."""
    amount = float(value or 0)
    if amount >= 1_000_000:
        return gettext("%(amount)s Mio. €") % {"amount": number_format(amount / 1_000_000, decimal_pos=1)}
    if amount >= 1_000:
        return gettext("%(amount)s Tsd. €") % {"amount": number_format(round(amount / 1_000))}
    return full_euro(amount)


def full_euro(value: float) -> str:
    return gettext("%(amount)s €") % {"amount": number_format(round(value), force_grouping=True)}


@dataclass
class Mark:
    """A milestone on a timeline row."""

    x: float
    state: str


@dataclass
class TimelineRow:
    label: str
    status: str
    status_label: str
    start: datetime.date | None
    baseline_end: datetime.date | None
    planned_end: datetime.date | None
    actual_end: datetime.date | None
    milestones: list[tuple[datetime.date, str]]
    colour: str
    url: str = ""
    y: float = 0
    bar_y: float = 0
    mid_y: float = 0
    baseline_y: float = 0
    baseline: tuple[float, float] | None = None
    plan: tuple[float, float] | None = None
    actual: tuple[float, float] | None = None
    marks: list[Mark] | None = None
    title: str = ""
    milestone_summary: str = ""


@dataclass
class Timeline:
    width: int
    height: int
    rows: list[TimelineRow]
    ticks: list[tuple[float, str]]
    today: float | None
    axis_y: float
    font: int = FONT
    bar: int = BAR


TITLE_CHARS = 36  # what fits on a 400-unit line at 19 units a letter


def year_labels(first_year: int, last_year: int, x) -> list[tuple[float, str]]:
    """A grid line at each New Year, labelled every n-th year so that the labels keep apart (and within the chart)."""
    years = range(first_year, last_year + 1)
    label_width = 4 * FONT * LETTER
    step = max(1, math.ceil(1.6 * label_width * (len(years) - 1) / PROGRAMME_WIDTH))
    return [
        (x(datetime.date(year, 1, 1)), str(year) if (year - first_year) % step == 0 and year < last_year else "")
        for year in years
    ]


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def timeline(rows: list[TimelineRow], *, today: datetime.date) -> Timeline | None:
    """Bars over time: the original plan as a thin line, the current plan as an outlined bar, what has happened
    (start to actual end, or to today while running) filled in, milestones as diamonds and today as a line."""
    dated = [row for row in rows if row.start]
    if not dated:
        return None
    days = [d for row in dated for d in (row.start, row.baseline_end, row.planned_end, row.actual_end) if d]
    days += [d for row in dated for d, _state in row.milestones]
    first = datetime.date(min(days).year, 1, 1)
    last = datetime.date(max([*days, today]).year + 1, 1, 1)
    span = (last - first).days

    def x(day):
        return round(PROGRAMME_WIDTH * (day - first).days / span, 1)

    axis_y = FONT + 4
    y = axis_y + 8
    for row in dated:
        row.title = shorten(row.label, TITLE_CHARS - len(row.status_label) - 3)
        row.y = y + FONT
        bar_y = row.y + 8
        row.bar_y, row.mid_y, row.baseline_y = bar_y, bar_y + BAR / 2, bar_y + BAR + 4
        if row.baseline_end:
            row.baseline = (x(row.start), x(row.baseline_end))
        if row.planned_end:
            row.plan = (x(row.start), max(x(row.planned_end) - x(row.start), 2))
        done_until = row.actual_end or (min(today, row.planned_end or today) if row.status != "planned" else None)
        if done_until and done_until >= row.start:
            row.actual = (x(row.start), max(x(done_until) - x(row.start), 2))
        row.marks = [Mark(x=x(day), state=state) for day, state in row.milestones]
        y = bar_y + BAR + 18
    ticks = year_labels(first.year, last.year, x)
    return Timeline(
        width=PROGRAMME_WIDTH,
        height=y + LINE,
        rows=dated,
        ticks=ticks,
        today=x(today) if first <= today <= last else None,
        axis_y=axis_y,
    )


# What the programme pages draw, built from the models' figures.


def status_bars(counts: dict[str, int]) -> BarChart:
    """Projects by status: one bar per status, each with its own marker shape and its name."""
    rows = [
        BarRow(
            label=str(status.label),
            note=str(counts.get(status.value, 0)),
            key=status.value,
            segments=[
                Segment(
                    key=status.value,
                    label=str(status.label),
                    value=counts.get(status.value, 0),
                    display=str(counts.get(status.value, 0)),
                )
            ],
        )
        for status in Project.Status
    ]
    return bar_chart(rows)


def schedule_bars(fields) -> BarChart:
    """Per field (annotated by FieldOfActionQuerySet.with_programme): unfinished projects on time and late, and the
    finished ones."""
    rows = []
    for field in fields:
        late, unfinished = field.late_count, field.unfinished_count
        rows.append(
            BarRow(
                label=field.name,
                note=(
                    ngettext("%(late)d von %(count)d verzögert", "%(late)d von %(count)d verzögert", unfinished)
                    % {"late": late, "count": unfinished}
                    if unfinished
                    else gettext("alle beendet")
                ),
                colour=field.colour,
                url=field.get_absolute_url(),
                segments=[
                    Segment(key=key, label=label, value=value, display=str(value))
                    for key, label, value in (
                        ("on-time", gettext("im Zeitplan"), unfinished - late),
                        ("late", gettext("verzögert"), late),
                        ("finished", gettext("beendet"), field.project_count - unfinished),
                    )
                ],
            )
        )
    return bar_chart(rows)


def budget_bars(rows_in: list[tuple[str, str, str, Decimal | None, Decimal | None]]) -> BarChart:
    """Per (label, url, colour, budget, spent): what is spent inside the planned budget, what remains, and
    what is spent beyond it."""
    rows = []
    for label, url, colour, budget, spent in rows_in:
        budget, spent = float(budget or 0), float(spent or 0)
        rows.append(
            BarRow(
                label=label,
                note=gettext("%(spent)s von %(budget)s")
                % {"spent": compact_euro(spent), "budget": compact_euro(budget)},
                colour=colour,
                url=url,
                segments=[
                    Segment(key=key, label=label, value=value, display=full_euro(value))
                    for key, label, value in (
                        ("spent", gettext("ausgegeben"), min(spent, budget)),
                        ("remaining", gettext("noch verfügbar"), max(budget - spent, 0)),
                        ("over", gettext("über dem Budget"), max(spent - budget, 0)),
                    )
                ],
            )
        )
    return bar_chart(rows)


def milestone_summary(counts: dict[str, int]) -> str:
    """How many milestones are in each state, in words: "2 erreicht, 1 überfällig"."""
    return ", ".join(f"{counts[state]} {state.label}" for state in Milestone.State if counts.get(state))


def project_timeline(projects, *, today: datetime.date) -> Timeline | None:
    """One row per project (with milestones prefetched), in the order given."""
    return timeline(
        [
            TimelineRow(
                label=project.title,
                status=project.status,
                status_label=project.get_status_display(),
                start=project.start_date,
                baseline_end=project.baseline_end_date,
                planned_end=project.planned_end_date,
                actual_end=project.actual_end_date,
                milestones=[(m.completed_on or m.due_date, m.state_on(today)) for m in project.milestones.all()],
                milestone_summary=milestone_summary(Counter(m.state_on(today) for m in project.milestones.all())),
                colour=project.field.colour,
                url=project.get_absolute_url(),
            )
            for project in projects
        ],
        today=today,
    )


def field_timeline(fields, milestone_months, *, today: datetime.date) -> Timeline | None:
    """One row per field (FieldOfActionQuerySet.with_programme) spanning its projects, with its milestones per
    month (MilestoneMonthQuerySet.states): overdue wins over upcoming over done."""
    marks: dict[int, list[tuple[datetime.date, str]]] = {}
    counts: dict[int, Counter] = {}
    for row in milestone_months:
        upcoming = row["open"] - row["overdue"]
        state = "overdue" if row["overdue"] else "upcoming" if upcoming else "done"
        marks.setdefault(row["field"], []).append((row["month"] + datetime.timedelta(days=14), state))
        counts.setdefault(row["field"], Counter()).update(
            {"done": row["done"], "overdue": row["overdue"], "upcoming": upcoming}
        )
    rows = []
    for field in fields:
        finished = field.project_count and not field.unfinished_count
        rows.append(
            TimelineRow(
                label=field.name,
                status="completed" if finished else "in_progress",
                status_label=ngettext("%(count)d Projekt", "%(count)d Projekte", field.project_count)
                % {"count": field.project_count},
                start=field.first_start,
                baseline_end=field.last_baseline_end,
                planned_end=field.last_planned_end,
                actual_end=field.last_actual_end if finished else None,
                milestones=marks.get(field.pk, []),
                milestone_summary=milestone_summary(counts.get(field.pk, {})),
                colour=field.colour,
                url=field.get_absolute_url(),
            )
        )
    return timeline(rows, today=today)
