"""The safety key (``HAVEN_SAFETY_KEY``): keyed hashes of reply codes and of perpetrator identifiers.

A reply code or a phone number is never stored, only its HMAC-SHA256 under this key, which lives outside the
database like the key-encryption keys. Someone holding a copy of the database cannot test guesses (every phone
number of a country is few enough to try by brute force, which a plain hash would allow).

Identifiers are normalised before hashing so that two people who write one number differently still match:
phone numbers to E.164 (``lib.phones``), plates to letters and digits, online names to lower case without
a leading ``@`` or spaces.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

from django.conf import settings

from lib.codes import random_code
from lib.phones import InvalidPhoneNumber, to_e164

# Reply codes: 28 characters from an alphabet without look-alikes (no 0/O, 1/I/L): 28 x 5 = 140 bits.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # 31 characters; log2(31) x 28 > 138 bits
CODE_LENGTH = 28
CODE_GROUP = 4


def _key() -> bytes:
    text: str = settings.HAVEN_SAFETY_KEY
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def keyed_hash(purpose: str, value: str) -> str:
    return hmac.new(_key(), f"{purpose}\x1f{value}".encode(), hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def new_reply_code() -> str:
    return random_code(CODE_ALPHABET, CODE_LENGTH, group=CODE_GROUP)


def normalise_code(text: str) -> str:
    """What was typed, without spaces or dashes, in capitals; look-alikes read as the letter meant."""
    cleaned = re.sub(r"[\s\-_.]", "", text or "").upper()
    return cleaned if len(cleaned) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in cleaned) else ""


def code_hash(code: str) -> str:
    return keyed_hash("reply-code", normalise_code(code))


class Kind:
    PHONE = "phone"
    PLATE = "plate"
    HANDLE = "handle"


def normalise_phone(text: str, region: str = "BE") -> str:
    """E.164, or "" when it is not a phone number."""
    try:
        number = to_e164(text, region)
    except InvalidPhoneNumber:
        return ""
    return number if number.startswith("+") else ""


def normalise_plate(text: str) -> str:
    cleaned = re.sub(r"[^0-9A-Za-z]", "", text or "").upper()
    return cleaned if 3 <= len(cleaned) <= 12 else ""


def normalise_handle(text: str) -> str:
    cleaned = re.sub(r"\s+", "", (text or "").strip()).lstrip("@").lower()
    return cleaned if 2 <= len(cleaned) <= 100 else ""


def identifier_hash(kind: str, normalised: str) -> str:
    return keyed_hash(f"identifier:{kind}", normalised)


def identifier_hashes(*, phone: str = "", plate: str = "", handle: str = "", region: str = "BE") -> list[str]:
    """The keyed hashes of the identifiers given (each normalised; unreadable ones left out)."""
    found = []
    for kind, value in (
        (Kind.PHONE, normalise_phone(phone, region)),
        (Kind.PLATE, normalise_plate(plate)),
        (Kind.HANDLE, normalise_handle(handle)),
    ):
        if value:
            found.append(identifier_hash(kind, value))
    return found
