"""What one audit entry costs: the keyed hash, the chain-head lock, the commit and the signed checkpoint.

Run: .venv/bin/python bench/audit_append.py [appends]   (default 300; each append is its own transaction)
Uses DATABASE_URL if set (the database must be migrated), else a fresh SQLite file in a temporary directory.
The checkpoints go to a temporary file. Prints milliseconds per append with and without the checkpoint.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
_tmp = Path(tempfile.mkdtemp(prefix="haven-bench-audit-"))
os.environ.setdefault("HAVEN_ENV", "development")
os.environ.setdefault("HAVEN_VAR_DIR", str(_tmp))
os.environ.setdefault("HAVEN_AUDIT_CHECKPOINTS", str(_tmp / "checkpoints.jsonl"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from audit import services  # noqa: E402
from audit.services import Action, audit_log  # noqa: E402


def per_append(n: int, organisation_id: int) -> float:
    times = []
    for i in range(n):
        start = time.perf_counter()
        audit_log(
            actor=None, action=Action.READ, target_type="bench", target_id=str(i), organisation_id=organisation_id
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    if "DATABASE_URL" not in os.environ:
        call_command("migrate", verbosity=0)
    with_checkpoint = per_append(n, organisation_id=900001)
    real = services.checkpoint_after_commit
    services.checkpoint_after_commit = lambda **kwargs: None  # type: ignore[assignment]
    try:
        without = per_append(n, organisation_id=900002)
    finally:
        services.checkpoint_after_commit = real
    size = Path(os.environ["HAVEN_AUDIT_CHECKPOINTS"]).stat().st_size
    print(f"{n} appends, median per append: {with_checkpoint:.2f} ms with the checkpoint, {without:.2f} ms without")
    print(f"checkpoint file: {size / n:.0f} bytes per entry")


if __name__ == "__main__":
    main()
