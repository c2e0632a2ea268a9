"""Every periodic task runs: either beat schedules it or the code enqueues it."""

import ast
from pathlib import Path

from django.conf import settings

from kaiserslautern_portal.celery import app

BASE_DIR = Path(settings.BASE_DIR)
APPS = ("projects", "news", "citizens", "kaiserslautern_portal")
ENQUEUE = {"delay", "apply_async", "delay_on_commit", "s", "si", "signature"}


def our_tasks() -> dict[str, str]:
    """Task name -> function name of every task our apps declare."""
    app.loader.import_default_modules()
    return {name: task.__name__ for name, task in app.tasks.items() if name.split(".")[0] in APPS}


def enqueued_in_code() -> set[str]:
    """Names X of every `X.delay(...)`-style call outside the tests."""
    names = set()
    for package in APPS:
        for path in (BASE_DIR / package).rglob("*.py"):
            if "tests" in path.parts or "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Attribute) and node.attr in ENQUEUE:
                    target = node.value
                    names.add(target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", ""))
    return names


def forgotten_tasks() -> list[str]:
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    called = enqueued_in_code()
    return sorted(name for name, function in our_tasks().items() if name not in scheduled and function not in called)


def test_every_task_is_scheduled_by_beat_or_enqueued_by_the_code():
    assert forgotten_tasks() == []


def test_every_scheduled_task_exists():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled - set(our_tasks()) == set()


def test_a_task_nobody_schedules_or_enqueues_is_reported():
    @app.task(name="news.tasks.forgotten_sweep")
    def forgotten_sweep():
        return 0

    try:
        assert forgotten_tasks() == ["news.tasks.forgotten_sweep"]
    finally:
        app.tasks.unregister("news.tasks.forgotten_sweep")
