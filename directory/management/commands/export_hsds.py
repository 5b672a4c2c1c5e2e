from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from directory.datapackage import export_datapackage
from directory.management.commands._progress import ProgressBar


class Command(BaseCommand):
    help = "Write the directory as an HSDS 3.0 tabular datapackage (datapackage.json and CSV files) into a folder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="where to write the files (created if needed)")

    def handle(self, *args: object, **options: object) -> None:
        folder = options["folder"]
        assert isinstance(folder, Path)
        summary = export_datapackage(folder, progress=ProgressBar(self.stderr, "Exporting tables"))
        self.stdout.write(f"Exported to {folder}: {summary}")
