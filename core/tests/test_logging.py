"""Django's own log lines lose every IPv4 and IPv6 address and every query string."""

import logging

import pytest

from core.logging import ADDRESS_REMOVED, DropClientIdentifiers, ScrubbingFormatter, scrub


@pytest.mark.parametrize(
    "address",
    [
        "203.0.113.77",
        "2001:db8::1",
        "::1",
        "fe80::1%eth0",
        "::ffff:203.0.113.77",
        "2001:0db8:0000:0000:0000:0000:0000:0001",
    ],
)
def test_addresses_of_both_kinds_are_removed(address: str):
    for line in (f"from ip={address}: bad", f"('{address}', 51234)", f"[{address}]:8000 closed", f"peer {address}."):
        cleaned = scrub(line)
        assert address not in cleaned and ADDRESS_REMOVED in cleaned, cleaned


@pytest.mark.parametrize(
    "line", ["2026-12-01 12:39:11,123 INFO ok", "took 12:05 minutes", "version 5.2", "ratio 3:1 in favour"]
)
def test_times_and_ordinary_words_are_left_alone(line: str):
    assert scrub(line) == line


def test_query_strings_are_removed_and_paths_kept():
    assert scrub('"GET /en/search/?q=violence+help HTTP/1.1" 200') == '"GET /en/search/ HTTP/1.1" 200'
    assert scrub("Error handling request /en/?next=x&y=1") == "Error handling request /en/"
    assert scrub("Why? Because.") == "Why? Because."


def test_django_log_records_are_scrubbed_tracebacks_included():
    record = logging.LogRecord("django.server", logging.WARNING, __file__, 1, "%s from %s", ("GET /?q=x", "::1"), None)
    assert DropClientIdentifiers().filter(record)
    assert record.getMessage() == f"GET / from {ADDRESS_REMOVED}"
    try:
        raise ValueError("peer 2001:db8::7 sent /en/?q=secret")
    except ValueError:
        import sys

        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "boom", None, sys.exc_info())
    text = ScrubbingFormatter("%(message)s").format(record)
    assert "2001:db8::7" not in text and "secret" not in text and "Traceback" in text
