"""Copies of the test database's tables on PostgreSQL: transactional tests end by copying back, not by flushing.

Django ends every transactional test (live server, browser, real Celery worker) with `flush`: a TRUNCATE of every
table, which PostgreSQL pays for with new files for each table and index; with serialized rollback the next test then
saves the migrations' rows again, one ORM object at a time. About a second per test. Here each worker copies its
migrated test database into a schema once; a test ends by putting back only the tables whose rows differ from the
copy (a checksum per table, one query): the next test sees the database exactly as migrated, serialized rollback or not.

`cached_state` uses the same copies for a state that takes seconds to build, such as the demo programme: built once
per worker and day, then copied into the tables it wrote, provided those still hold their migrated rows.

Loaded as a pytest plugin by the root conftest. On SQLite (no DATABASE_URL) Django's own flush stays in use.
"""

from collections.abc import Callable

import pytest
from django.db import connections, transaction
from django.test import TransactionTestCase
from django.utils import timezone
from hypothesis import is_hypothesis_test

# Copies live in schemas off the search path, so neither Django's introspection nor the tests see them.
SCHEMA_PREFIX = "test_copy_"


class Copy:
    """The rows of some tables at one moment, kept in the schema `test_copy_<name>` of the same database."""

    def __init__(self, connection, name: str, tables: list[str]):
        self.schema = connection.ops.quote_name(SCHEMA_PREFIX + name)
        self.checksums = checksums(connection, tables)
        quote = connection.ops.quote_name
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")
            cursor.execute(f"CREATE SCHEMA {self.schema}")
            for table in tables:
                cursor.execute(f"CREATE UNLOGGED TABLE {self.schema}.{quote(table)} AS SELECT * FROM {quote(table)}")

    def tables(self) -> list[str]:
        return list(self.checksums)

    def changed(self, connection) -> list[str]:
        """The tables whose rows differ from the copy now."""
        now = checksums(connection, list(self.checksums))
        return [table for table, checksum in self.checksums.items() if now[table] != checksum]

    def put_back(self, connection, tables: list[str]) -> None:
        """Replace the rows of `tables` with the copied ones; sequences stay ahead of every copied id."""
        quote = connection.ops.quote_name
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # tables go in any order; foreign keys hold at commit
            for table in tables:
                cursor.execute(f"DELETE FROM {quote(table)}")
                cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {self.schema}.{quote(table)}")
                for sequence in connection.introspection.get_sequences(cursor, table):
                    column = quote(sequence["column"])
                    # Never backwards: an id handed out before must not come again in this session.
                    cursor.execute(
                        f"SELECT setval(%s::regclass, max({column})) FROM {quote(table)} "
                        f"HAVING max({column}) > COALESCE(pg_sequence_last_value(%s::regclass), 0)",
                        [quote(sequence["name"])] * 2,
                    )


def checksums(connection, tables: list[str]) -> dict[str, str]:
    """A checksum of all rows of each table, in one query."""
    if not tables:
        return {}
    quote = connection.ops.quote_name
    columns = ", ".join(
        f"(SELECT md5(COALESCE(string_agg(t::text, ',' ORDER BY t::text), '')) FROM {quote(table)} t)"
        for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")
        return dict(zip(tables, cursor.fetchone(), strict=True))


MIGRATED: dict[str, Copy] = {}  # per database alias
CACHED: dict[tuple, Copy] = {}  # per (name, database alias, day)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test databases, each copied once it is migrated; transactional tests then put it back."""
    with django_db_blocker.unblock():
        for connection in connections.all():
            if connection.vendor == "postgresql":
                tables = sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))
                MIGRATED[connection.alias] = Copy(connection, "migrated", tables)
                # Serialized rollback would save these rows again before each test; the copy brings them back.
                if hasattr(connection, "_test_serialized_contents"):
                    del connection._test_serialized_contents
    with pytest.MonkeyPatch.context() as patch:
        if MIGRATED:
            patch.setattr(TransactionTestCase, "_fixture_teardown", _put_back_migrated)
        yield
    MIGRATED.clear()
    CACHED.clear()


def _put_back_migrated(test_case) -> None:
    """In place of TransactionTestCase's flush: the tables a test changed get their migrated rows back."""
    for alias in test_case._databases_names(include_mirrors=False):
        connection = connections[alias]
        MIGRATED[alias].put_back(connection, MIGRATED[alias].changed(connection))


def cached_state(name: str, build: Callable[[], object], using: str = "default") -> None:
    """Run `build`; on the migrated database, copy in the rows it wrote when it ran there before, this worker and day.

    `build` must depend on nothing but the database and the date: started from the migrated database, its copy is
    what it would write again. From any other state it simply runs.
    """
    connection = connections[using]
    migrated = MIGRATED.get(using)
    key = (name, using, timezone.localdate())
    at_start = migrated is not None and not migrated.changed(connection)
    if at_start and key in CACHED:
        CACHED[key].put_back(connection, CACHED[key].tables())
        return
    build()
    # Not inside a test's transaction: the copy would be rolled back with it.
    if at_start and not connection.in_atomic_block:
        CACHED[key] = Copy(connection, f"{name}_{key[2]:%Y%m%d}", migrated.changed(connection))


# The kinds of test that run for seconds, in the order they start: worker tests (a real Celery worker, outages),
# browser tests, then property-based ones (Hypothesis, schemathesis).
SLOW_MARKERS = ("worker", "browser")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Slow kinds first, so that xdist's workers (`--dist worksteal`) end together instead of one running the tail.

    pytest-django runs transactional tests last because a flush leaves the next test without the migrations' rows;
    the put-back copy leaves them in place, so on PostgreSQL any order is safe.
    """
    if any(connection.vendor != "postgresql" for connection in connections.all()):
        return

    def kind(item):
        for rank, marker in enumerate(SLOW_MARKERS):
            if item.get_closest_marker(marker):
                return rank
        return len(SLOW_MARKERS) + (0 if is_hypothesis_test(getattr(item, "obj", None)) else 1)

    items.sort(key=kind)
