"""Random codes that people copy by hand: reply codes, member codes, ticket codes, ballot trackers.

Each module keeps its own alphabet, length and keyed hash (changing them would invalidate codes already handed
out); this is the one place that draws the characters and writes them in groups of four.
"""

from __future__ import annotations

import secrets

# Without look-alikes (no 0/O, 1/I/L): easy to read aloud and to copy from paper.
READABLE = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
# Crockford's base 32: 5 bits a character; typed look-alikes are read as the character meant.
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CROCKFORD_LOOKALIKES = str.maketrans("OILU", "011V")


def grouped(chars: str, size: int = 4) -> str:
    return "-".join(chars[i : i + size] for i in range(0, len(chars), size))


def random_code(alphabet: str, length: int, *, group: int = 4) -> str:
    """`length` characters drawn from `alphabet` by the operating system's CSPRNG, in dash-separated groups."""
    return grouped("".join(secrets.choice(alphabet) for _ in range(length)), group)


def crockford_canonical(text: str, length: int) -> str:
    """A typed Crockford code in its canonical grouped form, or "" when it cannot be one."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(CROCKFORD_LOOKALIKES)
    if len(cleaned) != length or any(ch not in CROCKFORD for ch in cleaned):
        return ""
    return grouped(cleaned)
