"""Pages rendered in-process through the whole WSGI handler, without a server: milliseconds per request.

Each figure is the best of many short rounds, in CPU time of this process (time.process_time: building
queries and rendering, not the database's own work) and in wall time (the database included): on a loaded
shared machine wrk's figures are noise, while the best round approaches the cost of an unloaded one.

`python -m bench.inprocess pages` (settings bench.settings, DJANGO_DEBUG=0, on a database made by
bench.generate) prints for each page of bench.run.PAGES the cold (page cache off) and warm (page cache on)
CPU time and their ratio to a minimal view of the median page size, the same ceiling as `make bench`.
`python -m bench.inprocess PATH ...` prints the cold CPU time of those paths, for comparing two checkouts.
"""

import json
import sys
import time
from io import BytesIO

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.db import connection  # noqa: E402

from bench.run import PAGES  # noqa: E402

ROUNDS, REPEAT = 15, 8
HANDLER = WSGIHandler()


def environ(path, host):
    path, _sep, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": host,
        "SERVER_PORT": "443", "HTTP_HOST": host, "HTTP_X_FORWARDED_PROTO": "https", "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http", "wsgi.input": BytesIO(), "wsgi.errors": sys.stderr,
    }  # fmt: skip


def get(path):
    statuses = []
    body = b"".join(HANDLER(environ(path, settings.ALLOWED_HOSTS[0]), lambda status, headers: statuses.append(status)))
    assert statuses[0].startswith("200"), (path, statuses[0])
    return body


def best_ms(path):
    """CPU and wall milliseconds per request, each the best round."""
    get(path)
    cpu, wall = [], []
    for _ in range(ROUNDS):
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        for _ in range(REPEAT):
            get(path)
        cpu.append((time.process_time() - cpu_start) / REPEAT * 1000)
        wall.append((time.perf_counter() - wall_start) / REPEAT * 1000)
    return {"cpu": min(cpu), "wall": min(wall)}


def queries(path):
    executed = []
    with connection.execute_wrapper(lambda execute, sql, *args: executed.append(sql) or execute(sql, *args)):
        get(path)
    return len(executed)


def pages():
    settings.PAGE_CACHE_SECONDS = 0
    sizes = sorted(len(get(path)) for path in PAGES.values())
    results = {"ceiling": best_ms(f"/bench/bytes/{sizes[len(sizes) // 2]}/")}
    for name, path in PAGES.items():
        results[name] = {"cold": best_ms(path), "queries": queries(path)}
    settings.PAGE_CACHE_SECONDS = 300
    for name, path in PAGES.items():
        results[name]["warm"] = best_ms(path)
    print(json.dumps(results))


def main():
    if sys.argv[1:] == ["pages"]:
        pages()
        return
    settings.PAGE_CACHE_SECONDS = 0
    for path in sys.argv[1:]:
        figures = best_ms(path)
        print(
            f"{path}: {figures['cpu']:.2f} CPU ms, {figures['wall']:.2f} ms wall per request, {queries(path)} queries"
        )


if __name__ == "__main__":
    main()
