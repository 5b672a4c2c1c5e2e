"""Fixtures for the planner's tests: cheap key derivation, and a signed-in plan."""

from __future__ import annotations

import pytest
from django.test import Client

from plans import keys
from plans.tests.helpers import PASSPHRASE, PSEUDONYM, PlanClient, make_plan


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "real_kdf: keep the production Argon2id parameters")


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """Argon2id at its smallest cost: the tests check behaviour; bench/plan_kdf.py checks the real cost."""
    if not request.node.get_closest_marker("real_kdf"):
        monkeypatch.setattr(keys, "KDF", keys.KdfParams(time_cost=1, memory_kib=64, parallelism=1))


@pytest.fixture
def plan(db: None) -> PlanClient:
    """A browser with a freshly made plan, signed in."""
    return make_plan(Client(), pseudonym=PSEUDONYM, passphrase=PASSPHRASE)


@pytest.fixture
def vocabulary(db: None) -> None:
    """Life domains and regions, as `make run` loads them."""
    from vocabulary.services import vocabulary_load

    vocabulary_load()
