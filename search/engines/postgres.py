"""PostgreSQL full-text search: per-language configurations with unaccent and Snowball stemming,
weighted fields, and trigram similarity on titles for names typed with mistakes."""

from __future__ import annotations

from django.db import connection

from search.models import Document
from search.rules import (
    PG_RANK_WEIGHTS,
    PG_WEIGHT,
    POSTGRES_CONFIG,
    TITLE_SIMILARITY_WEIGHT,
    Analysed,
    normalise,
    tokens,
)


def _term(phrase: str) -> str:
    words = tokens(phrase)
    if not words:
        return ""
    return words[0] if len(words) == 1 else "(" + " <-> ".join(words) + ")"


def tsquery_text(query: Analysed) -> str:
    parts = []
    for group in query.groups:
        alternatives = [term for term in (_term(a) for a in group.alternatives) if term]
        if alternatives:
            parts.append("(" + " | ".join(alternatives) + ")")
    if query.prefix:
        parts.append(f"{query.prefix}:*")
    return " | ".join(parts)


class PostgresEngine:
    def index(self, document: Document) -> None:
        config = POSTGRES_CONFIG[document.lang]
        vector = " || ".join(
            f"setweight(to_tsvector(%s::regconfig, coalesce({name}, '')), '{weight}')"
            for name, weight in PG_WEIGHT.items()
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE search_document SET vector = {vector} WHERE id = %s",  # noqa: S608
                [config] * len(PG_WEIGHT) + [document.pk],
            )

    def remove(self, document: Document) -> None:
        """The vector lives in the document's row; deleting the row removes it."""

    def search(self, query: Analysed, limit: int) -> list[tuple[int, float]]:
        text = tsquery_text(query)
        plain = normalise(query.text)
        if not text and not plain:
            return []
        config = POSTGRES_CONFIG[query.lang]
        sql = """
            SELECT d.id,
                   ts_rank(%s::float4[], d.vector, q, 1) * 10
                   + %s * word_similarity(%s, unaccent(lower(d.title))) AS score
            FROM search_document d, to_tsquery(%s::regconfig, %s) q
            WHERE d.lang = %s AND (d.vector @@ q OR word_similarity(%s, unaccent(lower(d.title))) > 0.55)
            ORDER BY score DESC, d.id
            LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(
                sql, [PG_RANK_WEIGHTS, TITLE_SIMILARITY_WEIGHT, plain, config, text or plain, query.lang, plain, limit]
            )
            return [(int(row[0]), float(row[1])) for row in cursor.fetchall()]
