import secrets

from django.core.management.base import BaseCommand, CommandParser

from crypto.primitives import b64e, new_key


class Command(BaseCommand):
    help = "Print a new key-encryption key for HAVEN_KEKS (put it first to make it the primary)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--id", default="", help="key id (letters and digits); random if omitted")

    def handle(self, *args: object, **options: str) -> None:
        kek_id = options["id"] or "k" + secrets.token_hex(4)
        self.stdout.write(f"{kek_id}:{b64e(new_key())}")
