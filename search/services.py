"""Writes to the search index. Apps call ``document_upsert`` when content is published or changed and
``document_delete`` when it goes away. Only public text may be passed in: never a confidential address."""

from __future__ import annotations

from django.db import transaction

from core.pagecache import content_changed
from search.engines import engine
from search.engines.base import lexicon_changed, lexicon_words
from search.models import Document, Kind, Word
from search.rules import COUNTRY_CODE


def document_upsert(
    *,
    kind: str,
    key: str,
    lang: str,
    title: str,
    url: str,
    summary: str = "",
    body: str = "",
    keywords: str = "",
    country: str = "",
) -> Document:
    """``country``: the lowercase code of the one country the document is about, or "" (about none or several)."""
    if kind not in Kind.values:
        raise ValueError(f"unknown document kind {kind!r}")
    if country and not COUNTRY_CODE.fullmatch(country):
        raise ValueError(f"a country is a lowercase two-letter code, not {country!r}")
    with transaction.atomic():
        document, _created = Document.objects.update_or_create(
            kind=kind,
            key=key,
            lang=lang,
            defaults={
                "title": title[:300],
                "summary": summary,
                "body": body,
                "keywords": keywords,
                "url": url,
                "country": country,
            },
        )
        engine().index(document)
        words = lexicon_words(document.title, document.keywords, document.summary, document.body)
        Word.objects.bulk_create([Word(lang=lang, word=word) for word in words], ignore_conflicts=True)
    lexicon_changed()
    return document


def document_delete(*, kind: str, key: str, lang: str | None = None) -> int:
    documents = Document.objects.filter(kind=kind, key=key)
    if lang:
        documents = documents.filter(lang=lang)
    with transaction.atomic():
        for document in documents:
            engine().remove(document)
        deleted, _ = documents.delete()
    return deleted


def lexicon_rebuild() -> int:
    """The word lists again from the documents: words that only removed documents had go, new ones come; the
    words that stay keep their rows (so that processes only read the whole list again when words went)."""
    total = 0
    with transaction.atomic():
        for lang in sorted(set(Document.objects.values_list("lang", flat=True).distinct()) | _word_langs()):
            found: set[str] = set()
            rows = Document.objects.filter(lang=lang).values_list("title", "keywords", "summary", "body")
            for row in rows.iterator(chunk_size=2000):
                found |= lexicon_words(*row)
            kept = dict(Word.objects.filter(lang=lang).values_list("word", "id"))
            gone = [word_id for word, word_id in kept.items() if word not in found]
            for start in range(0, len(gone), 2000):
                Word.objects.filter(id__in=gone[start : start + 2000]).delete()
            new = sorted(found - kept.keys())
            Word.objects.bulk_create([Word(lang=lang, word=word) for word in new], batch_size=2000)
            total += len(found)
    lexicon_changed()
    return total


def _word_langs() -> set[str]:
    return set(Word.objects.values_list("lang", flat=True).distinct())


def documents_bulk_create(documents: list[Document], *, batch_size: int = 2000) -> int:
    """Add many new documents at once (data generators, first loads): one insert per batch, the engine's index
    built in bulk, the word list extended once. The (kind, key, lang) triples must not exist yet."""
    for document in documents:
        if document.kind not in Kind.values:
            raise ValueError(f"unknown document kind {document.kind!r}")
        if document.country and not COUNTRY_CODE.fullmatch(document.country):
            raise ValueError(f"a country is a lowercase two-letter code, not {document.country!r}")
        document.title = document.title[:300]
    with transaction.atomic():
        created = Document.objects.bulk_create(documents, batch_size=batch_size)
        engine().index_many(created)
        words = {
            (document.lang, word)
            for document in created
            for word in lexicon_words(document.title, document.keywords, document.summary, document.body)
        }
        Word.objects.bulk_create(
            [Word(lang=lang, word=word) for lang, word in sorted(words)], batch_size=batch_size, ignore_conflicts=True
        )
    lexicon_changed()
    content_changed()  # bulk inserts send no signals: public pages kept in memory are renewed
    return len(created)


def document_delete_many(*, kind: str, keys: list[str]) -> int:
    """Remove the documents of many keys of one kind (in every language)."""
    deleted = 0
    with transaction.atomic():
        for start in range(0, len(keys), 2000):
            documents = Document.objects.filter(kind=kind, key__in=keys[start : start + 2000])
            for document in documents.only("id", "lang"):
                engine().remove(document)
            deleted += documents.delete()[0]
    content_changed()
    return deleted
