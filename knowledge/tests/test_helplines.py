"""The helpline box: each line carries its own sources and date; the box shows the oldest check and dials E.164."""

from datetime import date

from knowledge import selectors


def test_the_box_says_when_its_oldest_line_was_checked():
    data = selectors.helplines()
    dates = [line.get("last_verified", data.get("last_verified")) for line in data["lines"]]
    assert data["checked"] == min(dates)
    assert all(isinstance(day, date) for day in dates)


def test_every_line_is_dialled_in_e164_or_as_a_short_number():
    for line in selectors.helplines()["lines"]:
        assert line["tel"].startswith("+") or (line["tel"].isdigit() and len(line["tel"]) <= 4), line["number"]
        assert " " not in line["tel"]


def test_french_and_dutch_listening_lines_are_both_there():
    numbers = {line["tel"]: line for line in selectors.helplines()["lines"]}
    assert "107" in numbers and "106" in numbers
    assert "French" in numbers["107"]["name"]["en"] and "Dutch" in numbers["106"]["name"]["en"]
    assert "not for violence by a client" in numbers["+3280030030"]["note"]["en"]
