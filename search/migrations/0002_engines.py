"""The engines' own index structures: an FTS5 table on SQLite; configurations, a tsvector column and
GIN/trigram indexes on PostgreSQL."""

from django.db import migrations

from lib.migration_sql import vendor_sql

SQLITE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "lang UNINDEXED, title, keywords, summary, body, tokenize = 'unicode61 remove_diacritics 2')",
]
SQLITE_REVERSE = ["DROP TABLE IF EXISTS search_fts"]

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    *[
        f"""DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'haven_{code}') THEN
                CREATE TEXT SEARCH CONFIGURATION haven_{code} (COPY = {name});
                ALTER TEXT SEARCH CONFIGURATION haven_{code}
                  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {name}_stem;
              END IF;
            END $$"""
        for code, name in (("nl", "dutch"), ("fr", "french"), ("en", "english"))
    ],
    "ALTER TABLE search_document ADD COLUMN IF NOT EXISTS vector tsvector",
    "CREATE INDEX IF NOT EXISTS search_document_vector ON search_document USING gin (vector)",
    "CREATE INDEX IF NOT EXISTS search_document_title_trgm ON search_document USING gin (lower(title) gin_trgm_ops)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS search_document_title_trgm",
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_document DROP COLUMN IF EXISTS vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS haven_nl",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS haven_fr",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS haven_en",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [
        vendor_sql(postgres=POSTGRES, postgres_reverse=POSTGRES_REVERSE, sqlite=SQLITE, sqlite_reverse=SQLITE_REVERSE)
    ]
