from decimal import Decimal

import pytest
from django.utils import translation

from plans.amounts import AmountError, euros, for_input, parse_amount


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1234", "1234.00"),
        ("1234,56", "1234.56"),
        ("1234.56", "1234.56"),
        ("1.234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("1 234,56", "1234.56"),
        ("1\u00a0234,56", "1234.56"),
        ("€ 1.234", "1234.00"),
        ("1.234", "1234.00"),
        ("1.234.567", "1234567.00"),
        ("12,5", "12.50"),
        ("850,-", "850.00"),
        ("0", "0.00"),
        ("EUR 75", "75.00"),
    ],
)
def test_belgian_dutch_and_english_formats_are_understood(typed, expected):
    assert parse_amount(typed) == Decimal(expected)


def test_nothing_typed_is_no_amount():
    assert parse_amount("") is None
    assert parse_amount("  € ") is None


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("abc", "for example"),
        ("12,345", None),  # thousands: accepted, see below
        ("1.234.56", "for example"),
        ("1,2,3", "for example"),
        ("-50", "negative"),
        ("12.345,678", "two digits"),
        ("99999999", "too large"),
        ("1e5", "for example"),
        (",50", "for example"),
    ],
)
def test_wrong_amounts_are_refused_with_a_clear_message(typed, words):
    if words is None:
        assert parse_amount(typed) == Decimal("12345.00")
        return
    with pytest.raises(AmountError) as caught:
        parse_amount(typed)
    assert words in caught.value.message


def test_amounts_are_written_back_in_the_language_of_the_page():
    with translation.override("nl"):
        assert for_input("1234.50") == "1234,50"
        assert euros(Decimal("1234.5")) == "€\u00a01.234,50"
    with translation.override("en"):
        assert for_input("1234.00") == "1234"
        assert euros("1234.00") == "€\u00a01,234"
