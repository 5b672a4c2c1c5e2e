"""In-process time of every public page and API call, on the database in DATABASE_URL (shipped or scale data).

Run (after `migrate` and `load_content`, and for scale data `generate_scale_data`):
    HAVEN_ENV=development DATABASE_URL=postgres://.../haven_perf .venv/bin/python bench/scale_pages.py [runs]

Each URL is requested `runs` times (default 20) through Django's test client after two warm-up requests; the
table gives p50 and p95 in milliseconds, the response size (as sent, with `Accept-Encoding: gzip`) and the
number of queries of one request. ``--markdown-label NAME`` labels the column for docs/performance.md.
The process warms up and freezes its long-lived objects first, as every web process does (core/warmup.py);
``--no-freeze`` measures without that.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

TWELVE_WORDS = "where can i get free help for abortion and health care in brussels"


def urls() -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT slug FROM directory_service WHERE status = 'active' ORDER BY slug LIMIT 1")
        service = cursor.fetchone()[0]
        cursor.execute("SELECT slug FROM knowledge_topic ORDER BY position, slug LIMIT 1")
        topic = cursor.fetchone()[0]
        cursor.execute("SELECT slug FROM vocabulary_city ORDER BY slug LIMIT 1")
        city = cursor.fetchone()[0]
    return [
        ("home", "/en/"),
        ("directory", "/en/directory/"),
        ("directory ?open=1", "/en/directory/?open=1"),
        ("directory ?city=", f"/en/directory/?city={city}"),
        ("directory page 50", "/en/directory/?page=50"),
        ("knowledge", "/en/knowledge/"),
        ("knowledge topic", f"/en/knowledge/topic/{topic}/"),
        ("service page", f"/en/directory/service/{service}/"),
        ("search page", "/en/search/?q=abortion"),
        ("api search", "/api/v1/search?q=abortion"),
        ("api search 12 words", "/api/v1/search?" + "q=" + TWELVE_WORDS.replace(" ", "+")),
        ("hsds services", "/api/hsds/services"),
        ("hsds services full", "/api/hsds/services?full=true"),
        ("hsds services minimal", "/api/hsds/services?minimal=true"),
        ("hsds sal full", "/api/hsds/service_at_locations?full=true"),
        ("hsds organizations full", "/api/hsds/organizations?full_service=true"),
    ]


def main() -> None:
    from search import api

    api.api_throttle.limit = 1_000_000  # the benchmark is one client asking many times
    runs = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 20
    setup_test_environment()
    if "--no-freeze" not in sys.argv:  # as haven/wsgi.py does in every web process
        from core.warmup import warm_and_freeze

        warm_and_freeze()
    client = Client(HTTP_ACCEPT_ENCODING="gzip")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM directory_service")
        services = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM knowledge_item")
        items = cursor.fetchone()[0]
    print(
        f"engine: {connection.vendor}; {services} services, {items} knowledge items; "
        f"{platform.machine()}, {os.cpu_count()} cores; {runs} runs"
    )
    print("| page | p50 ms | p95 ms | max ms | bytes sent | queries |")
    print("|---|---|---|---|---|---|")
    for label, url in urls():
        for _ in range(2):
            client.get(url)
        times = []
        size = status = 0
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            size, status = len(response.content), response.status_code
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        flag = "" if status == 200 else f" ({status})"
        print(
            f"| {label}{flag} | {statistics.median(times):.1f} | {p95:.1f} | {times[-1]:.1f} | {size} | "
            f"{len(queries.captured_queries)} |"
        )


if __name__ == "__main__":
    main()
