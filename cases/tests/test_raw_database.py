"""What a copy of the database shows of a case file: no name, note or document content (SQLite file or pg_dump)."""

from __future__ import annotations

import pytest

from accounts.testing import make_trio
from cases.testing import MARKER, make_case
from conftest import load_all_content
from core.testing import raw_database_dump


@pytest.mark.django_db(transaction=True)
def test_no_case_text_reaches_the_database_in_clear():
    load_all_content()
    trio = make_trio()
    make_case(trio.org_a, trio.bob, receiver=trio.org_b)
    dump = raw_database_dump()
    assert b"C-0001" in dump  # the reference is in clear: the dump is readable
    assert MARKER.encode() not in dump
    assert b"Jade" not in dump
