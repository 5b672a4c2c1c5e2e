"""National-scale data for benchmarks: the directory's and the knowledge base's generators, then the search
word lists. Refused in production. ``--services 20000 --items 5000`` by default (a few minutes)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Generate national-scale directory and knowledge data for benchmarks (never in production)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--services", type=int, default=20_000)
        parser.add_argument("--items", type=int, default=5_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--clear", action="store_true", help="only remove generated rows")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Generated data is never made in production.")
        common = {"seed": options["seed"], "clear": options["clear"], "stdout": self.stdout}
        call_command("generate_scale_directory", services=options["services"], **common)
        call_command("generate_scale_knowledge", items=options["items"], **common)
        call_command("rebuild_search_lexicon", stdout=self.stdout)
