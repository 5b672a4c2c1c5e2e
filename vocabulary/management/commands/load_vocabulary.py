from django.core.management.base import BaseCommand

from vocabulary.services import vocabulary_load


class Command(BaseCommand):
    help = "Load the shared vocabulary (content/vocabulary.toml). Safe to run again."

    def handle(self, *args: object, **options: object) -> None:
        summary = vocabulary_load()
        self.stdout.write(
            f"Vocabulary: {summary.created} created, {summary.updated} updated, {summary.unchanged} unchanged."
        )
