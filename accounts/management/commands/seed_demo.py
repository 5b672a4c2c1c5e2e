from django.core.management.base import BaseCommand

from accounts.demo import demo_seed
from core.registry import demo_seeders


class Command(BaseCommand):
    help = "Create the demo organisations, staff and each module's demo data (never in production). Safe to rerun."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(demo_seed())
        for seeder in demo_seeders():
            self.stdout.write(f"{seeder.name}: {seeder.seed()}")
