from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction

from audit.roles import app_role_grants


class Command(BaseCommand):
    help = (
        "PostgreSQL: give the application's role its rights (run as the owner role, after every migrate). "
        "On the audit tables it may only read and append."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("role", help="the role the web process and worker connect as, e.g. haven_app")
        parser.add_argument("--print", action="store_true", help="only print the statements")

    def handle(self, *args: object, **options: object) -> None:
        try:
            statements = app_role_grants(str(options["role"]))
        except ValueError as error:
            raise CommandError(str(error)) from error
        if options["print"]:
            self.stdout.write(";\n".join(statements) + ";")
            return
        if connection.vendor != "postgresql":
            raise CommandError("Roles exist on PostgreSQL only.")
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        self.stdout.write(f"{options['role']} may now use Haven's tables; the audit log only to read and append.")
