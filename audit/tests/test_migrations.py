"""The migration that keys the chain: it re-keys intact chains and refuses to re-key a tampered one."""

import hashlib
import importlib
from datetime import UTC

import pytest
from django.apps import apps
from django.utils import timezone

from accounts.testing import all_audit_entries
from audit.services import chain_verify
from audit.tests.tamper import triggers_off, without_triggers
from core.scopes import all_organisations

rekey_migration = importlib.import_module("audit.migrations.0003_keyed_chain_without_head_table")


def _legacy_chain(chain: str, n: int) -> None:
    """A chain as the unkeyed version wrote it (plain SHA-256)."""
    prev = "0" * 64
    rows = []
    for seq in range(1, n + 1):
        at = timezone.now()
        fields = [chain, str(seq), at.astimezone(UTC).isoformat(timespec="microseconds"), "", "", "read", "x", str(seq)]
        digest = hashlib.sha256("\x1f".join([*fields, prev]).encode()).hexdigest()
        rows.append((chain, seq, at, "read", "x", str(seq), prev, digest))
        prev = digest
    statements = [
        (
            "INSERT INTO audit_auditentry (chain, seq, at, actor_id, organisation_id, action, target_type, target_id, "
            "prev_hash, hash) VALUES (%s, %s, %s, NULL, NULL, %s, %s, %s, %s, %s)",
            list(row),
        )
        for row in rows
    ]
    without_triggers(*statements)


@pytest.mark.django_db
def test_intact_chains_are_rekeyed_and_then_verify():
    _legacy_chain("platform", 3)
    assert not chain_verify("platform").ok  # the keyed verifier does not accept unkeyed hashes
    # As the migration drops the triggers before re-keying; today's models need a scope, historical ones do not.
    with triggers_off(), all_organisations(reason="test of the re-keying migration"):
        rekey_migration.rekey(apps, None)
    assert chain_verify("platform").ok
    assert all_audit_entries().filter(chain="platform").count() == 3


@pytest.mark.django_db
def test_a_tampered_chain_stops_the_migration():
    _legacy_chain("org:2", 3)
    without_triggers(("UPDATE audit_auditentry SET target_id = 'other' WHERE seq = 2", []))
    with (
        pytest.raises(RuntimeError, match="does not verify at entry 2"),
        triggers_off(),
        all_organisations(reason="test of the re-keying migration"),
    ):
        rekey_migration.rekey(apps, None)
    assert all_audit_entries().filter(chain="org:2").count() == 3
