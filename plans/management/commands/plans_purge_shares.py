from django.core.management.base import BaseCommand

from plans.services import shares_purge_expired


class Command(BaseCommand):
    help = "Erase the snapshots of shared plans past their expiry date (run daily)."

    def handle(self, *args: object, **options: object) -> None:
        count = shares_purge_expired()
        self.stdout.write(f"{count} expired snapshot(s) erased.")
