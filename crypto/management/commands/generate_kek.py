from django.core.management.base import BaseCommand, CommandParser

from haven.keygen import new_kek


class Command(BaseCommand):
    help = (
        "Print a new key-encryption key for HAVEN_KEKS (put it first to make it the primary). "
        "`manage.py generate_kek` runs without settings (haven/keygen.py); this is the same for call_command."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--id", default="", help="key id (letters and digits); random if omitted")

    def handle(self, *args: object, **options: str) -> None:
        self.stdout.write(new_kek(options["id"]))
