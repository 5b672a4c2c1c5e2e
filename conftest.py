"""Test-wide fixtures: the live-server browser, database checks, and the PostgreSQL rule for CI."""

from __future__ import annotations

import os

import pytest
from django.db import connection

# Playwright's sync API runs an event loop in the test thread; the ORM calls we make around it are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def on_postgres() -> bool:
    return connection.vendor == "postgresql"


@pytest.fixture(autouse=True)
def _postgres_only(request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("postgres") and not on_postgres():
        pytest.skip("only meaningful on PostgreSQL (set DATABASE_URL)")


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    from django.core.cache import cache

    from core.pagecache import PAGES
    from search.engines.base import lexicon_forget

    cache.clear()
    lexicon_forget()
    PAGES.clear()  # pages rendered from another test's rows


@pytest.fixture
def trio(db: None):  # type: ignore[no-untyped-def]
    """Alice (admin of A, owner), Bob (caseworker of A, colleague), Charlie (admin of B, outsider)."""
    from accounts.testing import make_trio

    return make_trio()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """Load the bundled content (vocabulary, knowledge, directory) once into the test database.

    Tests that flush the database (``transaction=True``) run last and load what they need themselves."""
    from core.content import loaders

    with django_db_blocker.unblock():
        for loader in loaders():
            loader.load()


def load_all_content() -> None:
    from core.content import loaders

    for loader in loaders():
        loader.load()
