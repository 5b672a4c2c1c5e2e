"""Case management at scale: p50/p95 of the caseload dashboard, a case page and a yearly funder report.

Run after `manage.py generate_case_data --clients N` on the same database (DATABASE_URL and the development
environment, as for `make run`):

    .venv/bin/python bench/case_management.py [--rounds 30] [--organisation scale-1]

Requests go through the whole Django stack (middleware, access checks, scopes, audit writes, templates) with the
test client, signed in as a caseworker of the organisation, so the time includes everything but the network.
Targets (docs/performance.md): pages p95 < 100 ms, the report < 2 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from accounts.selectors import members_of, organisation_by_slug  # noqa: E402
from accounts.testing import sign_in  # noqa: E402
from cases.models import Case, Contact  # noqa: E402
from core.scopes import scope  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@dataclass
class Result:
    p50: float
    p95: float
    cpu_p50: float  # this process's CPU time: what the machine's load changes least
    sql_p50: float  # time waiting for PostgreSQL (wall clock)
    queries: int


def measure(client: Client, urls: list[str], rounds: int) -> Result:
    client.get(urls[0])  # warm: templates, catalogues, data keys
    times, cpu, sql = [], [], []
    queries = 0
    for n in range(rounds):
        url = urls[n % len(urls)]
        reset_queries()
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        sql.append(sum(float(q["time"]) for q in connection.queries) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = max(queries, len(connection.queries))
    return Result(
        statistics.median(times), percentile(times, 95), statistics.median(cpu), statistics.median(sql), queries
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--organisation", default="scale-1")
    args = parser.parse_args()
    setup_test_environment()
    from django.conf import settings

    settings.DEBUG = True  # counts queries (connection.queries); templates and middleware are unchanged
    organisation = organisation_by_slug(args.organisation)
    if organisation is None:
        raise SystemExit(f"no organisation {args.organisation}: run manage.py generate_case_data first")
    with scope(organisation=organisation):
        members = list(members_of(organisation=organisation).select_related("user"))
        worker = members[0].user
        cases = list(Case.objects.filter(lead=worker).order_by("-opened_on").values_list("pk", flat=True)[:10])
        clients = Case.objects.count()
        contacts = Contact.objects.count()
        year = max(Case.objects.values_list("opened_on__year", flat=True).distinct()) - 1  # the last whole year
    client = Client()
    sign_in(client, worker)
    slug = organisation.slug
    print(f"{slug}: {clients} cases, {contacts} contacts; caseworker with {len(cases)}+ cases; report year {year}")
    rows = [
        ("caseload dashboard", [f"/en/cases/{slug}/"], args.rounds),
        ("case page", [f"/en/cases/{slug}/{pk}/" for pk in cases], args.rounds),
        ("funder report, one year", [f"/en/cases/{slug}/reports/?year={year}"], max(5, args.rounds // 3)),
        ("funder report, one year, one region", [f"/en/cases/{slug}/reports/?year={year}&region=flanders"], 5),
    ]
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'page':38} {'p50 ms':>7} {'p95 ms':>7} {'cpu p50':>8} {'sql p50':>8} {'queries':>8}")
    for name, urls, rounds in rows:
        r = measure(client, urls, rounds)
        print(f"{name:38} {r.p50:7.0f} {r.p95:7.0f} {r.cpu_p50:8.0f} {r.sql_p50:8.0f} {r.queries:8d}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
