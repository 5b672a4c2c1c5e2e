"""The one function every module calls to log access to personal data: ``audit_log``.

Each entry's hash is an HMAC under the audit key (``HAVEN_AUDIT_KEY``) of its fields and the previous hash,
so an entry changed with the database alone cannot be given a matching hash. After each append commits,
the chain's new head is written as a signed checkpoint outside the database (``audit.checkpoints``), and
the verifier compares each chain with its latest checkpoint, which catches a cut tail.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.db import connection, models, transaction
from django.utils import timezone

from audit.checkpoints import Checkpoint, checkpoint_after_commit, checkpoints_read
from audit.keys import mac, same
from audit.models import AuditEntry
from core.scopes import all_organisations, platform_scope, scope

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
    OFFBOARD = "offboard"

    CHOICES = (READ, CREATE, UPDATE, DELETE, EXPORT, SHARE, SIGN_IN, SIGN_OUT, OFFBOARD)


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
    return mac("haven-audit-entry", fields)


def _lock_chain(chain: str) -> None:
    """One writer per chain at a time, until the transaction ends.

    PostgreSQL: a transaction-level advisory lock on the chain's name (it needs no right on any table, so
    the application's role can stay limited to SELECT and INSERT on the log). SQLite: Haven opens every
    transaction with BEGIN IMMEDIATE, which already makes it the only writer. Either way, the unique
    (chain, seq) constraint turns a writer that slipped through into an error, never a fork."""
    if connection.vendor == "postgresql":
        key = int.from_bytes(hashlib.sha256(f"haven-audit:{chain}".encode()).digest()[:8], "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


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
        _lock_chain(chain)
        with scope(organisation=organisation_id) if organisation_id is not None else platform_scope():
            last = AuditEntry.objects.filter(chain=chain).order_by("-seq").values_list("seq", "hash").first()
        last_seq, prev_hash = last if last is not None else (0, GENESIS)
        at = timezone.now()
        seq = last_seq + 1
        digest = entry_hash(
            chain=chain,
            seq=seq,
            at=at,
            actor_id=actor.pk if actor else None,
            organisation_id=organisation_id,
            action=action,
            target_type=target_type,
            target_id=target_id,
            prev_hash=prev_hash,
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
            prev_hash=prev_hash,
            hash=digest,
        )
        transaction.on_commit(lambda: checkpoint_after_commit(chain=chain, seq=seq, hash=digest))
    return entry


VERIFY_REASON = "verifying the audit chains, a platform-wide job"


@dataclass
class ChainReport:
    chain: str
    entries: int
    problems: list[str]
    head_hash: str
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@all_organisations(reason=VERIFY_REASON)
def chain_verify(chain: str, checkpoint: Checkpoint | None = None) -> ChainReport:
    """Walk one chain: every hash recomputed with the key, every link and number checked, and the chain's
    end compared with its latest checkpoint."""
    problems: list[str] = []
    expected_prev = GENESIS
    expected_seq = 1
    count = 0
    hash_at_checkpoint: str | None = None
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
        if not same(recomputed, entry.hash):
            problems.append(f"entry {entry.seq}: content was changed")
        if checkpoint is not None and entry.seq == checkpoint.seq:
            hash_at_checkpoint = entry.hash
        expected_prev, expected_seq = entry.hash, entry.seq + 1
    last_seq = expected_seq - 1
    notes: list[str] = []
    if checkpoint is None:
        notes.append("no checkpoint yet: a cut tail cannot be detected before the first one")
    elif last_seq < checkpoint.seq:
        problems.append(
            f"the checkpoint of {checkpoint.at} says the chain reached entry {checkpoint.seq}, but it ends at "
            f"{last_seq}: entries were removed from its end"
        )
    elif hash_at_checkpoint is None or not same(hash_at_checkpoint, checkpoint.hash):
        problems.append(
            f"entry {checkpoint.seq} differs from its checkpoint of {checkpoint.at}: the chain was rewritten"
        )
    return ChainReport(chain=chain, entries=count, problems=problems, head_hash=expected_prev, notes=notes)


@dataclass
class AuditReport:
    chains: list[ChainReport]
    problems: list[str]  # about the checkpoint file itself
    checkpoint_file_exists: bool

    @property
    def ok(self) -> bool:
        return not self.problems and all(report.ok for report in self.chains)


@all_organisations(reason=VERIFY_REASON)
def audit_verify(checkpoint_file: Path | None = None) -> AuditReport:
    """Verify every chain in the database and every chain a checkpoint knows of (a chain deleted whole shows)."""
    checkpoints = checkpoints_read(checkpoint_file)
    chains = set(AuditEntry.objects.values_list("chain", flat=True).distinct())
    chains |= set(checkpoints.latest)
    reports = [chain_verify(chain, checkpoints.latest.get(chain)) for chain in sorted(chains)]
    return AuditReport(reports, checkpoints.problems, checkpoints.exists)


@all_organisations(reason=VERIFY_REASON)
def chains_verify() -> list[ChainReport]:
    return audit_verify().chains
