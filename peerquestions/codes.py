"""Reply codes: 28 characters of Crockford's base 32 (140 bits), shown once; only a keyed hash is stored."""

from __future__ import annotations

import secrets

from django.utils.crypto import salted_hmac

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_GROUPS = 7  # 7 x 4 characters x 5 bits = 140 bits


def new_code() -> str:
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * 4))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def normalize_code(text: str) -> str:
    """The canonical form of a typed code, or "" when it cannot be one. Lenient on case, spaces and look-alikes."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("OILU", "011V"))
    if len(cleaned) != CODE_GROUPS * 4 or any(ch not in CODE_ALPHABET for ch in cleaned):
        return ""
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def code_hash(code: str) -> str:
    """A keyed hash (HMAC-SHA256 under the secret key): a copy of the database alone cannot confirm a code."""
    return salted_hmac("haven.peerquestions.reply-code", code, algorithm="sha256").hexdigest()
