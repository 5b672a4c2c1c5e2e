from django.core.management.base import BaseCommand

from core.retention import purge_all, rules


class Command(BaseCommand):
    help = "Delete personal data whose time is up (run daily). Safe to run any time."

    def handle(self, *args: object, **options: object) -> None:
        counts = purge_all()
        for rule in rules():
            self.stdout.write(f"{rule.name}: {counts[rule.name]} deleted ({rule.description})")
