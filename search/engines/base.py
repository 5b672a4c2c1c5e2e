from __future__ import annotations

import threading
from typing import Protocol

from django.db.models import Max, Min

from search.models import Document, Word
from search.rules import Analysed, tokens

WORD_MAX_LENGTH = 60


class Engine(Protocol):
    def index(self, document: Document) -> None: ...

    def index_many(self, documents: list[Document]) -> None: ...

    def remove(self, document: Document) -> None: ...

    def search(self, query: Analysed, limit: int) -> list[tuple[int, float]]:
        """Document ids with scores, best first."""
        ...


_lock = threading.Lock()
# Per process and language: the oldest and newest word ids seen, and the words.
_lexicons: dict[str, tuple[int, int, frozenset[str]]] = {}


def lexicon(lang: str) -> frozenset[str]:
    """Every word in the indexed documents of a language (normalised), to correct typos against.

    One indexed query per call (the oldest and newest word ids); only words added since the last call are read,
    and everything again after a rebuild (the oldest id then changes)."""
    ids = Word.objects.filter(lang=lang).aggregate(oldest=Min("id"), newest=Max("id"))
    oldest, newest = ids["oldest"] or 0, ids["newest"] or 0
    with _lock:
        seen_oldest, seen_newest, words = _lexicons.get(lang, (0, 0, frozenset()))
    if (oldest, newest) == (seen_oldest, seen_newest):
        return words
    if oldest != seen_oldest or newest < seen_newest:  # rebuilt since: read it all again
        seen_newest, words = 0, frozenset()
    added = Word.objects.filter(lang=lang, id__gt=seen_newest).values_list("word", flat=True)
    result = words | frozenset(added)
    with _lock:
        _lexicons[lang] = (oldest, newest, result)
    return result


def lexicon_forget() -> None:
    """Drop this process's copies (tests: a rolled-back transaction can hand out the same ids again)."""
    with _lock:
        _lexicons.clear()


def lexicon_words(*texts: str) -> set[str]:
    """The words of these texts that typo correction may propose."""
    return {word for text in texts for word in tokens(text) if 2 < len(word) <= WORD_MAX_LENGTH and not word.isdigit()}
