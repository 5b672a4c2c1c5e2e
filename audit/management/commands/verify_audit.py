from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit.services import audit_verify


class Command(BaseCommand):
    help = (
        "Walk every audit chain, recompute its keyed hashes and compare its end with the latest signed checkpoint "
        "(HAVEN_AUDIT_CHECKPOINTS). Fails on any changed, inserted or removed entry."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--checkpoints",
            default="",
            help="compare with this file of checkpoint lines instead (a copy kept elsewhere, or a log archive)",
        )

    def handle(self, *args: object, **options: object) -> None:
        path = Path(str(options["checkpoints"])) if options["checkpoints"] else None
        report = audit_verify(path)
        if not report.checkpoint_file_exists:
            self.stdout.write(f"NOTE no checkpoint file at {path or settings.HAVEN_AUDIT_CHECKPOINTS}")
        for problem in report.problems:
            self.stdout.write(f"FAIL {problem}")
        for chain in report.chains:
            if chain.ok:
                self.stdout.write(f"OK   {chain.chain}: {chain.entries} entries, head {chain.head_hash}")
            else:
                self.stdout.write(f"FAIL {chain.chain}: {chain.entries} entries")
                for problem in chain.problems:
                    self.stdout.write(f"     {problem}")
            for note in chain.notes:
                self.stdout.write(f"     note: {note}")
        if not report.chains:
            self.stdout.write("The audit log is empty.")
        if not report.ok:
            raise CommandError("The audit log has been tampered with.")
