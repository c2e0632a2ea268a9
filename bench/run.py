"""`make bench`: the portal at scale under gunicorn with production settings, PostgreSQL and Redis.

Prints a table of pages (cold: page cache off; warm: page cache on) as ratios to a minimal Django view of
the median page size, measured on the same server right before each phase: cold at demo size (20 projects),
cold at full scale, warm at full scale; the ratio of full-scale to demo-size cold throughput; the sizes with
gzip and brotli; the fan-out of one progress report through the real Celery worker beside a plain SMTP loop
(BENCH_FANOUT=0 skips it). Results also go to bench-results/<date>.md. Figures are ratios measured side by
side: this 2-core machine is noisy, and wrk runs on it too.
"""

import contextlib
import datetime
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import smtplib
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
# A database of its own, dropped and created by every run; Redis is the caller's REDIS_URL database, flushed.
DB = os.environ.get("BENCH_DATABASE", "portal_bench")
REDIS = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/7")
# Four requests in flight keep both sync workers busy without queueing latency into every figure.
CONNECTIONS, THREADS, DURATION = 4, 2, os.environ.get("BENCH_DURATION", "8s")
FANOUT_SIZES = (2000, 10000)

PAGES = {
    "start": "/",
    "project list": "/projekte/",
    "project list, filtered": "/projekte/?status=in_progress&handlungsfeld=feld-1&sortierung=fortschritt",
    "project": "/projekte/projekt-7/",
    "news list": "/neuigkeiten/",
    "news item": "/neuigkeiten/meldung-7/",
    "feed (RSS)": "/neuigkeiten/rss/",
    "search": "/suche/?q=Sensoren",
    "API project list": "/api/v1/projects/",
    "API project": "/api/v1/projects/projekt-7/",
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(static_root, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB}",
        "REDIS_URL": REDIS,
        "STATIC_ROOT": str(static_root),
        "SITE_URL": "https://portal.example.org",
        "API_THROTTLE_ANON": "100000000/min",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def run(command, env, **kwargs):
    return subprocess.run(command, cwd=ROOT, env=env, check=True, **kwargs)


def services():
    if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode:
        version = os.listdir("/etc/postgresql")[0]
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=True)
    if subprocess.run(["redis-cli", "ping"], capture_output=True).returncode:
        subprocess.run(
            [
                "redis-server",
                "--daemonize",
                "yes",
                "--bind",
                "127.0.0.1",
                "--port",
                "6379",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            check=True,
        )
    for _ in range(30):
        if not subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode:
            break
        time.sleep(1)
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc"]
    subprocess.run([*psql, f"DROP DATABASE IF EXISTS {DB}"], check=True)
    subprocess.run([*psql, f"CREATE DATABASE {DB}"], check=True)
    subprocess.run(["redis-cli", "-u", REDIS, "flushdb"], check=True, capture_output=True)
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)


@contextlib.contextmanager
def gunicorn(env):
    port = free_port()
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "kaiserslautern_portal.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        with contextlib.suppress(OSError):
            urllib.request.urlopen(f"{base}/healthz", timeout=1)
            break
        time.sleep(0.1)
    try:
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def fetch(base, path, encoding=""):
    headers = {"X-Forwarded-Proto": "https", **({"Accept-Encoding": encoding} if encoding else {})}
    request = urllib.request.Request(base + path, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers.get("Content-Encoding", "") == encoding, (path, encoding)
        return response.read()


def answers_200(base, path):
    """One request as wrk sends it, redirects not followed: wrk counts only 4xx and 5xx as errors, so a row that
    redirects would be measured as a very fast page."""
    url = urllib.parse.urlsplit(base + path)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        connection.request("GET", path, headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.0.1"})
        status = connection.getresponse().status
    finally:
        connection.close()
    assert status == 200, (path, status)


def wrk(base, path):
    answers_200(base, path)
    # Pages from one client; an API request from one of many (bench/wrk.lua).
    script = ["-s", str(ROOT / "bench" / "wrk.lua")] if path.startswith("/api/") else []
    output = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION}", "--latency", "-H", "X-Forwarded-Proto: https",
         *script, base + path],
        capture_output=True,
        text=True,
        check=True,
    ).stdout  # fmt: skip

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency(50),
        "p99": latency(99),
        "errors": (int(errors.group(1)) if errors else 0)
        + (sum(map(int, socket_errors.groups())) if socket_errors else 0),
    }


def worker_memory_kb(root_pid):
    """Resident memory of the worker's main process and its pool children."""
    total = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        with contextlib.suppress(OSError):
            text = status.read_text()
            pid = int(status.parent.name)
            parent = int(re.search(r"PPid:\s+(\d+)", text).group(1))
            if pid == root_pid or parent == root_pid:
                total[pid] = int(re.search(r"VmRSS:\s+(\d+)", text).group(1))
    return total


