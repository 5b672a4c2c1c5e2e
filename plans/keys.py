"""Keys of private plans: derived from what the person knows, never held by the server.

- A random 256-bit data key encrypts every part of a plan (AES-256-GCM via ``crypto.primitives``).
- The data key is stored only wrapped: once under a key derived from the passphrase, once under a key
  derived from the recovery code (Argon2id for both). Changing the passphrase re-wraps; nothing else changes.
- A pseudonym is stored only as a keyed hash (its *lookup*). Spaces may share a pseudonym, so that creating
  a space never tells anyone whether a pseudonym is already used; spaces with the same pseudonym share one
  salt, so signing in costs one key derivation however many there are.
- Share and recovery codes are high-entropy; the database keeps only a hash of them to find the row.

Nothing here touches settings' key-encryption keys: the server alone can never read a plan.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from django.conf import settings
from django.utils.crypto import salted_hmac

from crypto.primitives import KEY_BYTES, seal, unseal

SALT_BYTES = 16
# Plaintext is padded to a multiple of this many bytes before encryption, so that the size of a part says
# little about what it holds.
PAD_BYTES = 256
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32: no I, L, O or U to misread
RECOVERY_CODE_GROUPS = 6  # 24 characters, 120 bits
SHARE_CODE_GROUPS = 5  # 20 characters, 100 bits


@dataclass(frozen=True)
class KdfParams:
    """Argon2id costs: time (passes), memory in KiB, lanes."""

    time_cost: int
    memory_kib: int
    parallelism: int = 1

    def encode(self) -> str:
        return f"argon2id:t={self.time_cost},m={self.memory_kib},p={self.parallelism}"

    @classmethod
    def decode(cls, text: str) -> KdfParams:
        name, _sep, rest = text.partition(":")
        if name != "argon2id":
            raise ValueError(f"unknown key derivation {name!r}")
        values = dict(item.split("=", 1) for item in rest.split(","))
        return cls(time_cost=int(values["t"]), memory_kib=int(values["m"]), parallelism=int(values["p"]))

    def at_least(self, other: KdfParams) -> bool:
        return self.time_cost >= other.time_cost and self.memory_kib >= other.memory_kib


# OWASP's minimum for Argon2id, and what Haven uses: 64 MiB and 3 passes on one lane, about 0.15 s on one
# core of the machine in docs/plans.md (bench/plan_kdf.py measures it). Tests lower it (plans/tests/conftest.py).
OWASP_MINIMUM = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
KDF = KdfParams(time_cost=3, memory_kib=64 * 1024, parallelism=1)


def current_params() -> KdfParams:
    return KDF


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive_key(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


# --- What people type ------------------------------------------------------------------------


def normalize_pseudonym(pseudonym: str) -> str:
    """Case, width and spacing do not matter: "Rose  Blue" and "rose blue" are one pseudonym."""
    return " ".join(unicodedata.normalize("NFKC", pseudonym).casefold().split())


def normalize_passphrase(passphrase: str) -> str:
    """The same characters typed on two devices give the same bytes (composed or decomposed accents)."""
    return unicodedata.normalize("NFC", passphrase)


def _secrets_newest_first() -> list[str]:
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def pseudonym_lookup(pseudonym: str, *, secret: str | None = None) -> str:
    """A keyed hash of the pseudonym: a copy of the database alone does not show or confirm pseudonyms."""
    return salted_hmac(
        "haven.plans.pseudonym", normalize_pseudonym(pseudonym), secret=secret, algorithm="sha256"
    ).hexdigest()


def pseudonym_lookups(pseudonym: str) -> list[str]:
    """The lookup under the current secret key, then under each fallback (after a key rotation)."""
    return [pseudonym_lookup(pseudonym, secret=secret) for secret in _secrets_newest_first()]


def decoy_salt(pseudonym: str) -> bytes:
    """A stable salt for a pseudonym nobody uses, so that an unknown one costs the same work as a known one."""
    return salted_hmac("haven.plans.decoy-salt", normalize_pseudonym(pseudonym), algorithm="sha256").digest()[
        :SALT_BYTES
    ]


def new_code(groups: int) -> str:
    """A random code in groups of four characters, easy to read aloud and to type: ``7KQ2-M9XD-...``."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(groups * 4))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def normalize_code(text: str, groups: int) -> str:
    """The canonical form of a typed code, or "" when it cannot be one. Lenient on case, spaces and look-alikes."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("OILU", "011V"))
    if len(cleaned) != groups * 4 or any(ch not in CODE_ALPHABET for ch in cleaned):
        return ""
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def code_lookup(purpose: str, code: str) -> str:
    """Where to find the row for a code. Codes carry 100 bits or more, so a plain hash cannot be reversed."""
    return hashlib.sha256(f"haven.plans.{purpose}:{code}".encode()).hexdigest()


# --- Sealed JSON -----------------------------------------------------------------------------


def seal_json(key: bytes, data: Any, aad: bytes) -> str:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    padded = raw + b" " * (-len(raw) % PAD_BYTES)  # JSON ignores trailing whitespace
    return seal(key, padded, aad)


def unseal_json(key: bytes, token: str, aad: bytes) -> Any:
    """Raises ``crypto.primitives.DecryptionError`` when the key is wrong or the token was moved."""
    return json.loads(unseal(key, token, aad).decode("utf-8"))


def wrap(key_encrypting_key: bytes, data_key: bytes, aad: bytes) -> str:
    return seal(key_encrypting_key, data_key, aad)


def unwrap(key_encrypting_key: bytes, token: str, aad: bytes) -> bytes:
    return unseal(key_encrypting_key, token, aad)
