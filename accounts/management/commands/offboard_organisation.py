from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import Organisation
from accounts.offboarding import organisation_offboard


class Command(BaseCommand):
    help = (
        "Offboard an organisation for good: shred its data keys, remove its rows and the staff accounts that "
        "belong to it only, and keep a record without personal data. Cannot be undone."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="the organisation's short name")
        parser.add_argument("--confirm", required=True, help="the short name again, to confirm")

    def handle(self, *args: object, **options: str) -> None:
        organisation = Organisation.objects.filter(slug=options["slug"]).first()
        if organisation is None:
            raise CommandError(f"No organisation {options['slug']!r}.")
        try:
            record = organisation_offboard(actor=None, organisation=organisation, confirm_slug=options["confirm"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"Offboarded {record.scope}: {record.data_keys} data key(s) shredded.")
        for label, count in record.rows_removed.items():
            self.stdout.write(f"  {label}: {count}")
