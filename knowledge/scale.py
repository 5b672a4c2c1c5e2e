"""National-scale knowledge data for benchmarks: thousands of items in three languages with varied text, published
(one revision each), with search documents, made with bulk inserts.

Text is drawn from the words of the shipped translations of each language (so that searches behave as on real
content), in new combinations: no two items share a text. Generated slugs start with ``SCALE_PREFIX``; a new
run (or ``clear``) removes only those. Never for a production database: the command refuses it.
"""

from __future__ import annotations

import random
import re
from typing import Any

from django.db import transaction

from knowledge.markdown import render
from knowledge.models import Item, Kind, Revision, State, Topic, Translation
from knowledge.services import country_of, item_url
from search.models import Document
from search.services import document_delete_many, documents_bulk_create

SCALE_PREFIX = "scale-"
BATCH = 1000
LANGS = ("en", "nl", "fr")


def _vocabulary() -> dict[str, list[str]]:
    """The words of the shipped (not generated) published translations, per language."""
    words: dict[str, set[str]] = {lang: set() for lang in LANGS}
    for lang, title, body in Translation.objects.exclude(item__slug__startswith=SCALE_PREFIX).values_list(
        "language", "title", "body"
    ):
        if lang in words:
            words[lang] |= {w for w in re.findall(r"[^\W\d_]{3,}", f"{title} {body}") if len(w) <= 20}
    return {lang: sorted(found) or ["help", "advice", "support"] for lang, found in words.items()}


def _sentence(rng: random.Random, words: list[str], low: int = 6, high: int = 16) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(low, high))).capitalize() + "."


def _text(rng: random.Random, words: list[str]) -> tuple[str, str, str]:
    title = " ".join(rng.choice(words) for _ in range(rng.randint(3, 7))).capitalize()
    summary = _sentence(rng, words, 10, 20)
    paragraphs = []
    for _ in range(rng.randint(3, 6)):
        if rng.random() < 0.3:
            paragraphs.append("## " + " ".join(rng.choice(words) for _ in range(rng.randint(2, 5))).capitalize())
        paragraphs.append(" ".join(_sentence(rng, words) for _ in range(rng.randint(2, 5))))
    return title, summary, "\n\n".join(paragraphs)


def clear() -> None:
    with transaction.atomic():
        items = list(Item.objects.filter(slug__startswith=SCALE_PREFIX).values_list("slug", "kind"))
        for kind in (Kind.ARTICLE, Kind.FAQ):
            document_delete_many(kind=kind, keys=[slug for slug, k in items if k == kind])
        Translation.objects.filter(item__slug__startswith=SCALE_PREFIX).update(published_revision=None)
        Revision.objects.filter(translation__item__slug__startswith=SCALE_PREFIX).delete()
        Item.objects.filter(slug__startswith=SCALE_PREFIX).delete()


def generate(*, items: int, seed: int = 1, progress: Any = None) -> int:
    """``items`` items spread over the topics, most in three languages (one in ten has no French)."""
    rng = random.Random(seed)  # noqa: S311 (made-up data, reproducible from its seed)
    clear()
    vocabulary = _vocabulary()
    topics = list(Topic.objects.all())
    with transaction.atomic():
        rows = [
            Item(
                slug=f"{SCALE_PREFIX}item-{number:05d}",
                kind=rng.choice([Kind.ARTICLE, Kind.FAQ]),
                topic=rng.choice(topics),
                position=1000 + number,
                source_language="en",
            )
            for number in range(items)
        ]
        Item.objects.bulk_create(rows, batch_size=BATCH)
        translations: list[Translation] = []
        for item in rows:
            for lang in LANGS:
                if lang == "fr" and rng.random() < 0.1:
                    continue
                title, summary, body = _text(rng, vocabulary[lang])
                translations.append(
                    Translation(
                        item=item,
                        language=lang,
                        title=title[:200],
                        summary=summary,
                        body=body,
                        body_html=render(body, lang),
                        version=1,
                        source_version=1,
                    )
                )
        Translation.objects.bulk_create(translations, batch_size=BATCH)
        revisions = [
            Revision(translation=t, number=1, title=t.title, summary=t.summary, body=t.body, state=State.PUBLISHED)
            for t in translations
        ]
        Revision.objects.bulk_create(revisions, batch_size=BATCH)
        for translation, revision in zip(translations, revisions, strict=True):
            translation.published_revision = revision
        Translation.objects.bulk_update(translations, ["published_revision"], batch_size=BATCH)
        if progress:
            progress(f"{len(rows)} knowledge items, {len(translations)} translations")
        topic_of = {topic.pk: topic for topic in topics}
        documents = []
        for t in translations:
            t.item.topic = topic_of[t.item.topic_id]
            documents.append(
                Document(
                    kind=t.item.kind,
                    key=t.item.slug,
                    lang=t.language,
                    title=t.title,
                    summary=t.summary,
                    body=t.body,
                    keywords="",
                    url=item_url(t.item, t.language),
                    country=country_of(t.item),
                )
            )
        count = documents_bulk_create(documents)
        if progress:
            progress(f"{count} search documents")
    return len(rows)
