"""Data migrations of the planner: rows made before a change keep what they meant."""

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("plans", "0001_initial")]
AFTER = [("plans", "0002_share_expiry_as_a_day")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_a_share_made_before_expiry_became_a_day_keeps_the_day_it_expired_in_brussels():
    old = _migrate(BEFORE)
    space = old.get_model("plans", "Space").objects.create(
        lookup="l",
        salt="s",
        kdf="k",
        passphrase_wrapped="w",
        recovery_lookup="r",
        recovery_salt="s",
        recovery_kdf="k",
        recovery_wrapped="w",
    )
    old.get_model("plans", "Share").objects.create(
        space_id=space.pk,
        lookup="x",
        salt="s",
        kdf="k",
        details="d",
        expires_at=datetime(2026, 12, 8, 23, 30, 15, 123456, tzinfo=UTC),  # 00:30 on the 9th in Brussels
    )
    new = _migrate(AFTER)
    assert new.get_model("plans", "Share").objects.get().expires_on == date(2026, 12, 9)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
