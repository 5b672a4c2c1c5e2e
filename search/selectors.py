"""Search: one function for pages and the API, whatever the database."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from search.engines import engine
from search.engines.base import lexicon
from search.models import Document, MissedQuery
from search.rules import COUNTRY_CODE, DEFAULT_COUNTRY, LANGS, analyse, tokens

MAX_QUERY_LENGTH = 200
SNIPPET_LENGTH = 180


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    snippet: str
    type: str
    key: str

    def as_dict(self) -> dict[str, str]:
        return {"title": self.title, "url": self.url, "snippet": self.snippet, "type": self.type}


def snippet(document: Document, words: list[str]) -> str:
    """The summary, or a short piece of the body around the first word that matched."""
    if document.summary:
        text = document.summary
    else:
        text = re.sub(r"[#*_>`\[\]]|\(/[^)]*\)", "", document.body)
        lowered = text.lower()
        positions = [lowered.find(word) for word in words if word and lowered.find(word) >= 0]
        start = max(0, min(positions) - 60) if positions else 0
        text = ("…" if start else "") + text[start:]
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET_LENGTH else text[:SNIPPET_LENGTH].rsplit(" ", 1)[0] + "…"


def _check(lang: str, country: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}")
    if country and not COUNTRY_CODE.fullmatch(country):
        raise ValueError(f"a country is a lowercase two-letter code, not {country!r}")


def search(
    text: str, *, lang: str, limit: int = 10, count_misses: bool = True, country: str = DEFAULT_COUNTRY
) -> list[Result]:
    """The best documents for ``text`` in ``lang``; those about another country than ``country`` come lower
    ("" puts no country first)."""
    _check(lang, country)
    text = text.strip()[:MAX_QUERY_LENGTH]
    if not tokens(text):
        return []
    query = analyse(text, lang, lexicon(lang), country=country)
    hits = engine().search(query, limit)
    documents = Document.objects.in_bulk([doc_id for doc_id, _score in hits])
    words = tokens(text)
    results = [
        Result(title=doc.title, url=doc.url, snippet=snippet(doc, words), type=doc.kind, key=doc.key)
        for doc_id, _score in hits
        if (doc := documents.get(doc_id)) is not None
    ]
    if not results and count_misses:
        missed_query_count(text=text, lang=lang)
    return results


PAGE_SIZE = 20
MAX_PAGES = 10
# A submitted search matches the last word as a prefix only from this length on ("traffic" finds
# "trafficking"; "prep" must not find "prepaid").
PAGE_MIN_PREFIX = 5


@dataclass(frozen=True)
class SearchPage:
    """One page of the search page's results, and what to show around them."""

    results: list[Result]
    page: int
    has_more: bool
    urgent: bool  # the query names danger: helplines come before the results
    related: list[Result]  # when nothing matched: results for the concepts the query's words belong with

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1


def _results(ids: list[int], words: list[str]) -> list[Result]:
    documents = Document.objects.in_bulk(ids)
    return [
        Result(title=doc.title, url=doc.url, snippet=snippet(doc, words), type=doc.kind, key=doc.key)
        for doc_id in ids
        if (doc := documents.get(doc_id)) is not None
    ]


def search_page(text: str, *, lang: str, page: int = 1, country: str = DEFAULT_COUNTRY) -> SearchPage:
    """The search page: results in pages of ``PAGE_SIZE``, the danger flag, and related results when nothing
    matched. ``page`` outside 1..MAX_PAGES is brought back inside it. Documents about another country than the
    visitor's ``country`` come lower."""
    _check(lang, country)
    page = min(max(page, 1), MAX_PAGES)
    text = text.strip()[:MAX_QUERY_LENGTH]
    words = tokens(text)
    if not words:
        return SearchPage(results=[], page=1, has_more=False, urgent=False, related=[])
    query = analyse(text, lang, lexicon(lang), min_prefix=PAGE_MIN_PREFIX, country=country)
    start = (page - 1) * PAGE_SIZE
    hits = engine().search(query, start + PAGE_SIZE + 1)
    ids = [doc_id for doc_id, _score in hits]
    if page > 1 and len(ids) <= start:
        return search_page(text, lang=lang, page=1, country=country)  # past the last page: the first one
    results = _results(ids[start : start + PAGE_SIZE], words)
    related: list[Result] = []
    if not ids:
        missed_query_count(text=text, lang=lang)
        wider = query.related()
        if wider is not None:
            related = _results([doc_id for doc_id, _score in engine().search(wider, 5)], words)
    return SearchPage(
        results=results,
        page=page,
        has_more=len(ids) > start + PAGE_SIZE and page < MAX_PAGES,
        urgent=query.urgent,
        related=related,
    )


def missed_query_count(*, text: str, lang: str) -> None:
    """Count a search that found nothing: its words and the day, nothing else."""
    normalised = " ".join(tokens(text))[:100]
    if not normalised:
        return
    day = timezone.localdate()
    updated = MissedQuery.objects.filter(text=normalised, lang=lang, day=day).update(count=F("count") + 1)
    if not updated:
        MissedQuery.objects.get_or_create(text=normalised, lang=lang, day=day)


def missed_queries(*, lang: str | None = None, limit: int = 50) -> list[MissedQuery]:
    queries = MissedQuery.objects.order_by("-day", "-count")
    if lang:
        queries = queries.filter(lang=lang)
    return list(queries[:limit])
