"""Phone numbers: stored in E.164 (``+3225116464``), shown in international form (``+32 2 511 64 64``), dialled
through ``tel:`` links in E.164, so that a number works from a Belgian, Dutch or foreign phone alike.

Short national numbers (112, 101, 106, 107, 1712) have no international form: they stay as they are.
A number written without a country code is read as a number of ``region`` (Belgium unless told otherwise).
"""

from __future__ import annotations

import phonenumbers
from phonenumbers import PhoneNumberFormat

DEFAULT_REGION = "BE"
SHORT_NUMBER_REGIONS = ("BE", "NL")  # the countries Haven lists services in
# Short numbers in use that the phonenumbers metadata does not know yet: 113, the Dutch suicide-prevention line
# (its own short number since 2020, free since October 2025: sources in content/knowledge/emergency/helplines.toml).
KNOWN_SHORT_NUMBERS = {"NL": {"113"}}


class InvalidPhoneNumber(ValueError):
    pass


def _short(number: str, region: str) -> str | None:
    digits = "".join(ch for ch in number if ch.isdigit())
    if number.strip().startswith("+") or not digits or len(digits) > 6:
        return None
    for country in dict.fromkeys((region, *SHORT_NUMBER_REGIONS)):
        if digits in KNOWN_SHORT_NUMBERS.get(country, set()):
            return digits
        try:
            parsed = phonenumbers.parse(digits, country)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_short_number(parsed):
            return digits
    return None


def to_e164(number: str, region: str = DEFAULT_REGION) -> str:
    """``number`` in E.164, or as it is when it is a short number; ``InvalidPhoneNumber`` otherwise."""
    short = _short(number, region)
    if short:
        return short
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhoneNumber(str(exc)) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidPhoneNumber(f"{number!r} is not a valid phone number")
    return phonenumbers.format_number(parsed, PhoneNumberFormat.E164)


def international(number: str, region: str = DEFAULT_REGION) -> str:
    """How a number is shown: ``+32 2 511 64 64``; a short number as it is; an unreadable one unchanged."""
    try:
        e164 = to_e164(number, region)
    except InvalidPhoneNumber:
        return number.strip()
    if not e164.startswith("+"):
        return e164
    return phonenumbers.format_number(phonenumbers.parse(e164), PhoneNumberFormat.INTERNATIONAL)


def tel_target(number: str, region: str = DEFAULT_REGION) -> str:
    """What a ``tel:`` link dials: E.164, or the short number; for an unreadable one, its digits and leading +."""
    try:
        return to_e164(number, region)
    except InvalidPhoneNumber:
        digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
        return digits[:1] + digits[1:].replace("+", "")
