from django.core.management.base import BaseCommand, CommandError

from audit.services import chains_verify


class Command(BaseCommand):
    help = "Walk every audit chain and report any changed, inserted or removed entry."

    def handle(self, *args: object, **options: object) -> None:
        reports = chains_verify()
        failed = False
        for report in reports:
            if report.ok:
                self.stdout.write(f"OK   {report.chain}: {report.entries} entries, head {report.head_hash}")
            else:
                failed = True
                self.stdout.write(f"FAIL {report.chain}: {report.entries} entries")
                for problem in report.problems:
                    self.stdout.write(f"     {problem}")
        if not reports:
            self.stdout.write("The audit log is empty.")
        if failed:
            raise CommandError("The audit log has been tampered with.")
