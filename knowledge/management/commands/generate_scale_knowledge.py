"""Generated knowledge items at national scale, for benchmarks (see ``knowledge.scale``). Refused in production."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from knowledge import scale


class Command(BaseCommand):
    help = "Generate knowledge items in three languages with search documents for benchmarks (never in production)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--items", type=int, default=5_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--clear", action="store_true", help="only remove generated rows")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Generated data is never made in production.")
        start = time.monotonic()
        if options["clear"]:
            scale.clear()
        else:
            scale.generate(items=options["items"], seed=options["seed"], progress=self.stdout.write)
        self.stdout.write(f"knowledge: {time.monotonic() - start:.0f} s")
