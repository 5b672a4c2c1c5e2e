"""Load the vocabulary from content/vocabulary.toml, idempotently (by slug)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from core.content import LoadSummary
from core.i18n import missing_languages
from vocabulary.models import Attribute, City, Country, Domain, Region

VOCABULARY_FILE = Path(settings.BASE_DIR) / "content" / "vocabulary.toml"


def _require_names(kind: str, entry: dict[str, Any]) -> dict[str, str]:
    name = entry.get("name") or {}
    missing = missing_languages(name)
    if missing:
        raise ValidationError(f"{kind} {entry.get('slug') or entry.get('code')}: name missing in {missing}")
    return dict(name)


def _upsert(model: Any, lookup: dict[str, Any], values: dict[str, Any], summary: LoadSummary) -> Any:
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        summary.created += 1
        return obj
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.full_clean()
        obj.save(update_fields=changed)
        summary.updated += 1
    else:
        summary.unchanged += 1
    return obj


def vocabulary_load(*, path: Path = VOCABULARY_FILE) -> LoadSummary:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    summary = LoadSummary()
    with transaction.atomic():
        for position, entry in enumerate(data.get("domains", [])):
            _upsert(
                Domain,
                {"slug": entry["slug"]},
                {"name": _require_names("domain", entry), "position": position},
                summary,
            )
        for position, entry in enumerate(data.get("attributes", [])):
            _upsert(
                Attribute,
                {"slug": entry["slug"]},
                {"name": _require_names("attribute", entry), "position": position},
                summary,
            )
        countries = {}
        for entry in data.get("countries", []):
            countries[entry["code"]] = _upsert(
                Country, {"code": entry["code"]}, {"name": _require_names("country", entry)}, summary
            )
        regions = {}
        for position, entry in enumerate(data.get("regions", [])):
            regions[entry["slug"]] = _upsert(
                Region,
                {"slug": entry["slug"]},
                {"name": _require_names("region", entry), "position": position, "country": countries[entry["country"]]},
                summary,
            )
        for position, entry in enumerate(data.get("cities", [])):
            _upsert(
                City,
                {"slug": entry["slug"]},
                {"name": _require_names("city", entry), "position": position, "region": regions[entry["region"]]},
                summary,
            )
    return summary
