"""PostgreSQL full-text search: per-language configurations with unaccent and Snowball stemming,
weighted fields, and trigram similarity on titles for names typed with mistakes."""

from __future__ import annotations

from typing import Any

from django.db import connection

from search.models import Document
from search.rules import (
    PG_RANK_WEIGHTS,
    PG_WEIGHT,
    POSTGRES_CONFIG,
    TITLE_SIMILARITY_MIN_LENGTH,
    TITLE_SIMILARITY_THRESHOLD,
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


def tsquery_groups(query: Analysed) -> list[str]:
    """One tsquery text per group (its alternatives OR-ed), plus the prefix of the last word."""
    groups = []
    for group in query.groups:
        alternatives = [term for term in (_term(a) for a in group.alternatives) if term]
        if alternatives:
            groups.append(" | ".join(alternatives))
    if query.prefix:
        groups.append(f"{query.prefix}:*")
    return groups


# The rank of the whole query, raised by the share of the query's groups (its distinct concepts) that the document
# matches, as bm25 rewards in FTS5; a title that looks like the whole query (a name typed with mistakes) adds to it.
SEARCH_SQL = """
WITH g AS (
    SELECT to_tsquery(%(config)s::regconfig, t.qtext) AS q
    FROM unnest(%(groups)s::text[]) AS t(qtext)
),
docs AS (SELECT id, vector, title FROM search_document WHERE lang = %(lang)s),
matched AS (
    SELECT docs.id, count(*)::float AS groups_matched
    FROM docs JOIN g ON docs.vector @@ g.q
    GROUP BY docs.id
),
whole AS (SELECT to_tsquery(%(config)s::regconfig, %(whole)s) AS q),
titled AS (SELECT id, word_similarity(%(plain)s, unaccent(lower(title))) AS sim FROM docs)
SELECT d.id,
       ts_rank(%(weights)s::float4[], d.vector, whole.q, 1) * 10
           * (1 + coalesce(m.groups_matched, 0) / greatest(cardinality(%(groups)s::text[]), 1))
       + %(title_weight)s * t.sim AS score
FROM docs d CROSS JOIN whole JOIN titled t ON t.id = d.id LEFT JOIN matched m ON m.id = d.id
WHERE m.id IS NOT NULL OR t.sim > %(title_threshold)s
ORDER BY score DESC, d.id
LIMIT %(limit)s
"""


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
        groups = tsquery_groups(query)
        plain = normalise(query.text)
        if not groups and not plain:
            return []
        params: dict[str, Any] = {
            "config": POSTGRES_CONFIG[query.lang],
            "groups": groups,
            "whole": " | ".join(f"({g})" for g in groups) or plain,
            "lang": query.lang,
            "weights": PG_RANK_WEIGHTS,
            "plain": plain,
            "title_weight": TITLE_SIMILARITY_WEIGHT,
            # Above 1, which no similarity reaches: a short query matches titles only through its words.
            "title_threshold": TITLE_SIMILARITY_THRESHOLD if len(plain) >= TITLE_SIMILARITY_MIN_LENGTH else 1.1,
            "limit": limit,
        }
        with connection.cursor() as cursor:
            cursor.execute(SEARCH_SQL, params)
            return [(int(row[0]), float(row[1])) for row in cursor.fetchall()]
