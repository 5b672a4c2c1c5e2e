from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from accounts.services import second_factor_reset_by_operator


class Command(BaseCommand):
    help = (
        "Reset the second step of a staff account (for example a platform admin who lost their phone and "
        "recovery codes). Check who is asking first. The person is told by email; the reset is audit-logged."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: object, **options: object) -> None:
        try:
            user = second_factor_reset_by_operator(email=str(options["email"]))
        except User.DoesNotExist:
            raise CommandError("No staff account has that email address.") from None
        self.stdout.write(f"Second step of {user.email} reset; they set up a new one at their next sign-in.")
