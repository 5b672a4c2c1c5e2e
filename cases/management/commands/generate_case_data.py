"""manage.py generate_case_data --clients N: realistic scale data for the benchmarks (cases/generator.py)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cases.generator import generate


class Command(BaseCommand):
    help = "Generate made-up clients, cases, contacts and audit entries in bulk (never in production)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--clients", type=int, default=1000)
        parser.add_argument("--organisations", type=int, default=10)
        parser.add_argument("--contacts-per-client", type=int, default=10)
        parser.add_argument("--audit-per-client", type=int, default=10)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        timings = generate(
            clients=options["clients"],
            organisations=max(1, min(options["organisations"], options["clients"] or 1)),
            contacts_per_client=options["contacts_per_client"],
            audit_per_client=options["audit_per_client"],
            seed=options["seed"],
            progress=lambda line: self.stdout.write(line),
        )
        total = time.perf_counter() - started
        for name, rows in timings.rows.items():
            self.stdout.write(f"{name}: {rows} rows, {timings.seconds[name]:.1f} s writing")
        per_value = timings.seal_seconds / timings.sealed * 1e6 if timings.sealed else 0.0
        self.stdout.write(
            f"encrypted {timings.sealed} values in {timings.seal_seconds:.1f} s ({per_value:.0f} µs each); "
            f"total {total:.1f} s"
        )
