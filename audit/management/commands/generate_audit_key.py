import base64
import secrets

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print a new audit key for HAVEN_AUDIT_KEY (32 random bytes, base64url)."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("="))
