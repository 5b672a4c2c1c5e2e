from django.core.management.base import BaseCommand, CommandParser

from directory.services import stale_notices_enqueue


class Command(BaseCommand):
    help = (
        "Email the admins of each organisation the directory listings it keeps that were not verified for six "
        "months. Run it once a month (visitors see the 'not verified' note whether or not it runs)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--base-url", default="", help="the site's address, e.g. https://haven.example, for links")

    def handle(self, *args: object, **options: object) -> None:
        notices = stale_notices_enqueue(base_url=str(options["base_url"]))
        for notice in notices:
            self.stdout.write(
                f"{notice.organisation.name}: {len(notice.listings)} listing(s), "
                f"{len(notice.recipients)} admin(s) emailed"
            )
        self.stdout.write(f"{len(notices)} organisation(s) with listings to check.")
