import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ops.drill import verify_encrypted_fields


class Command(BaseCommand):
    help = (
        "Decrypt every encrypted field (every model with an EncryptedTextField) and report failures. "
        "Run after a restore or a key rotation; exits non-zero when a value does not decrypt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="one JSON object on standard output")

    def handle(self, *args: Any, **options: Any) -> None:
        reports, seconds = verify_encrypted_fields()
        failures = sum(r.failures for r in reports)
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "seconds": round(seconds, 3),
                        "failures": failures,
                        "models": [r.__dict__ for r in reports],
                    }
                )
            )
        else:
            for r in reports:
                self.stdout.write(f"{r.model}: {r.rows} rows, {r.values} values decrypted, {r.failures} failures")
            self.stdout.write(f"{sum(r.values for r in reports)} values in {seconds:.2f} s, {failures} failures")
        if failures:
            raise CommandError(f"{failures} encrypted value(s) did not decrypt")
