"""Reads whose SQL the ORM builds once per thread, language and time zone, then runs with other arguments.

Building a query's SQL costs Django several times the CPU of running it: 0.47 of 0.56 ms for a project's
milestones. A page's fixed reads are written as ordinary querysets, `Prepared(lambda slug: Project.objects.filter(
slug=slug))`; the first call compiles the queryset with placeholder arguments and later calls only put in the real
ones. Rows become model instances as in a queryset (select_related, only/defer and annotations included), so
properties, translations and URLs work as on any instance, or dicts for a values() queryset of untranslated
fields. For querysets
without prefetch_related, whose arguments are ints, strings, dates or aware datetimes used as plain values (not
inside LIKE patterns, nor a value computed from an argument: pass that as an argument of its own), which tests
compare with the queryset itself.
"""

import datetime
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import ModelIterable, ValuesIterable, get_related_populators
from django.utils import timezone
from django.utils.translation import get_language

# Arguments are found in the compiled parameters by value: these cannot come from a page or a database row.
MARK = "\x1fprepared-argument-"
NUMBER = -7_531_902_468_000
PLACEHOLDERS = {
    int: lambda n: NUMBER - n,
    str: lambda n: f"{MARK}{n}\x1f",
    # Mid-month: a date computed from one (its month's first day, say) is no placeholder itself and is refused.
    datetime.date: lambda n: datetime.date(1001, 6, 15) + datetime.timedelta(days=3 * n),
    datetime.datetime: lambda n: datetime.datetime(1001, 1, 1, 0, 0, 0, n, tzinfo=datetime.UTC),
}


@dataclass(frozen=True)
class Compiled:
    alias: str
    sql: str
    params: tuple
    slots: tuple  # (parameter position, argument index, how the argument becomes that parameter)
    compiler: object
    names: list | None  # a values() queryset's keys; None for model instances


class Prepared:
    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self.local = threading.local()  # a compiler holds its thread's database connection

    def __call__(self, *args) -> list:
        if any(isinstance(arg, datetime.datetime) and timezone.is_naive(arg) for arg in args):
            raise ValueError("A prepared read takes aware datetimes: the ORM would read a naive one as local time")
        compiled = self.compiled(tuple(type(arg) for arg in args))
        params = list(compiled.params)
        for position, index, adapt in compiled.slots:
            params[position] = adapt(args[index])
        compiler = compiled.compiler
        with connections[compiled.alias].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if compiler.has_extra_select:
            rows = [row[: compiler.col_count] for row in rows]
        rows = compiler.results_iter([rows])
        if compiled.names is not None:
            return [dict(zip(compiled.names, row, strict=True)) for row in rows]
        return list(instances(compiler, compiled.alias, rows))

    def compiled(self, types: tuple) -> Compiled:
        cache = self.local.__dict__.setdefault("compiled", {})
        key = (get_language(), timezone.get_current_timezone_name(), types)
        if key not in cache:
            cache[key] = compile_queryset(self.build, types)
        return cache[key]


def compile_queryset(build: Callable[..., QuerySet], types: tuple) -> Compiled:
    if unknown := [t for t in types if t not in PLACEHOLDERS]:
        raise TypeError(f"Prepared reads take ints, strings, dates and datetimes, not {unknown}")
    placeholders = [PLACEHOLDERS[t](n) for n, t in enumerate(types)]
    queryset = build(*placeholders)
    if queryset._prefetch_related_lookups:
        raise ValueError("A prepared read cannot prefetch; prepare each related read on its own")
    if queryset._iterable_class not in (ModelIterable, ValuesIterable):
        # values_list() rows, and modeltranslation's values() of translated fields (which fall back per row), are not
        raise TypeError("A prepared read gives model instances or plain values() dicts")
    query = queryset.query
    names = None
    if queryset._iterable_class is ValuesIterable:  # the keys as ValuesIterable takes them
        names = (
            list(query.selected)
            if query.selected
            else [*query.extra_select, *query.values_select, *query.annotation_select]
        )
    alias = queryset.db
    compiler = queryset.query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    # Dates and datetimes reach the database as the backend adapts them (SQLite: as text); ints and strings unchanged.
    ops = connections[alias].ops
    slots = []
    for index, placeholder in enumerate(placeholders):
        forms = {placeholder: unchanged}
        if isinstance(placeholder, datetime.datetime):
            forms[ops.adapt_datetimefield_value(placeholder)] = ops.adapt_datetimefield_value
        elif isinstance(placeholder, datetime.date):
            forms[ops.adapt_datefield_value(placeholder)] = ops.adapt_datefield_value
        found = [(position, index, forms[param]) for position, param in enumerate(params) if is_in(param, forms)]
        if not found:
            raise ValueError(f"Argument {index} of a prepared read does not reach its SQL as a plain value")
        slots.extend(found)
    filled = {position for position, _index, _adapt in slots}
    if any(derived(param) for position, param in enumerate(params) if position not in filled):
        raise ValueError("A value computed from an argument of a prepared read reaches its SQL (a LIKE pattern, say)")
    return Compiled(alias, sql, tuple(params), tuple(slots), compiler, names)


def derived(param) -> bool:
    """Whether a parameter was made from a placeholder: it would stay one, whatever the argument."""
    if isinstance(param, bool):
        return False
    if isinstance(param, int):
        return abs(param - NUMBER) < 10**6
    if isinstance(param, datetime.date):
        return param.year <= 1002
    return MARK in str(param) or str(param).startswith(("1000-", "1001-", "1002-"))


def unchanged(value):
    return value


def is_in(param, forms: dict) -> bool:
    return isinstance(param, Hashable) and param in forms


def instances(compiler, alias: str, rows):
    """Model instances from compiled rows, as Django's ModelIterable makes them."""
    select, klass_info, annotations = compiler.select, compiler.klass_info, compiler.annotation_col_map
    model = klass_info["model"]
    start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
    names = [column[0].target.attname for column in select[start:end]]
    populators = get_related_populators(klass_info, select, alias)
    for row in rows:
        instance = model.from_db(alias, names, row[start:end])
        for populator in populators:
            populator.populate(row, instance)
        for name, position in (annotations or {}).items():
            setattr(instance, name, row[position])
        yield instance


def attach(instance, related_name: str, objects: list) -> None:
    """`instance.<related_name>.all()` answers `objects` without a query, as after prefetch_related."""
    queryset = getattr(instance, related_name).get_queryset()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[related_name] = queryset
