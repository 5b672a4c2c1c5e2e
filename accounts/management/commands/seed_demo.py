from django.core.management.base import BaseCommand

from accounts.demo import demo_seed


class Command(BaseCommand):
    help = "Create the demo organisations and staff accounts (never in production). Safe to run again."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(demo_seed())
