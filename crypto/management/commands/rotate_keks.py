from django.core.management.base import BaseCommand

from crypto.primitives import primary_kek
from crypto.services import keks_rotate


class Command(BaseCommand):
    help = (
        "Re-wrap every data key under the primary (first) key in HAVEN_KEKS. Afterwards the older keys "
        "can be removed from HAVEN_KEKS. Data is not re-encrypted."
    )

    def handle(self, *args: object, **options: object) -> None:
        changed = keks_rotate()
        self.stdout.write(f"{changed} data key(s) re-wrapped under {primary_kek().id}.")
