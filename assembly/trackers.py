"""Ballot trackers: 28 characters of Crockford's base 32 (140 bits), random, shown to the voter once.

The bulletin publishes SHA-256 of the tracker (not keyed: anyone holding a tracker can compute it and look it up).
"""

from __future__ import annotations

import hashlib

from lib.codes import CROCKFORD, crockford_canonical, random_code

ALPHABET = CROCKFORD
GROUPS = 7


def new_tracker() -> str:
    return random_code(ALPHABET, GROUPS * 4)


def normalize(text: str) -> str:
    return crockford_canonical(text, GROUPS * 4)


def tracker_hash(tracker: str) -> str:
    return hashlib.sha256(f"haven-ballot-tracker:{tracker}".encode()).hexdigest()
