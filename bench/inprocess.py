"""Cold pages rendered in-process, without a server: CPU milliseconds per request and queries, page cache off.

CPU time of this process (time.process_time), the best of several rounds, rather than wall time: the 2-core
machine is shared, and the database's own work is not what this measures.

`python -m bench.inprocess [path ...]` with production settings (DJANGO_DEBUG=0) on the database of DATABASE_URL
(for example after `manage.py loaddemo`); without paths it measures the richest published project (most
milestones, date changes and indicators).
Run it on two checkouts one after the other to compare them on the same data and machine.
"""

import sys
import time

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402

from projects.models import Project  # noqa: E402

ROUNDS, REPEAT = 7, 30


def richest_project() -> str:
    project = (
        Project.objects.published()
        .annotate(parts=Count("milestones", distinct=True) + Count("date_changes", distinct=True) + Count("indicators"))
        .order_by("-parts", "pk")
        .first()
    )
    return project.get_absolute_url()


def measure(client, path):
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        response = client.get(path, secure=True)
    assert response.status_code == 200, (path, response.status_code)
    rounds = []
    for _ in range(ROUNDS):
        started = time.process_time()
        for _ in range(REPEAT):
            client.get(path, secure=True)
        rounds.append((time.process_time() - started) / REPEAT * 1000)
    return min(rounds), len(queries)


def main():
    settings.PAGE_CACHE_SECONDS = 0
    client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])
    for path in sys.argv[1:] or [richest_project()]:
        milliseconds, queries = measure(client, path)
        print(f"{path}: {milliseconds:.2f} CPU ms per request, {queries} queries")


if __name__ == "__main__":
    main()
