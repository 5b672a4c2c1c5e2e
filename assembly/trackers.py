"""Ballot trackers: 28 characters of Crockford's base 32 (140 bits), random, shown to the voter once.

The bulletin publishes SHA-256 of the tracker (not keyed: anyone holding a tracker can compute it and look it up).
"""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS = 7


def new_tracker() -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * 4))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def normalize(text: str) -> str:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(str.maketrans("OILU", "011V"))
    if len(cleaned) != GROUPS * 4 or any(ch not in ALPHABET for ch in cleaned):
        return ""
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def tracker_hash(tracker: str) -> str:
    return hashlib.sha256(f"haven-ballot-tracker:{tracker}".encode()).hexdigest()
