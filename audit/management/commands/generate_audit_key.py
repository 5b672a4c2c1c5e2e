from django.core.management.base import BaseCommand

from haven.keygen import new_audit_key


class Command(BaseCommand):
    help = "Print a new audit key for HAVEN_AUDIT_KEY (32 random bytes, base64url)."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(new_audit_key())
