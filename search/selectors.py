"""Search: one function for pages and the API, whatever the database."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from search.engines import engine
from search.engines.base import lexicon
from search.models import Document, MissedQuery
from search.rules import LANGS, analyse, tokens

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


def search(text: str, *, lang: str, limit: int = 10, count_misses: bool = True) -> list[Result]:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}")
    text = text.strip()[:MAX_QUERY_LENGTH]
    if not tokens(text):
        return []
    query = analyse(text, lang, lexicon(lang))
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
