"""A known programme history around the third quarter of 2026, for the tests of programme reports.

Every number a report on Q3 2026 must show follows from these records by hand (see test_reports.py).
"""

import datetime
import zoneinfo
from decimal import Decimal

from conftest import make_field, make_milestone, make_news, make_project
from news.models import ProgrammeReport
from projects.models import DateChange, Indicator

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
# The moment the Q3 report is published: a few days after the quarter.
AFTER_Q3 = datetime.datetime(2026, 10, 5, 12, tzinfo=BERLIN)
AFTER_Q2 = datetime.datetime(2026, 7, 3, 12, tzinfo=BERLIN)


def at(day: str, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(hour), tzinfo=BERLIN)


def d(day: str) -> datetime.date:
    return datetime.date.fromisoformat(day)


def history(project, *points):
    for day, progress, status in points:
        project.progress_entries.create(recorded_at=at(day), progress=progress, status=status)


def build_history() -> dict:
    """Five published projects in two fields, one unpublished, one that joined after the quarter."""
    administration = make_field(name_de="Verwaltung", name_en="Administration", order=1)
    mobility = make_field(name_de="Mobilität", name_en="Mobility", order=2)
    alpha = make_project(
        title_de="Alpha", title_en="Alpha EN", field=administration, status="in_progress", progress=70,
        start_date=d("2026-01-10"), baseline_end_date=d("2026-12-31"), planned_end_date=d("2026-12-31"),
        budget=Decimal("100000"), spent=Decimal("40000"), spent_as_of=d("2026-09-15"),
    )  # fmt: skip
    history(alpha, ("2026-01-10", 10, "in_progress"), ("2026-06-01", 30, "in_progress"),
            ("2026-08-01", 55, "in_progress"), ("2026-10-02", 70, "in_progress"))  # fmt: skip
    beta = make_project(
        title_de="Beta", field=administration, status="paused", progress=20, start_date=d("2026-07-15"),
        baseline_end_date=d("2026-09-01"), planned_end_date=d("2026-11-30"),
        budget=Decimal("50000"), spent=Decimal("60000"), spent_as_of=d("2026-10-01"),
    )  # fmt: skip
    history(beta, ("2026-07-15", 5, "in_progress"), ("2026-09-10", 20, "paused"))
    DateChange.objects.create(
        project=beta, kind="end", old_date=d("2026-09-01"), new_date=d("2026-11-30"),
        reason="Lieferverzug beim Dienstleister", changed_at=at("2026-08-20"),
    )  # fmt: skip
    gamma = make_project(
        title_de="Gamma", field=mobility, status="completed", progress=100, start_date=d("2025-03-01"),
        baseline_end_date=d("2026-08-31"), planned_end_date=d("2026-08-31"), actual_end_date=d("2026-08-20"),
    )  # fmt: skip
    history(
        gamma, ("2025-03-01", 0, "in_progress"), ("2026-03-01", 80, "in_progress"), ("2026-08-20", 100, "completed")
    )
    delta = make_project(
        title_de="Delta", field=mobility, status="stopped", progress=40, start_date=d("2025-06-01"),
        baseline_end_date=d("2026-06-30"), planned_end_date=d("2026-06-30"),
    )  # fmt: skip
    history(delta, ("2025-06-01", 40, "in_progress"), ("2026-09-05", 40, "stopped"))
    epsilon = make_project(
        title_de="Epsilon", field=mobility, status="in_progress", progress=60, start_date=d("2026-02-01"),
        baseline_end_date=d("2026-09-15"), planned_end_date=d("2026-09-15"),
        budget=Decimal("20000"), spent=Decimal("5000"), spent_as_of=d("2026-06-30"),
    )  # fmt: skip
    history(epsilon, ("2026-02-01", 60, "in_progress"))
    hidden = make_project(title_de="Verborgen", field=mobility, is_published=False, progress=90)
    history(hidden, ("2026-08-01", 90, "in_progress"))
    late_comer = make_project(title_de="Neuling", field=mobility, progress=5)
    history(late_comer, ("2026-10-03", 5, "in_progress"))

    make_milestone(alpha, title_de="Ausschreibung", title_en="Tender", due_date=d("2026-08-15"),
                   completed_on=d("2026-08-10"))  # fmt: skip
    make_milestone(alpha, title_de="Pilotbetrieb", due_date=d("2026-09-20"))
    acceptance = make_milestone(alpha, title_de="Abnahme", due_date=d("2026-12-01"), baseline_due_date=d("2026-09-25"))
    DateChange.objects.create(
        project=alpha, kind="milestone", milestone=acceptance, old_date=d("2026-09-25"), new_date=d("2026-12-01"),
        reason="Nach dem Quartal verschoben", changed_at=at("2026-10-01"),
    )  # fmt: skip
    make_milestone(beta, title_de="Altlast", due_date=d("2026-06-01"))
    make_milestone(gamma, title_de="Übergabe", due_date=d("2026-10-15"), completed_on=d("2026-09-30"))
    trial = make_milestone(epsilon, title_de="Testlauf", due_date=d("2026-10-31"), baseline_due_date=d("2026-07-31"))
    DateChange.objects.create(
        project=epsilon, kind="milestone", milestone=trial, old_date=d("2026-07-31"), new_date=d("2026-10-31"),
        reason="Personalmangel", changed_at=at("2026-07-10"),
    )  # fmt: skip

    accounts = Indicator.objects.create(
        project=alpha, name_de="Nutzerkonten", name_en="User accounts", unit="count",
        baseline_value=Decimal(100), baseline_date=d("2026-01-01"), target_value=Decimal(1100),
        target_date=d("2027-12-31"),
    )  # fmt: skip
    for day, value in (("2026-06-30", 300), ("2026-09-30", 600), ("2026-10-02", 800)):
        accounts.values.create(date=d(day), value=Decimal(value))

    make_news(title_de="Alpha kommt voran", title_en="Alpha moves on", kind="progress_report",
              published_at=at("2026-08-01"), projects=[alpha])  # fmt: skip
    make_news(title_de="Gamma ist fertig", kind="press_release", published_at=at("2026-09-30", 23))
    make_news(title_de="Tag der offenen Tür", kind="announcement", published_at=at("2026-08-05"))
    make_news(title_de="Nach dem Quartal", kind="progress_report", published_at=at("2026-10-01"))
    make_news(title_de="Noch ein Entwurf", kind="progress_report", status="draft", published_at=at("2026-08-02"))
    return {"alpha": alpha, "beta": beta, "gamma": gamma, "delta": delta, "epsilon": epsilon,
            "administration": administration, "mobility": mobility}  # fmt: skip


def make_report(**kwargs) -> ProgrammeReport:
    kwargs.setdefault("title_de", "Programmbericht 3. Quartal 2026")
    kwargs.setdefault("title_en", "Program report Q3 2026")
    kwargs.setdefault("slug", "2026-q3")
    kwargs.setdefault("period_start", d("2026-07-01"))
    kwargs.setdefault("period_end", d("2026-09-30"))
    kwargs.setdefault("foreword_de", "Ein **gutes** Quartal.")
    kwargs.setdefault("foreword_en", "A **good** quarter.")
    return ProgrammeReport.objects.create(**kwargs)


def make_q2_report() -> ProgrammeReport:
    return make_report(
        title_de="Programmbericht 2. Quartal 2026", title_en="Program report Q2 2026", slug="2026-q2",
        period_start=d("2026-04-01"), period_end=d("2026-06-30"),
    )  # fmt: skip
