"""PostgreSQL full-text search: per-language configurations with unaccent and Snowball stemming,
weighted fields, and trigram similarity on titles for names typed with mistakes."""

from __future__ import annotations

from typing import Any

from django.db import connection

from search.models import Document
from search.rules import (
    OTHER_COUNTRY_FACTOR,
    PG_RANK_WEIGHTS,
    PG_WEIGHT,
    POSTGRES_CONFIG,
    TITLE_SIMILARITY_MIN_LENGTH,
    TITLE_SIMILARITY_THRESHOLD,
    TITLE_SIMILARITY_WEIGHT,
    Analysed,
    country_factor_sql,
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
# A document about another country than the visitor's counts for less (rules.OTHER_COUNTRY_FACTOR).
# Candidates come from the two indexes (GIN on the vector, trigram on the plain title), and only the best of them
# are ranked fully: the CANDIDATES best by the rank of the whole query and the TITLE_CANDIDATES titles most like the
# query. A common word matches thousands of documents at national scale; each costs one ts_rank, not the
# per-group tests, the title similarity and the sort of the final ranking.
CANDIDATES = 200
TITLE_CANDIDATES = 50
# At most this many documents are ranked for each of: those matching every group of the query, and those matching
# any. Where more match (a common word at national scale), the ones the index gives first are ranked: the time of a
# search is bounded, and a document matching every concept of a longer query is still found among far fewer.
SCANNED = 3000
# Titles are compared with the query (trigrams) only up to this length: a name is short; a long question's trigrams
# would make the index look at most titles.
TITLE_QUERY_MAX_LENGTH = 60
SEARCH_SQL = f"""
WITH whole AS MATERIALIZED (SELECT to_tsquery(%(config)s::regconfig, %(whole)s) AS q),
g AS MATERIALIZED (
    SELECT array_agg(to_tsquery(%(config)s::regconfig, t.qtext)) AS qs
    FROM unnest(%(groups)s::text[]) AS t(qtext)
),
any_group AS (
    SELECT d.id, d.vector FROM search_document d CROSS JOIN whole
    WHERE d.lang = %(lang)s AND d.vector @@ whole.q
    LIMIT {SCANNED}
),
every_group AS (  -- needed only when the documents matching any group were too many to rank them all
    SELECT d.id, d.vector FROM search_document d
    WHERE (SELECT count(*) FROM any_group) >= {SCANNED}
        AND d.lang = %(lang)s AND d.vector @@ to_tsquery(%(config)s::regconfig, %(every)s)
    LIMIT {SCANNED}
),
ranked AS (
    (SELECT e.id FROM every_group e CROSS JOIN whole
     ORDER BY ts_rank(%(weights)s::float4[], e.vector, whole.q, 1) DESC, e.id LIMIT {CANDIDATES})
    UNION
    (SELECT s.id FROM any_group s CROSS JOIN whole
     ORDER BY ts_rank(%(weights)s::float4[], s.vector, whole.q, 1) DESC, s.id LIMIT {CANDIDATES})
),
titled AS (
    SELECT d.id FROM search_document d
    WHERE %(titles)s AND d.lang = %(lang)s AND %(plain)s <%% d.title_plain
    ORDER BY %(plain)s <<-> d.title_plain, d.id
    LIMIT {TITLE_CANDIDATES}
),
candidates AS (SELECT id FROM ranked UNION SELECT id FROM titled)
SELECT d.id,
       (ts_rank(%(weights)s::float4[], d.vector, whole.q, 1) * 10
           * (1 + (SELECT count(*) FROM unnest(g.qs) AS one(q) WHERE d.vector @@ one.q)::float
                / greatest(cardinality(%(groups)s::text[]), 1))
       + %(title_weight)s * word_similarity(%(plain)s, d.title_plain))
           * {country_factor_sql("d.country", "%(country)s", "%(other_country)s")} AS score
FROM candidates c JOIN search_document d ON d.id = c.id CROSS JOIN whole CROSS JOIN g
ORDER BY score DESC, d.id
LIMIT %(limit)s
"""  # noqa: S608 (what is put in is rules.py's, not the query's)


class PostgresEngine:
    def index(self, document: Document) -> None:
        config = POSTGRES_CONFIG[document.lang]
        vector = " || ".join(
            f"setweight(to_tsvector(%s::regconfig, coalesce({name}, '')), '{weight}')"
            for name, weight in PG_WEIGHT.items()
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE search_document SET vector = {vector}, title_plain = %s WHERE id = %s",  # noqa: S608
                [config] * len(PG_WEIGHT) + [normalise(document.title), document.pk],
            )

    def index_many(self, documents: list[Document]) -> None:
        """The vectors of many documents in one statement per language (their rows exist already)."""
        vector = " || ".join(
            f"setweight(to_tsvector(%(config)s::regconfig, coalesce({name}, '')), '{weight}')"
            for name, weight in PG_WEIGHT.items()
        )
        with connection.cursor() as cursor:
            for lang, config in POSTGRES_CONFIG.items():
                chosen = [document for document in documents if document.lang == lang]
                if chosen:
                    cursor.execute(
                        f"UPDATE search_document d SET vector = {vector}, title_plain = v.plain"  # noqa: S608
                        " FROM unnest(%(ids)s::bigint[], %(plains)s::text[]) AS v(id, plain) WHERE d.id = v.id",
                        {
                            "config": config,
                            "ids": [document.pk for document in chosen],
                            "plains": [normalise(document.title) for document in chosen],
                        },
                    )

    def remove(self, document: Document) -> None:
        """The vector lives in the document's row; deleting the row removes it."""

    def parameters(self, query: Analysed, limit: int) -> dict[str, Any] | None:
        """The parameters of SEARCH_SQL for a query, or None when there is nothing to look for."""
        groups = tsquery_groups(query)
        plain = normalise(query.text)
        if not groups:  # only stop words ("de het"): nothing to look for
            return None
        return {
            "config": POSTGRES_CONFIG[query.lang],
            "groups": groups,
            "whole": " | ".join(f"({g})" for g in groups),
            "every": " & ".join(f"({g})" for g in groups),
            "lang": query.lang,
            "weights": PG_RANK_WEIGHTS,
            "plain": plain,
            "title_weight": TITLE_SIMILARITY_WEIGHT,
            # A short query matches titles only through its words.
            "titles": TITLE_SIMILARITY_MIN_LENGTH <= len(plain) <= TITLE_QUERY_MAX_LENGTH,
            "country": query.country,
            "other_country": OTHER_COUNTRY_FACTOR,
            "limit": limit,
        }

    def search(self, query: Analysed, limit: int) -> list[tuple[int, float]]:
        params = self.parameters(query, limit)
        if params is None:
            return []
        with connection.cursor() as cursor:
            # The trigram index answers "<%" with this threshold (a setting of this connection only).
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)", [str(TITLE_SIMILARITY_THRESHOLD)]
            )
            cursor.execute(SEARCH_SQL, params)
            return [(int(row[0]), float(row[1])) for row in cursor.fetchall()]