def fan_out(env, stats_file, recipients):
    worker = subprocess.Popen(
        [PYTHON, "-m", "celery", "-A", "kaiserslautern_portal", "worker", "--concurrency", "2", "--loglevel", "WARNING",
         "--without-gossip", "--without-mingle"], cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    try:
        time.sleep(4)
        before = sink_stats(stats_file)[0]
        started = time.time()
        run([PYTHON, "-m", "bench.fanout", str(recipients)], env, capture_output=True)
        peak = 0
        while time.time() < started + 600:
            count, last = sink_stats(stats_file)
            peak = max(peak, sum(worker_memory_kb(worker.pid).values()))
            if count - before >= recipients:
                break
            time.sleep(0.2)
    finally:
        os.kill(worker.pid, signal.SIGTERM)  # warm shutdown: running tasks finish
        worker.wait(timeout=90)
    return {"seconds": last - started, "sent": count - before, "peak_mb": peak / 1024}


def sink_stats(stats_file):
    count, last = Path(stats_file).read_text().split()
    return int(count), float(last)


def plain_smtp(port, stats_file, messages):
    before = sink_stats(stats_file)[0]
    started = time.time()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for n in range(messages):
            message = EmailMessage()
            message["From"], message["To"], message["Subject"] = "digital@example.org", f"r{n}@example.org", "Bericht"
            message.set_content("Ein Fortschrittsbericht für die Messung.\n" * 10)
            smtp.send_message(message)
    while sink_stats(stats_file)[0] - before < messages:
        time.sleep(0.05)
    return {"seconds": time.time() - started}


def in_process(env):
    output = run([PYTHON, "-m", "bench.inprocess", "pages"], env, capture_output=True, text=True)
    return json.loads(output.stdout.strip().splitlines()[-1])


def generate(env, stage):
    # A bulk load, not a page: on a loaded machine a batch insert (with its search trigger) can outlast the
    # production statement timeout.
    env = {**env, "DATABASE_STATEMENT_TIMEOUT_MS": "0"}
    output = run([PYTHON, "-m", "bench.generate", stage, json.dumps(PAGES)], env, capture_output=True, text=True)
    return json.loads(output.stdout.strip().splitlines()[-1])


def main():
    services()
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    static_root = workdir / "static"
    env = environment(static_root, PAGE_CACHE_SECONDS="0")
    print("migrating, collecting static files, generating data ...", flush=True)
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    small = generate(env, "small")
    small["in-process"] = in_process(env)

    ceilings, results = {}, {name: {} for name in PAGES}
    with gunicorn(env) as base:
        sizes = {name: len(fetch(base, path)) for name, path in PAGES.items()}
        ceiling_size = sorted(sizes.values())[len(sizes) // 2]
        (static_root / "bench-ceiling.html").write_bytes(b"x" * ceiling_size)
    ceiling_path = f"/bench/bytes/{ceiling_size}/"
    with gunicorn(env) as base:  # restarted so whitenoise knows the new static file
        ceilings["static file"] = wrk(base, "/static/bench-ceiling.html")
        ceilings["cold, demo size"] = wrk(base, ceiling_path)
        for name, path in PAGES.items():
            results[name]["small"] = wrk(base, path)
    started = time.time()
    large = generate(env, "large")
    print(f"data generated in {time.time() - started:.0f} s: {large['sizes']}", flush=True)
    large["in-process"] = in_process(env)
    with gunicorn(env) as base:
        sizes = {name: len(fetch(base, path)) for name, path in PAGES.items()}
        ceilings["cold, full scale"] = wrk(base, ceiling_path)
        for name, path in PAGES.items():
            results[name]["cold"] = wrk(base, path)
    with gunicorn(environment(static_root, PAGE_CACHE_SECONDS="300")) as base:
        compressed = {name: {e: len(fetch(base, path, e)) for e in ("gzip", "br")} for name, path in PAGES.items()}
        ceilings["warm, full scale"] = wrk(base, ceiling_path)
        for name, path in PAGES.items():
            results[name]["warm"] = wrk(base, path)

    fanouts = smtp_ceiling = None
    if os.environ.get("BENCH_FANOUT", "1") != "0":
        smtp_port = free_port()
        stats_file = workdir / "smtp-stats"
        sink = subprocess.Popen([PYTHON, "-m", "bench.smtp_sink", str(smtp_port), str(stats_file)], cwd=ROOT)
        time.sleep(1)
        try:
            fan_env = environment(static_root, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(smtp_port))
            fanouts = {size: fan_out(fan_env, stats_file, size) for size in FANOUT_SIZES}
            smtp_ceiling = plain_smtp(smtp_port, stats_file, FANOUT_SIZES[-1])
        finally:
            sink.terminate()

    queries = {"small": small["queries"], "large": large["queries"]}
    report = render(large["sizes"], sizes, compressed, queries, ceiling_size, ceilings, results, fanouts, smtp_ceiling)
    report += render_in_process(small["in-process"], large["in-process"])
    print(report)
    out = ROOT / "bench-results" / f"{datetime.date.today().isoformat()}.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(report)
    shutil.rmtree(workdir, ignore_errors=True)


def render(data, sizes, compressed, queries, ceiling_size, ceilings, results, fanouts, smtp_ceiling):
    small_ceiling = ceilings["cold, demo size"]["rps"]
    cold_ceiling, warm_ceiling = ceilings["cold, full scale"]["rps"], ceilings["warm, full scale"]["rps"]
    lines = [
        f"# make bench, {datetime.datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, {platform()}",
        "",
        f"Data: {data}; demo size: 20 projects, 200 milestones, 20 news items. gunicorn 2 sync workers, "
        f"wrk {THREADS} threads, {CONNECTIONS} connections, {DURATION} per row, on the same machine.",
        "",
        f"Ceilings at {ceiling_size} bytes (the median page size): a minimal Django view through the whole "
        "middleware stack, measured right before each phase; every ratio below is to the ceiling of its phase.",
        "",
        "| ceiling | req/s | p50 ms | p99 ms |",
        "|---|---:|---:|---:|",
        *(f"| {name} | {c['rps']:.0f} | {c['p50']:.1f} | {c['p99']:.1f} |" for name, c in ceilings.items()),
        "",
        "| page | bytes | gzip | brotli | queries demo → full | cold demo ÷ ceiling | cold full ÷ ceiling "
        "| full ÷ demo (cold) | cold p99 ms | warm req/s | warm ÷ ceiling | warm p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, figures in results.items():
        small, cold, warm = figures["small"], figures["cold"], figures["warm"]
        small_ratio, cold_ratio = small["rps"] / small_ceiling, cold["rps"] / cold_ceiling
        errors = small["errors"] + cold["errors"] + warm["errors"]
        lines.append(
            f"| {name} | {sizes[name]} | {compressed[name]['gzip']} | {compressed[name]['br']} "
            f"| {queries['small'][name]} → {queries['large'][name]} | {small_ratio:.3f} | {cold_ratio:.3f} "
            f"| {cold_ratio / small_ratio:.2f} | {cold['p99']:.1f} | {warm['rps']:.0f} "
            f"| {warm['rps'] / warm_ceiling:.2f} | {warm['p99']:.1f} | {errors} |"
        )
    if fanouts:
        plain_rate = FANOUT_SIZES[-1] / smtp_ceiling["seconds"]
        lines += [
            "",
            "| fan-out | recipients | seconds to last accepted | msg/s | ÷ plain SMTP loop "
            "| worker peak RSS MB (main + 2 children) |",
            "|---|---:|---:|---:|---:|---:|",
            *(
                f"| Celery worker (2 processes) | {size} | {f['seconds']:.1f} | {size / f['seconds']:.0f} "
                f"| {size / f['seconds'] / plain_rate:.2f} | {f['peak_mb']:.0f} |"
                for size, f in fanouts.items()
            ),
            f"| plain loop, one SMTP connection | {FANOUT_SIZES[-1]} | {smtp_ceiling['seconds']:.1f} "
            f"| {plain_rate:.0f} | 1.00 | – |",
        ]
    return "\n".join([*lines, ""])


def render_in_process(small, large):
    """The same ratios from bench/inprocess.py: best rounds in-process, robust when the machine is loaded."""
    lines = [
        "",
        "In-process through the whole WSGI handler (bench/inprocess.py), best of 15 rounds; ceiling = the minimal "
        f"view: {small['ceiling']['cpu']:.2f} CPU ms / {small['ceiling']['wall']:.2f} ms wall at demo size, "
        f"{large['ceiling']['cpu']:.2f} / {large['ceiling']['wall']:.2f} at full scale. Ratios are throughput "
        "ratios (ceiling ms ÷ page ms).",
        "",
        "| page | cold CPU ms demo → full | cold wall ms demo → full | cold wall ÷ ceiling, full "
        "| full ÷ demo (cold, wall) | warm CPU ms | warm ÷ ceiling (CPU) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in PAGES:
        s, f = small[name], large[name]
        lines.append(
            f"| {name} | {s['cold']['cpu']:.2f} → {f['cold']['cpu']:.2f} | {s['cold']['wall']:.2f} → "
            f"{f['cold']['wall']:.2f} | {large['ceiling']['wall'] / f['cold']['wall']:.3f} "
            f"| {s['cold']['wall'] / f['cold']['wall']:.2f} | {f['warm']['cpu']:.3f} "
            f"| {large['ceiling']['cpu'] / f['warm']['cpu']:.2f} |"
        )
    return "\n".join([*lines, ""])


def platform():
    with contextlib.suppress(OSError):
        model = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        if model:
            return model.group(1).strip()
    return "unknown CPU"


if __name__ == "__main__":
    main()
