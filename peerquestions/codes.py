"""Reply codes: 28 characters of Crockford's base 32 (140 bits), shown once; only a keyed hash is stored."""

from __future__ import annotations

from django.utils.crypto import salted_hmac

from lib.codes import CROCKFORD, crockford_canonical, random_code

CODE_ALPHABET = CROCKFORD
CODE_GROUPS = 7  # 7 x 4 characters x 5 bits = 140 bits


def new_code() -> str:
    return random_code(CODE_ALPHABET, CODE_GROUPS * 4)


def normalize_code(text: str) -> str:
    """The canonical form of a typed code, or "" when it cannot be one. Lenient on case, spaces and look-alikes."""
    return crockford_canonical(text, CODE_GROUPS * 4)


def code_hash(code: str) -> str:
    """A keyed hash (HMAC-SHA256 under the secret key): a copy of the database alone cannot confirm a code."""
    return salted_hmac("haven.peerquestions.reply-code", code, algorithm="sha256").hexdigest()
