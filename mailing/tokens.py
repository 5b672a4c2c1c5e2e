"""The unsubscribe link: signed, so it works without signing in and needs nothing stored."""

from __future__ import annotations

from django.core import signing

SALT = "haven.mailing.unsubscribe"


def unsubscribe_token(*, organisation_id: int, member_id: str) -> str:
    return signing.dumps({"o": organisation_id, "m": member_id}, salt=SALT, compress=True)


def read_token(token: str) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=SALT)
        return int(data["o"]), str(data["m"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
