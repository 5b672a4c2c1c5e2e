"""Re-seal every ``hv1`` field value as ``hv2``: bound to its row's primary key and scope, not only its column.

An ``hv1`` value was sealed with ``<table>.<column>|<scope of its key>``; the re-sealed value names the table,
column, primary key and that same scope. Every model with an EncryptedTextField in the migration state is
covered, so apps whose migrations come later need nothing: their values are born ``hv2``.
"""

from django.db import migrations

from crypto import services
from crypto.fields import EncryptedTextField


def reseal(apps, schema_editor):
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, EncryptedTextField):
                continue
            table, column, pk_column = model._meta.db_table, field.column, model._meta.pk.column
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT {quote(pk_column)}, {quote(column)} FROM {quote(table)} "  # noqa: S608
                    f"WHERE {quote(column)} LIKE %s",
                    ["hv1:%"],
                )
                rows = cursor.fetchall()
            for pk, token in rows:
                plain, scope = services.decrypt_legacy(token, aad=f"{table}.{column}".encode())
                aad = services.field_aad(table=table, column=column, pk=pk, scope=scope)
                new_token = services.encrypt_text(plain, scope=scope, aad=aad)
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"UPDATE {quote(table)} SET {quote(column)} = %s WHERE {quote(pk_column)} = %s",  # noqa: S608
                        [new_token, pk],
                    )


class Migration(migrations.Migration):
    dependencies = [
        ("crypto", "0002_one_active_key_and_shred_records"),
        ("accounts", "0001_initial"),
    ]
    operations = [migrations.RunPython(reseal, migrations.RunPython.noop)]
