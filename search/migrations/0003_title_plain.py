"""PostgreSQL: the title as the search compares it (lowercase, no accents), with a trigram index, so that
near matches of names are found through the index instead of a scan of every document."""

from django.db import migrations

from lib.migration_sql import vendor_sql

POSTGRES = [
    "ALTER TABLE search_document ADD COLUMN IF NOT EXISTS title_plain text NOT NULL DEFAULT ''",
    "UPDATE search_document SET title_plain = regexp_replace(unaccent(lower(title)), '[^a-z0-9]+', ' ', 'g')",
    "CREATE INDEX IF NOT EXISTS search_document_title_plain_trgm ON search_document USING gin (title_plain gin_trgm_ops)",
    "DROP INDEX IF EXISTS search_document_title_trgm",
]
POSTGRES_REVERSE = [
    "CREATE INDEX IF NOT EXISTS search_document_title_trgm ON search_document USING gin (lower(title) gin_trgm_ops)",
    "DROP INDEX IF EXISTS search_document_title_plain_trgm",
    "ALTER TABLE search_document DROP COLUMN IF EXISTS title_plain",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0002_engines")]
    operations = [vendor_sql(postgres=POSTGRES, postgres_reverse=POSTGRES_REVERSE, sqlite=[], sqlite_reverse=[])]
