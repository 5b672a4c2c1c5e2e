"""Reads for the knowledge base (also used by other apps: the planner's suggestions, the home page)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from core.i18n import FALLBACK_ORDER
from knowledge.models import Item, Revision, State, Topic, Translation
from knowledge.services import TOPIC_COUNTRIES as TOPIC_COUNTRIES
from knowledge.services import country_of as country_of
from knowledge.services import translation_status
from lib.phones import DEFAULT_REGION, international, tel_target
from vocabulary.selectors import SPECIALIST_DOMAINS, country_list

HELPLINES_FILE = Path(settings.BASE_DIR) / "content" / "knowledge" / "emergency" / "helplines.toml"


@dataclass(frozen=True)
class Shown:
    """An item as shown in one language: the translation used, and whether it is a fallback."""

    item: Item
    translation: Translation
    is_fallback: bool

    @property
    def url(self) -> str:
        return f"/{self.requested}/knowledge/{self.item.slug}/" if self.requested else ""

    requested: str = ""


def _choose(item: Item, lang: str) -> Shown | None:
    published = {t.language: t for t in item.translations.all() if t.is_published}
    if lang in published:
        return Shown(item, published[lang], False, lang)
    for other in FALLBACK_ORDER:
        if other in published:
            return Shown(item, published[other], True, lang)
    return None


def _with_translations(items: QuerySet[Item]) -> QuerySet[Item]:
    return items.select_related("topic").prefetch_related(
        Prefetch("translations", queryset=Translation.objects.exclude(published_revision=None))
    )


TOPIC_PREVIEW = 6  # items shown per topic on the knowledge home page
TOPIC_PAGE_SIZE = 30  # items per page of a topic page


def _published(items: QuerySet[Item]) -> QuerySet[Item]:
    """Items with at least one published translation (the others are shown nowhere)."""
    published = Translation.objects.filter(item=OuterRef("pk")).exclude(published_revision=None)
    return items.filter(Exists(published))


def _text_only(items: QuerySet[Item]) -> QuerySet[Item]:
    """What a list shows of an item: its slug and, per published translation, the title and summary."""
    return items.select_related("topic").prefetch_related(
        Prefetch(
            "translations",
            queryset=Translation.objects.exclude(published_revision=None).only(
                "item_id", "language", "title", "summary", "published_revision_id"
            ),
        )
    )


@dataclass(frozen=True)
class TopicPreview:
    topic: Topic
    items: list[Shown]  # the first TOPIC_PREVIEW
    count: int  # all the topic's published items


def topics_with_items(lang: str) -> list[TopicPreview]:
    """Each topic with its first ``TOPIC_PREVIEW`` items and how many it has: three queries, whatever the size."""
    counts = dict(_published(Item.objects.all()).order_by().values_list("topic").annotate(n=Count("pk")))
    ranked = _published(Item.objects.all()).annotate(
        rank=Window(RowNumber(), partition_by=[F("topic_id")], order_by=[F("position").asc(), F("slug").asc()])
    )
    first = _text_only(
        Item.objects.filter(
            pk__in=[pk for pk, _rank in ranked.filter(rank__lte=TOPIC_PREVIEW).values_list("pk", "rank")]
        )
    )
    by_topic: dict[int, list[Shown]] = {}
    for item in first:
        shown = _choose(item, lang)
        if shown:
            by_topic.setdefault(item.topic_id, []).append(shown)
    return [TopicPreview(topic, by_topic.get(topic.pk, []), counts.get(topic.pk, 0)) for topic in Topic.objects.all()]


def topic_items(topic: Topic, lang: str, page: int | str | None = 1) -> tuple[Page[Item], list[Shown]]:
    """One page of a topic's items (``TOPIC_PAGE_SIZE``), with the text shown for each."""
    items = _published(topic.items.all()).order_by("position", "slug")
    shown_page = Paginator(items, TOPIC_PAGE_SIZE).get_page(page)
    rows = _text_only(Item.objects.filter(pk__in=[item.pk for item in shown_page.object_list])).order_by(
        "position", "slug"
    )
    return shown_page, [s for item in rows if (s := _choose(item, lang))]


def item_shown(slug: str, lang: str) -> Shown | None:
    item = _with_translations(Item.objects.filter(slug=slug)).prefetch_related("domains", "related").first()
    return _choose(item, lang) if item else None


