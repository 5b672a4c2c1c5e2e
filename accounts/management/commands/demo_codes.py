import pyotp
from django.core.management.base import BaseCommand

from accounts.demo import DEMO_PASSWORD, DEMO_STAFF


class Command(BaseCommand):
    help = "Print the demo staff accounts with their current one-time codes."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"Demo staff (password for all: {DEMO_PASSWORD}); codes change every 30 seconds:")
        for staff in DEMO_STAFF:
            roles = ", ".join(f"{role} @ {org}" for org, role in staff.roles) or "platform admin"
            code = pyotp.TOTP(staff.totp_secret).now()
            self.stdout.write(f"  {staff.email:<26} code {code}   ({roles})")
        self.stdout.write("Run `make codes` for fresh codes, or add the secrets in the README to an authenticator app.")
