"""Make the database itself refuse to change audit entries (and, on PostgreSQL, to delete them).

SQLite keeps no DELETE trigger because the test suite empties tables with DELETE; removing entries
from a chain's end is still caught by the verifier, which compares each chain with its head.
"""

from django.db import migrations

from lib.migration_sql import vendor_sql

SQLITE = [
    """CREATE TRIGGER IF NOT EXISTS audit_entry_no_update BEFORE UPDATE ON audit_auditentry
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;""",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS audit_entry_no_update;"]

POSTGRES = [
    """CREATE OR REPLACE FUNCTION audit_entry_refuse_change() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'the audit log is append-only'; END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_auditentry
       FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();""",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_auditentry;",
    "DROP FUNCTION IF EXISTS audit_entry_refuse_change();",
]


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [
        vendor_sql(postgres=POSTGRES, postgres_reverse=POSTGRES_REVERSE, sqlite=SQLITE, sqlite_reverse=SQLITE_REVERSE)
    ]
