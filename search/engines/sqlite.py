"""SQLite FTS5: words are normalised and stemmed in Python (Snowball, as PostgreSQL does) and ranked by bm25,
times the factor of the document's country for the visitor's (``rules.country_factor_sql``)."""

from __future__ import annotations

from typing import Any

from django.db import connection

from search.models import Document
from search.rules import FIELDS, FTS_WEIGHT, OTHER_COUNTRY_FACTOR, Analysed, country_factor_sql, stem, stem_text, tokens


def _term(phrase: str, lang: str) -> str:
    stems = [stem(word, lang) for word in tokens(phrase)]
    return '"' + " ".join(stems) + '"' if stems else ""


def match_expression(query: Analysed) -> str:
    parts = []
    for group in query.groups:
        alternatives = [term for term in (_term(a, query.lang) for a in group.alternatives) if term]
        if alternatives:
            parts.append("(" + " OR ".join(alternatives) + ")")
    if query.prefix:
        parts.append(f'"{stem(query.prefix, query.lang)}"*')
    return " OR ".join(parts)


class SqliteEngine:
    def index(self, document: Document) -> None:
        values = [stem_text(getattr(document, name), document.lang) for name in FIELDS]
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [document.pk])
            cursor.execute(
                "INSERT INTO search_fts (rowid, lang, title, keywords, summary, body) VALUES (%s, %s, %s, %s, %s, %s)",
                [document.pk, document.lang, *values],
            )

    def index_many(self, documents: list[Document]) -> None:
        """Many new documents (not indexed yet) in one statement."""
        rows: list[list[Any]] = [
            [document.pk, document.lang, *(stem_text(getattr(document, name), document.lang) for name in FIELDS)]
            for document in documents
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts (rowid, lang, title, keywords, summary, body) VALUES (%s, %s, %s, %s, %s, %s)",
                rows,
            )

    def remove(self, document: Document) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [document.pk])

    def search(self, query: Analysed, limit: int) -> list[tuple[int, float]]:
        expression = match_expression(query)
        if not expression:
            return []
        weights = ", ".join(str(FTS_WEIGHT[name]) for name in FIELDS)
        factor = country_factor_sql("d.country", "%s", "%s")
        sql = (
            f"SELECT f.rowid, -bm25(search_fts, 0.0, {weights}) * {factor} AS score "  # noqa: S608
            "FROM search_fts f JOIN search_document d ON d.id = f.rowid "
            "WHERE search_fts MATCH %s AND d.lang = %s ORDER BY score DESC, f.rowid LIMIT %s"
        )
        with connection.cursor() as cursor:
            country = query.country
            cursor.execute(sql, [country, country, OTHER_COUNTRY_FACTOR, expression, query.lang, limit])
            return [(int(row[0]), float(row[1])) for row in cursor.fetchall()]
