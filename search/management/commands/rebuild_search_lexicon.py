"""Rebuild the typo-correction word lists from the indexed documents (words of removed documents go)."""

from typing import Any

from django.core.management.base import BaseCommand

from search.services import lexicon_rebuild


class Command(BaseCommand):
    help = "Rebuild the search's typo-correction word lists from the indexed documents."

    def handle(self, *args: Any, **options: Any) -> None:
        count = lexicon_rebuild()
        self.stdout.write(f"{count} words")