def related_items(item: Item, lang: str) -> list[Shown]:
    return [s for other in _with_translations(item.related.all()) if (s := _choose(other, lang))]


def items_for_domains(*, domains: list[str], lang: str, limit: int = 5) -> list[Shown]:
    """Published items about any of these life domains (for suggestions elsewhere): the most domains matched
    first, items for a group the person did not ask about (trafficking) last."""
    unasked = [slug for slug in SPECIALIST_DOMAINS if slug not in domains]
    specialist = Item.domains.through.objects.filter(item=OuterRef("pk"), domain__slug__in=unasked)
    items = Item.objects.filter(domains__slug__in=domains).distinct()
    items = items.annotate(
        matches=Count("domains", filter=Q(domains__slug__in=domains), distinct=True), specialist=Exists(specialist)
    )
    ranked = _with_translations(items.order_by("specialist", "-matches", "slug"))
    return [s for item in ranked[: limit * 2] if (s := _choose(item, lang))][:limit]


@lru_cache(maxsize=1)
def _helpline_data() -> dict[str, Any]:
    data = tomllib.loads(HELPLINES_FILE.read_text(encoding="utf-8"))
    dates = [line.get("last_verified", data.get("last_verified")) for line in data.get("lines", [])]
    known = [day for day in dates if day is not None]
    data["checked"] = min(known) if known else None  # the box shows the oldest check of its lines
    for line in data.get("lines", []):
        region = line.get("country", DEFAULT_REGION)
        line["tel"] = tel_target(str(line["number"]), region)  # E.164, or a short number as it is
        line["display"] = international(str(line["number"]), region)
    return data


def topics_of_items(slugs: list[str]) -> list[Topic]:
    """The topics the given items belong to, in the knowledge home page's order."""
    return list(Topic.objects.filter(items__slug__in=slugs).distinct())


# The page with every number, per country (a knowledge item slug).
EMERGENCY_PAGES = {"BE": "emergency-numbers", "NL": "emergency-numbers-netherlands"}
# The country an item is about (its helpline box shows that country's numbers first; search ranks it for that
# country's visitors) is defined in services, which index it: `TOPIC_COUNTRIES`, `country_of`.


def helplines(*, country: str = "be", names: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """The helpline box: numbers with what they are for and when they answer, grouped by country, the chosen
    country first. A line without `country` in helplines.toml is Belgian (the file started with Belgium only)."""
    data = _helpline_data()
    by_country: dict[str, list[dict[str, Any]]] = {}
    for line in data.get("lines", []):
        by_country.setdefault(str(line.get("country", "BE")).upper(), []).append(line)
    chosen = country.upper()
    if names is None:
        names = {c.code: c.name for c in country_list()}
    groups = []
    for code in sorted(by_country, key=lambda code: (code != chosen, code)):
        lines = by_country[code]
        checked = [line["last_verified"] for line in lines if "last_verified" in line]
        groups.append(
            {
                "code": code.lower(),
                "name": names.get(code, {}),
                "lines": lines,
                "last_verified": min(checked) if checked else data.get("last_verified"),
                "page": EMERGENCY_PAGES.get(code, EMERGENCY_PAGES["BE"]),
            }
        )
    return {"country": chosen.lower(), "groups": groups, "sources": data.get("sources", [])}


def translation_matrix() -> list[dict[str, Any]]:
    """For the editors' dashboard: each item's status in each language."""
    in_review = set(Revision.objects.filter(state=State.REVIEW).values_list("translation_id", flat=True))
    rows = []
    for item in Item.objects.select_related("topic").prefetch_related("translations"):
        translations = {t.language: t for t in item.translations.all()}
        source = translations.get(item.source_language)
        statuses = {code: translation_status(translations.get(code), source) for code, _n in settings.LANGUAGES}
        pending = {code: t.pk in in_review for code, t in translations.items()}
        rows.append({"item": item, "statuses": statuses, "pending": pending})
    return rows


def revisions_in_review(limit: int | None = None) -> QuerySet[Revision]:
    """Drafts sent for review and not yet published or sent back, oldest first (for the staff dashboards)."""
    revisions = (
        Revision.objects.filter(state=State.REVIEW)
        .select_related("translation__item", "author")
        .order_by("created_at", "pk")
    )
    return revisions[:limit] if limit else revisions
