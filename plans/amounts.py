"""Amounts in euros as people in Belgium and the Netherlands write them.

Accepted: ``1234``, ``1234,56``, ``1234.56``, ``1.234,56``, ``1,234.56``, ``1 234,56``, ``€ 1.234``,
``1234,-``. A separator followed by exactly three digits is a thousands separator (``1.234`` is one thousand
two hundred and thirty-four euros, as in Dutch and French), a separator followed by one or two digits marks
the cents. Anything else is refused with a message that says how to write it.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

MAX_AMOUNT = Decimal("10000000")
CENT = Decimal("0.01")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_GROUPED = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")


class AmountError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _decimal_split(text: str) -> tuple[str, str]:
    """Split into whole part (digits only) and cents, or raise AmountError."""
    invalid = str(_("Enter an amount in euros, for example 1.234,56 or 1234.56."))
    if not text or not re.fullmatch(r"[\d.,]+", text) or not text[0].isdigit():
        raise AmountError(invalid)
    last = max(text.rfind("."), text.rfind(","))
    if last == -1:
        return text, ""
    tail = text[last + 1 :]
    head = text[:last]
    if len(tail) == 3 and _GROUPED.match(text) and len({ch for ch in text if ch in ".,"}) == 1:
        return text.replace(".", "").replace(",", ""), ""  # 1.234 or 1,234,567: thousands only
    if len(tail) not in (1, 2) or not tail.isdigit():
        if tail.isdigit() and len(tail) > 2:
            raise AmountError(str(_("Use at most two digits for the cents, for example 12,50.")))
        raise AmountError(invalid)
    separator = text[last]
    thousands = "," if separator == "." else "."
    if separator in head:
        raise AmountError(invalid)
    if thousands in head:
        if not _GROUPED.match(head):
            raise AmountError(invalid)
        head = head.replace(thousands, "")
    if not head.isdigit():
        raise AmountError(invalid)
    return head, tail


def parse_amount(value: str) -> Decimal | None:
    """The amount typed, as a Decimal with two places, or None when nothing was typed."""
    text = _SPACES.sub("", value or "")
    text = text.replace("€", "").replace("EUR", "").replace("eur", "")
    if text.endswith((",-", ".-")):
        text = text[:-2]
    if not text:
        return None
    if text.startswith("-"):
        raise AmountError(str(_("An amount cannot be negative.")))
    whole, cents = _decimal_split(text)
    try:
        amount = Decimal(f"{whole}.{cents or '0'}").quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:
        raise AmountError(str(_("Enter an amount in euros, for example 1.234,56 or 1234.56."))) from exc
    if amount >= MAX_AMOUNT:
        raise AmountError(str(_("That amount is too large.")))
    return amount


def to_decimal(stored: str | None) -> Decimal:
    """A stored amount (plain ``1234.56``), or zero."""
    try:
        return Decimal(stored or "0").quantize(CENT)
    except InvalidOperation:
        return Decimal("0.00")


def for_input(stored: str | None) -> str:
    """A stored amount written back into a form field, in the convention of the page's language."""
    if not stored:
        return ""
    amount = to_decimal(stored)
    text = f"{amount:.2f}".removesuffix(".00")
    return text if (get_language() or "en").startswith("en") else text.replace(".", ",")


def euros(amount: Decimal | str | None) -> str:
    """An amount for reading: ``€ 1.234,56`` in Dutch, ``1 234,56 €`` style grouping per language."""
    value = amount if isinstance(amount, Decimal) else to_decimal(amount)
    decimals = 0 if value == value.to_integral_value() else 2
    return "€\u00a0" + number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


class AmountField(forms.CharField):
    """A text input (so that commas work on every phone keyboard) that cleans to a stored amount string."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "size": "12"})

    def clean(self, value: object) -> str:  # type: ignore[override]
        text = super().clean(value)
        try:
            amount = parse_amount(text)
        except AmountError as error:
            raise forms.ValidationError(error.message, code="amount") from error
        return "" if amount is None else f"{amount:.2f}"
