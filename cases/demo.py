"""Demo clients for `make run` (filled in below)."""

from __future__ import annotations


def demo_seed() -> str:
    return "no demo cases yet"
