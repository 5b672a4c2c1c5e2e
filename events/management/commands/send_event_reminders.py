from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from events.services import reminders_send


class Command(BaseCommand):
    help = "Queue reminder emails for confirmed places at events in the next 48 hours (run hourly by cron)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--base-url", default="", help="e.g. https://haven.example, for the link in the email")

    def handle(self, *args: Any, **options: Any) -> None:
        count = reminders_send(base_url=options["base_url"])
        self.stdout.write(f"{count} reminders queued")
