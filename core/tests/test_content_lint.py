"""Content lint: every fact-bearing item in content/ names the exact page of each source (not a home page) and
carries its own last-verified date; advice is labelled as advice. Read from the files, no database needed."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from django.conf import settings

CONTENT = Path(settings.BASE_DIR) / "content"
LANGUAGE_SEGMENTS = {"nl", "fr", "en", "de"}

# A home page is accepted only where the claim lives on that page and nowhere else we found, with the reason.
HOME_PAGES_WITH_THE_CLAIM = {
    "https://www.payoke.be/": "Payoke states its 45 days of shelter on its home page",
}
# Items of content/knowledge/netherlands/ are kept by another workstream; their home-page sources are listed here
# until they get exact pages. Every other item must pass.
PENDING_ELSEWHERE = {
    "https://wodc.nl",
    "https://hetccv.nl",
    "https://government.nl",
    "https://officielebekendmakingen.nl",
    "https://regioplan.nl",
    "https://stichtingdehaven.nl",
    "https://trouw.nl",
}
ADVICE_LABELS = {"en": "**Advice:**", "nl": "**Advies:**", "fr": "**Conseil :**"}


def is_exact_page(url: str) -> bool:
    """An https address with a path below the site (a language folder alone, like /nl/, is still a home page)."""
    parts = urlparse(url)
    segments = [segment for segment in parts.path.split("/") if segment and segment.lower() not in LANGUAGE_SEGMENTS]
    return parts.scheme == "https" and bool(parts.netloc) and (bool(segments) or bool(parts.query))


def knowledge_items() -> list[tuple[Path, dict[str, Any]]]:
    return [
        (meta.parent, tomllib.loads(meta.read_text(encoding="utf-8")))
        for meta in sorted((CONTENT / "knowledge").glob("*/*/meta.toml"))
    ]


def directory_entries() -> list[tuple[str, dict[str, Any]]]:
    """Every organization and every service of content/directory/, named for the error message."""
    entries = []
    for path in sorted((CONTENT / "directory").glob("*.toml")):
        organization = tomllib.loads(path.read_text(encoding="utf-8"))
        entries.append((path.name, organization))
        entries.extend((f"{path.name} service {s['slug']}", s) for s in organization.get("services", []))
    return entries


def helpline_sources() -> list[tuple[str, dict[str, str]]]:
    data = tomllib.loads((CONTENT / "knowledge" / "emergency" / "helplines.toml").read_text(encoding="utf-8"))
    found = [("helplines.toml", source) for source in data.get("sources", [])]
    for line in data.get("lines", []):
        found.extend((f"helplines.toml line {line['number']}", source) for source in line.get("sources", []))
    return found


def all_sources() -> list[tuple[str, dict[str, str]]]:
    found = [(str(folder), source) for folder, meta in knowledge_items() for source in meta.get("sources", [])]
    found += [(name, source) for name, entry in directory_entries() for source in entry.get("sources", [])]
    return found + helpline_sources()


@pytest.mark.parametrize(
    ("url", "exact"),
    [
        ("https://utsopi.be/support/faq-2", True),
        ("https://www.rtbf.be/article/x?id=1", True),
        ("https://lavenir.net", False),
        ("https://news.belgium.be/nl", False),
        ("https://news.belgium.be/nl/", False),
        ("http://example.be/page", False),
    ],
)
def test_a_home_page_is_not_an_exact_source(url, exact):
    assert is_exact_page(url) is exact


def test_every_source_names_the_exact_page():
    sources = all_sources()
    assert len(sources) > 100
    vague = [
        (where, source["url"])
        for where, source in sources
        if not is_exact_page(source["url"])
        and source["url"] not in HOME_PAGES_WITH_THE_CLAIM
        and not ("netherlands" in Path(where).parts and source["url"] in PENDING_ELSEWHERE)
    ]
    assert not vague, vague


def test_every_source_has_a_title():
    assert all(str(source.get("title", "")).strip() for _where, source in all_sources())


def test_every_knowledge_item_and_directory_entry_has_its_own_verified_date():
    dated = [(str(folder), meta.get("last_verified")) for folder, meta in knowledge_items()]
    dated += [(name, entry.get("last_verified")) for name, entry in directory_entries()]
    undated = [where for where, day in dated if not isinstance(day, date)]
    assert not undated, undated
    assert len({day for _where, day in dated}) > 1  # checked item by item, not one date stamped on everything


def test_every_helpline_has_sources_and_a_date():
    data = tomllib.loads((CONTENT / "knowledge" / "emergency" / "helplines.toml").read_text(encoding="utf-8"))
    for line in data["lines"]:
        assert line.get("sources") or data.get("sources"), line["number"]
        assert isinstance(line.get("last_verified", data.get("last_verified")), date), line["number"]


def test_advice_is_labelled_as_advice_in_every_language():
    advice = 0
    for folder, meta in knowledge_items():
        for lang, label in ADVICE_LABELS.items():
            body = (folder / f"{lang}.md").read_text(encoding="utf-8").split("+++\n", 2)[2]
            if meta.get("advice"):
                assert body.lstrip().startswith(label), (folder, lang)
            else:
                assert not body.lstrip().startswith(label), (folder, lang, "labelled as advice without advice = true")
        advice += bool(meta.get("advice"))
    assert advice >= 1
