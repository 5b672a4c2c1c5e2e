from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from directory.hsds_import import ImportFailed, import_datapackage
from directory.management.commands._progress import ProgressBar


class Command(BaseCommand):
    help = (
        "Import an HSDS 3.0 tabular datapackage (as written by export_hsds). Safe to run again. "
        "All or nothing: a bad row is reported with its file and line, and nothing is imported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="the folder holding datapackage.json and the CSV files")

    def handle(self, *args: object, **options: object) -> None:
        folder = options["folder"]
        assert isinstance(folder, Path)
        try:
            summary = import_datapackage(folder, progress=ProgressBar(self.stderr, "Importing rows"))
        except ImportFailed as failed:
            for error in failed.errors:
                self.stderr.write(error)
            raise CommandError(f"Nothing was imported: {len(failed.errors)} problem(s) above.") from failed
        self.stdout.write(f"Imported {folder}: {summary}")
