"""Suggestions' text is encrypted at rest; rows sent before are encrypted in place."""

from django.db import migrations

import crypto.fields


def _rows(schema_editor, Suggestion):
    table = schema_editor.connection.ops.quote_name(Suggestion._meta.db_table)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT id, text FROM {table}")  # the stored value, as it is: plaintext before this
        return cursor.fetchall()


def encrypt_existing(apps, schema_editor):
    from crypto.services import is_token

    Suggestion = apps.get_model("directory", "Suggestion")
    field = Suggestion._meta.get_field("text")
    for pk, text in _rows(schema_editor, Suggestion):
        if not text or is_token(text):
            continue
        instance = Suggestion(pk=pk, text=text)
        instance.encryption_scope = lambda: "platform"  # as Suggestion.encryption_scope; historical models have none
        Suggestion.objects.filter(pk=pk).update(text=field.pre_save(instance, add=False))


def decrypt_existing(apps, schema_editor):
    from crypto.services import is_token

    Suggestion = apps.get_model("directory", "Suggestion")
    table = schema_editor.connection.ops.quote_name(Suggestion._meta.db_table)
    plain = {row.pk: row.text for row in Suggestion.objects.only("pk", "text")}
    with schema_editor.connection.cursor() as cursor:
        for pk, stored in _rows(schema_editor, Suggestion):
            if stored and is_token(stored):
                cursor.execute(f"UPDATE {table} SET text = %s WHERE id = %s", [plain[pk], pk])


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("crypto", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="suggestion",
            name="text",
            field=crypto.fields.EncryptedTextField(max_length=2000, verbose_name="what is wrong or missing"),
        ),
        migrations.RunPython(encrypt_existing, decrypt_existing),
    ]
