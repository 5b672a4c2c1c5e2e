"""Reads of private plans. Every read of a part needs the plan's data key."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from accounts.models import Organisation
from core.scopes import require_organisation
from crypto.primitives import DecryptionError
from directory import selectors as directory
from knowledge import selectors as knowledge
from plans import parts
from plans.keys import seal_json, unseal_json
from plans.models import Part, Share, ShareView, Space
from vocabulary.selectors import domain_list, region_list


def part_aad(space_id: int, kind: str) -> bytes:
    return f"haven.plans.part:{space_id}:{kind}".encode()


def share_details_aad(space_id: int, lookup: str) -> bytes:
    return f"haven.plans.share-details:{space_id}:{lookup}".encode()


def share_snapshot_aad(lookup: str) -> bytes:
    return f"haven.plans.share-snapshot:{lookup}".encode()


def empty_sealed(*, space_id: int, key: bytes, kind: str) -> str:
    return seal_json(key, parts.empty(kind), part_aad(space_id, kind))


@dataclass
class PartDoc:
    kind: str
    version: int
    data: dict[str, Any]

    @property
    def is_empty(self) -> bool:
        return parts.is_empty(self.kind, self.data)


def _doc(part: Part, key: bytes) -> PartDoc:
    data = unseal_json(key, part.sealed, part_aad(part.space_id, part.kind))
    return PartDoc(kind=part.kind, version=part.version, data=parts.clean(part.kind, data))


def part_read(*, space: Space, key: bytes, kind: str) -> PartDoc:
    part = Part.objects.filter(space=space, kind=kind).first()
    if part is None:  # a space made before a kind existed: an empty part, created on first save
        return PartDoc(kind=kind, version=0, data=parts.empty(kind))
    return _doc(part, key)


def parts_read(*, space: Space, key: bytes, kinds: list[str] | None = None) -> dict[str, PartDoc]:
    wanted = kinds or list(parts.KINDS)
    found = {part.kind: _doc(part, key) for part in Part.objects.filter(space=space, kind__in=wanted)}
    return {kind: found.get(kind) or PartDoc(kind=kind, version=0, data=parts.empty(kind)) for kind in wanted}


@dataclass
class ShareRow:
    """A share as its owner sees it."""

    share: Share
    sections: list[str]
    created: str
    views: list[ShareView] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.share.revoked:
            return "revoked"
        if self.share.expires_on < today() or not self.share.snapshot:
            return "expired"
        return "redeemed" if self.share.organisation_id else "waiting"


def shares_of(*, space: Space, key: bytes) -> list[ShareRow]:
    rows = []
    shares = Share.objects.filter(space=space).select_related("organisation").prefetch_related("views")
    for share in shares:
        try:
            details = unseal_json(key, share.details, share_details_aad(space.pk, share.lookup))
        except (DecryptionError, ValueError):  # a damaged row is shown without its details, never a 500
            details = {}
        rows.append(
            ShareRow(
                share=share,
                sections=[kind for kind in details.get("sections", []) if kind in parts.KINDS],
                created=str(details.get("created", "")),
                views=list(share.views.all()),
            )
        )
    return rows


def shares_redeemed_by(*, organisation: Organisation) -> QuerySet[Share]:
    """Shares an organisation redeemed, newest first: metadata only, the snapshots stay sealed.

    Only inside that organisation's scope (``core.scopes``), as its caseworkers' views are."""
    require_organisation(organisation)
    return Share.objects.filter(organisation=organisation).annotate(view_count=Count("views")).order_by("-id")


def share_is_open(share: Share, on: date | None = None) -> bool:
    """Open until the end of its last day (``expires_on``), unless stopped."""
    return not share.revoked and bool(share.snapshot) and share.expires_on >= (on or today())


def today() -> date:
    return timezone.localdate()


# --- Suggestions from other apps -------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    title: str
    url: str
    summary: str
    lang: str  # the language the title is in (a fallback may differ from the page's)


def _inside_haven(url: str) -> bool:
    return url.startswith("/") and not url.startswith("//")


def directory_services(*, domains: list[str], region: str | None, lang: str, limit: int = 6) -> list[Suggestion]:
    """Open services for these life domains (and region), from ``directory.selectors.services_for``."""
    if not domains:
        return []
    found = directory.services_for(domains=domains, region=region or None, lang=lang, limit=limit)
    return [
        Suggestion(title=service.title, url=service.url, summary=service.summary, lang=service.lang)
        for service in found[:limit]
        if service.title and _inside_haven(service.url)
    ]


def knowledge_items(*, domains: list[str], lang: str, limit: int = 6) -> list[Suggestion]:
    """Published articles about these life domains, from ``knowledge.selectors.items_for_domains``."""
    if not domains:
        return []
    found = knowledge.items_for_domains(domains=domains, lang=lang, limit=limit)
    return [
        Suggestion(
            title=shown.translation.title,
            url=shown.url,
            summary=shown.translation.summary,
            lang=shown.translation.language,
        )
        for shown in found[:limit]
        if shown.translation.title and _inside_haven(shown.url)
    ]


def goal_domains(goals: dict[str, Any]) -> list[str]:
    """The life domains of the goals still open, in the order the goals were made."""
    domains: list[str] = []
    for goal in goals.get("goals", []):
        open_steps = not goal["steps"] or any(not step["done_on"] for step in goal["steps"])
        if goal["domain"] and open_steps and goal["domain"] not in domains:
            domains.append(goal["domain"])
    return domains


def domain_choices() -> list[tuple[str, str]]:
    return [(domain.slug, str(domain)) for domain in domain_list()]


def region_choices() -> list[tuple[str, str]]:
    return [(region.slug, f"{region} ({region.country.code})") for region in region_list()]


def domain_names() -> dict[str, str]:
    return dict(domain_choices())


def region_name(slug: str) -> str:
    return dict(region_choices()).get(slug, "")


def snapshot_outline(docs: dict[str, dict[str, Any]]) -> list[Any]:
    """A shared snapshot as sections to show (for caseworkers' pages in other apps)."""
    from plans.outline import outline

    return list(outline(docs))
