"""Load the bundled knowledge (content/knowledge/) idempotently.

Each item and each language file carries a digest of the bundle it came from. A reload changes only what
changed in the files, and never overwrites an item or a translation edited in the application unless
asked to (``overwrite_edits``); such conflicts are reported instead.
"""

from __future__ import annotations

import hashlib
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from core.content import LoadSummary
from core.i18n import LANGUAGE_CODES
from knowledge.models import Item, State, Topic, Translation
from knowledge.services import item_index_all, revision_save
from vocabulary import selectors as vocabulary

KNOWLEDGE_DIR = Path(settings.BASE_DIR) / "content" / "knowledge"
SOURCE_LANGUAGE = "en"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_language_file(text: str, path: Path) -> dict[str, Any]:
    if not text.startswith("+++\n"):
        raise ValidationError(f"{path}: must start with +++ front matter")
    _, front, body = text.split("+++\n", 2)
    meta = tomllib.loads(front)
    for required in ("title", "summary"):
        if not str(meta.get(required, "")).strip():
            raise ValidationError(f"{path}: {required} is missing")
    keywords = meta.get("keywords", [])
    return {
        "title": meta["title"].strip(),
        "summary": meta["summary"].strip(),
        "body": body.strip(),
        "keywords": ", ".join(keywords) if isinstance(keywords, list) else str(keywords),
    }


def _topics(summary: LoadSummary, path: Path) -> dict[str, Topic]:
    data = tomllib.loads((path / "topics.toml").read_text(encoding="utf-8"))
    topics = {}
    for position, entry in enumerate(data["topics"]):
        topic, _created = Topic.objects.update_or_create(
            slug=entry["slug"], defaults={"name": entry["name"], "position": position}
        )
        topics[topic.slug] = topic
    return topics


def _item_dirs(path: Path) -> list[Path]:
    return sorted(meta.parent for meta in path.glob("*/*/meta.toml"))


def knowledge_load(*, overwrite_edits: bool = False, path: Path = KNOWLEDGE_DIR) -> LoadSummary:
    summary = LoadSummary()
    with transaction.atomic():
        topics = _topics(summary, path)
        related: dict[Item, list[str]] = {}
        for folder in _item_dirs(path):
            item = _load_item(folder, topics, summary, overwrite_edits)
            if item is not None:
                related[item] = tomllib.loads((folder / "meta.toml").read_text(encoding="utf-8")).get("related", [])
        for item, slugs in related.items():
            if not item.edited_in_app or overwrite_edits:
                item.related.set(Item.objects.filter(slug__in=slugs))
        # Every published translation again, so that the index follows what the texts do not say (an item's topic,
        # hence its country) and documents indexed before a new field get it.
        item_index_all()
    return summary


def _load_item(folder: Path, topics: dict[str, Topic], summary: LoadSummary, overwrite_edits: bool) -> Item | None:
    slug = folder.name
    meta_bytes = (folder / "meta.toml").read_bytes()
    meta = tomllib.loads(meta_bytes.decode("utf-8"))
    if meta.get("topic") not in topics:
        raise ValidationError(f"{folder}: unknown topic {meta.get('topic')!r}")
    values = {
        "kind": meta["kind"],
        "topic": topics[meta["topic"]],
        "position": int(meta.get("order", 0)),
        "sources": [{"title": s["title"], "url": s["url"]} for s in meta.get("sources", [])],
        "last_verified": meta.get("last_verified") if isinstance(meta.get("last_verified"), date) else None,
        "emergency_box": bool(meta.get("emergency_box", False)),
        "source_language": SOURCE_LANGUAGE,
    }
    item = Item.objects.filter(slug=slug).first()
    meta_digest = _digest(meta_bytes)
    if item is None:
        item = Item.objects.create(slug=slug, bundle_digest=meta_digest, **values)
        item.domains.set(vocabulary.domains_with_slugs(meta.get("domains", [])))
    elif item.bundle_digest != meta_digest:
        if item.edited_in_app and not overwrite_edits:
            summary.conflicts.append(slug)
        else:
            for name, value in values.items():
                setattr(item, name, value)
            item.bundle_digest, item.edited_in_app = meta_digest, False
            item.save()
            item.domains.set(vocabulary.domains_with_slugs(meta.get("domains", [])))
    ordered = [SOURCE_LANGUAGE, *[code for code in LANGUAGE_CODES if code != SOURCE_LANGUAGE]]
    for lang in ordered:
        file = folder / f"{lang}.md"
        if not file.exists():
            raise ValidationError(f"{folder}: {lang}.md is missing")
        _load_translation(item, lang, file, summary, overwrite_edits)
    return item


def _load_translation(item: Item, lang: str, file: Path, summary: LoadSummary, overwrite_edits: bool) -> None:
    raw = file.read_bytes()
    digest = _digest(raw)
    translation, created = Translation.objects.get_or_create(item=item, language=lang)
    if not created and translation.bundle_digest == digest:
        summary.unchanged += 1
        return
    if not created and translation.edited_in_app and not overwrite_edits:
        summary.conflicts.append(f"{item.slug} ({lang})")
        return
    content = parse_language_file(raw.decode("utf-8"), file)
    revision_save(
        translation=translation,
        author=None,
        state=State.PUBLISHED,
        note="bundled content",
        edited_in_app=False,
        **content,
    )
    Translation.objects.filter(pk=translation.pk).update(bundle_digest=digest, edited_in_app=False)
    if created:
        summary.created += 1
    else:
        summary.updated += 1
