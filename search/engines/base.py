from __future__ import annotations

import threading
from typing import Protocol

from django.db.models import Count, Max

from search.models import Document
from search.rules import Analysed, tokens


class Engine(Protocol):
    def index(self, document: Document) -> None: ...

    def remove(self, document: Document) -> None: ...

    def search(self, query: Analysed, limit: int) -> list[tuple[int, float]]:
        """Document ids with scores, best first."""
        ...


_lock = threading.Lock()
_lexicons: dict[str, tuple[tuple[object, object], frozenset[str]]] = {}


def lexicon(lang: str) -> frozenset[str]:
    """Every word in the indexed documents of a language (normalised), to correct typos against.

    Rebuilt only when the documents change (their count or latest update)."""
    version = Document.objects.filter(lang=lang).aggregate(n=Count("id"), latest=Max("updated_at"))
    key = (version["n"], version["latest"])
    with _lock:
        cached = _lexicons.get(lang)
    if cached and cached[0] == key:
        return cached[1]
    words: set[str] = set()
    for row in Document.objects.filter(lang=lang).values_list("title", "keywords", "summary", "body"):
        for text in row:
            words.update(word for word in tokens(text) if len(word) > 2 and not word.isdigit())
    result = frozenset(words)
    with _lock:
        _lexicons[lang] = (key, result)
    return result
