"""Member codes and one-time tokens: random, shown once, stored only as keyed hashes."""

from __future__ import annotations

import secrets

from django.utils.crypto import salted_hmac

from lib.codes import READABLE, random_code

# No 0/O, 1/I/L: easy to read aloud and to copy from paper.
ALPHABET = READABLE
GROUPS = 4


def new_code() -> str:
    """A member code such as ``K7QM-3XPA-RT9W-H2NC`` (about 79 bits)."""
    return random_code(ALPHABET, GROUPS * 4)


def normalize_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def code_lookup(code: str) -> str:
    """The keyed hash a member is found by; a copy of the database alone does not confirm a code."""
    return salted_hmac("haven.members.code", normalize_code(code), algorithm="sha256").hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_hash(purpose: str, token: str) -> str:
    return salted_hmac(f"haven.members.{purpose}", token, algorithm="sha256").hexdigest()
