from django.core.management.base import BaseCommand, CommandParser

from core.content import loaders
from core.pagecache import content_changed


class Command(BaseCommand):
    help = "Load all bundled content (vocabulary, knowledge, directory) from content/. Safe to run again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--overwrite-edits",
            action="store_true",
            help="replace items that editors changed in the application (asks no more)",
        )

    def handle(self, *args: object, **options: object) -> None:
        for loader in loaders():
            summary = loader.load(overwrite_edits=bool(options["overwrite_edits"]))
            self.stdout.write(f"{loader.name}: {summary}")
        content_changed()  # some loaders write in bulk, which sends no signals: renew public pages kept in memory
