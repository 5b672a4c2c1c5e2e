from django.core.management.base import BaseCommand, CommandParser

from cases.reminders import remind_due_actions


class Command(BaseCommand):
    help = (
        "Queue one email per worker whose case actions are due within two days or overdue (each action once). "
        "Run it daily; the emails hold no names or details, only a link to the dashboard."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--base-url", default="", help="the site's address, e.g. https://haven.example, for links")

    def handle(self, *args: object, **options: object) -> None:
        sent = remind_due_actions(base_url=str(options["base_url"]))
        self.stdout.write(f"{sent} reminder(s) queued.")
