"""Signed checkpoints of each chain's head, kept outside the database.

A hash chain shows an edit in its middle, but not a cut tail: whoever holds the database can delete the last
entries and set the head back. So after every append commits, the chain's new head (chain, sequence number,
hash) is signed with the audit key and appended as one JSON line to ``HAVEN_AUDIT_CHECKPOINTS`` and written
to the log stream (logger ``haven.audit``). The verifier compares every chain with its latest checkpoint: a
chain that ends before it, or whose entry there has another hash, was cut or rewritten.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from audit.keys import mac, same

logger = logging.getLogger("haven.audit")
PURPOSE = "haven-audit-checkpoint"


@dataclass(frozen=True)
class Checkpoint:
    chain: str
    seq: int
    hash: str
    at: str

    def signature(self) -> str:
        return mac(PURPOSE, [self.chain, str(self.seq), self.hash, self.at])


def checkpoint_path() -> Path:
    return Path(settings.HAVEN_AUDIT_CHECKPOINTS)


def checkpoint_write(*, chain: str, seq: int, hash: str) -> Checkpoint:
    """Append a signed checkpoint line (O_APPEND, locked while writing, flushed to disk) and log it.

    The lock covers the write only: the flush to disk happens after it is released, so processes appending at the
    same moment wait for the disk together rather than one after another (each still returns only once its own
    line is on disk)."""
    point = Checkpoint(chain=chain, seq=seq, hash=hash, at=timezone.now().isoformat(timespec="seconds"))
    line = json.dumps({**point.__dict__, "mac": point.signature()}, separators=(",", ":")) + "\n"
    path = checkpoint_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            os.write(fd, line.encode())
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.fsync(fd)
    finally:
        os.close(fd)
    logger.info("audit checkpoint %s", line.strip())
    return point


def checkpoint_after_commit(*, chain: str, seq: int, hash: str) -> None:
    """Called on commit: a failure is logged loudly but cannot undo the entry that is already stored."""
    try:
        checkpoint_write(chain=chain, seq=seq, hash=hash)
    except OSError:
        logger.exception("could not write the audit checkpoint of %s at %s", chain, seq)


@dataclass
class CheckpointFile:
    latest: dict[str, Checkpoint]
    problems: list[str]
    exists: bool


def checkpoints_read(path: Path | None = None) -> CheckpointFile:
    """The latest correctly signed checkpoint of each chain, and every line that is not one.

    Reads the checkpoint file, or any file of checkpoint lines: a copy kept elsewhere, or the ``haven.audit``
    lines of a log archive (the JSON from the first brace on)."""
    path = path or checkpoint_path()
    latest: dict[str, Checkpoint] = {}
    problems: list[str] = []
    if not path.exists():
        return CheckpointFile(latest, problems, exists=False)
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line[line.index("{") :])
                point = Checkpoint(
                    chain=str(data["chain"]), seq=int(data["seq"]), hash=str(data["hash"]), at=data["at"]
                )
                signed = same(point.signature(), str(data["mac"]))
            except (ValueError, KeyError, TypeError):
                problems.append(f"checkpoint line {number} cannot be read")
                continue
            if not signed:
                problems.append(f"checkpoint line {number} is not signed with the audit key")
                continue
            if point.chain not in latest or point.seq > latest[point.chain].seq:
                latest[point.chain] = point
    return CheckpointFile(latest, problems, exists=True)
