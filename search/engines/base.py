from __future__ import annotations

import math
import threading
import time
from typing import Protocol

from django.db.models import Count, Max, Min

from search.models import Document, Word
from search.rules import Analysed, Lexicon, tokens

WORD_MAX_LENGTH = 60


class Engine(Protocol):
    def index(self, document: Document) -> None: ...

    def index_many(self, documents: list[Document]) -> None: ...

    def remove(self, document: Document) -> None: ...

    def search(self, query: Analysed, limit: int) -> list[tuple[int, float]]:
        """Document ids with scores, best first."""
        ...


_lock = threading.Lock()
# Per process and language: when the word list was last compared with the database, the oldest and newest word
# ids and the number of words then, and the words.
_lexicons: dict[str, tuple[float, int, int, int, Lexicon]] = {}
# A process compares its copy with the database at most this often (seconds): a word added by another process is
# used for typo correction within this time. Its own writes are seen at once (``lexicon_changed``).
LEXICON_CHECK_INTERVAL = 30.0


def lexicon(lang: str) -> Lexicon:
    """Every word in the indexed documents of a language (normalised), to correct typos against.

    A search costs no query for it: the copy of this process is compared with the database (one indexed query:
    oldest and newest word ids and the count) at most every ``LEXICON_CHECK_INTERVAL`` seconds, or at once after
    this process changed documents. Only words added since are read; everything again only when words went
    (``lexicon_rebuild`` removed the words of removed documents)."""
    now = time.monotonic()
    with _lock:
        checked, seen_oldest, seen_newest, seen_count, words = _lexicons.get(lang, (-math.inf, 0, 0, 0, Lexicon()))
    if now - checked < LEXICON_CHECK_INTERVAL:
        return words
    ids = Word.objects.filter(lang=lang).aggregate(oldest=Min("id"), newest=Max("id"), count=Count("id"))
    oldest, newest, count = ids["oldest"] or 0, ids["newest"] or 0, ids["count"]
    if (oldest, newest, count) != (seen_oldest, seen_newest, seen_count):
        added = list(Word.objects.filter(lang=lang, id__gt=seen_newest).values_list("word", flat=True))
        if oldest == seen_oldest and newest >= seen_newest and count == seen_count + len(added):
            words = Lexicon(words | frozenset(added))  # only additions since the last look
        else:  # words went: read them all again
            words = Lexicon(Word.objects.filter(lang=lang).values_list("word", flat=True))
    with _lock:
        _lexicons[lang] = (now, oldest, newest, count, words)
    return words


def lexicon_changed() -> None:
    """This process changed the documents: compare its copies with the database at the next search."""
    with _lock:
        for lang, (_checked, *rest) in list(_lexicons.items()):
            _lexicons[lang] = (-math.inf, *rest)  # type: ignore[assignment]


def lexicon_forget() -> None:
    """Drop this process's copies (tests: a rolled-back transaction can hand out the same ids again)."""
    with _lock:
        _lexicons.clear()


def lexicon_words(*texts: str) -> set[str]:
    """The words of these texts that typo correction may propose."""
    return {word for text in texts for word in tokens(text) if 2 < len(word) <= WORD_MAX_LENGTH and not word.isdigit()}
