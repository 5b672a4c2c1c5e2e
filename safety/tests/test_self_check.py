"""The trafficking self-check stores nothing: no row, no session, no cookie."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/en/safety/self-check/", "/nl/safety/self-check/someone-else/"])
def test_answers_are_counted_and_forgotten(path: str):
    client = Client(enforce_csrf_checks=True)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(path, {"sign": ["papers", "debt", "nonsense"]})
    assert response.status_code == 200
    assert not [q for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))]
    assert not response.cookies
    page = response.content.decode()
    assert "PAG-ASA" in page and "Payoke" in page and "Sürya" in page
    assert "+32 78 05 58 00" in page or "078 055 800" in page
    assert 'value="papers" checked' not in page  # nothing is filled back in either


def test_the_self_check_names_its_sources_and_date(client: Client):
    page = client.get("/fr/safety/self-check/").content.decode()
    assert "pag-asa.be" in page and "wcms_105023" in page
    assert "2026-11-23" in page
