"""The one function every module calls to log access to personal data: ``audit_log``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import models, transaction
from django.utils import timezone

from audit.models import AuditEntry, ChainHead
from core.scopes import all_organisations

GENESIS = "0" * 64


class Action:
    READ = "read"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    SHARE = "share"
    SIGN_IN = "sign-in"
    SIGN_OUT = "sign-out"


def chain_name(organisation_id: int | None) -> str:
    return f"org:{organisation_id}" if organisation_id else "platform"


def entry_hash(
    *,
    chain: str,
    seq: int,
    at: datetime,
    actor_id: int | None,
    organisation_id: int | None,
    action: str,
    target_type: str,
    target_id: str,
    prev_hash: str,
) -> str:
    fields = [
        chain,
        str(seq),
        at.astimezone(UTC).isoformat(timespec="microseconds"),
        str(actor_id or ""),
        str(organisation_id or ""),
        action,
        target_type,
        target_id,
        prev_hash,
    ]
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


def audit_log(
    *,
    actor: models.Model | None,
    action: str,
    target: models.Model | None = None,
    target_type: str = "",
    target_id: str = "",
    organisation_id: int | None = None,
) -> AuditEntry:
    """Append one entry to the organisation's chain. Call it where personal data is read or changed."""
    if target is not None:
        target_type = target_type or target._meta.label_lower
        target_id = target_id or str(target.pk)
        if organisation_id is None:
            organisation_id = getattr(target, "organisation_id", None)
    chain = chain_name(organisation_id)
    with transaction.atomic():
        ChainHead.objects.get_or_create(chain=chain)
        head = ChainHead.objects.select_for_update().get(chain=chain)
        at = timezone.now()
        seq = head.seq + 1
        digest = entry_hash(
            chain=chain,
            seq=seq,
            at=at,
            actor_id=actor.pk if actor else None,
            organisation_id=organisation_id,
            action=action,
            target_type=target_type,
            target_id=target_id,
            prev_hash=head.hash,
        )
        entry = AuditEntry.objects.create(
            chain=chain,
            seq=seq,
            at=at,
            actor_id=actor.pk if actor else None,
            organisation_id=organisation_id,
            action=action,
            target_type=target_type,
            target_id=target_id,
            prev_hash=head.hash,
            hash=digest,
        )
        head.seq, head.hash = seq, digest
        head.save(update_fields=["seq", "hash"])
    return entry


VERIFY_REASON = "verifying the audit chains, a platform-wide job"


@dataclass
class ChainReport:
    chain: str
    entries: int
    problems: list[str]
    head_hash: str

    @property
    def ok(self) -> bool:
        return not self.problems


@all_organisations(reason=VERIFY_REASON)
def chain_verify(chain: str) -> ChainReport:
    problems: list[str] = []
    expected_prev = GENESIS
    expected_seq = 1
    count = 0
    for entry in AuditEntry.objects.filter(chain=chain).order_by("seq").iterator():
        count += 1
        if entry.seq != expected_seq:
            problems.append(f"entry {entry.seq}: expected sequence number {expected_seq} (missing entries)")
        if entry.prev_hash != expected_prev:
            problems.append(f"entry {entry.seq}: does not follow the previous entry")
        recomputed = entry_hash(
            chain=chain,
            seq=entry.seq,
            at=entry.at,
            actor_id=entry.actor_id,
            organisation_id=entry.organisation_id,
            action=entry.action,
            target_type=entry.target_type,
            target_id=entry.target_id,
            prev_hash=entry.prev_hash,
        )
        if recomputed != entry.hash:
            problems.append(f"entry {entry.seq}: content was changed")
        expected_prev, expected_seq = entry.hash, entry.seq + 1
    head = ChainHead.objects.filter(chain=chain).first()
    if head is not None and (head.seq != expected_seq - 1 or head.hash != expected_prev):
        problems.append(f"the chain should end at entry {head.seq}; entries were removed from its end")
    return ChainReport(chain=chain, entries=count, problems=problems, head_hash=expected_prev)


@all_organisations(reason=VERIFY_REASON)
def chains_verify() -> list[ChainReport]:
    chains = set(AuditEntry.objects.values_list("chain", flat=True).distinct())
    chains |= set(ChainHead.objects.values_list("chain", flat=True))
    return [chain_verify(chain) for chain in sorted(chains)]
