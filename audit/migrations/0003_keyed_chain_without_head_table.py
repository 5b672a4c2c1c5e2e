"""Key the chain (HMAC under HAVEN_AUDIT_KEY) and let the database guard both audit tables.

1. The old triggers go, so that existing entries can be re-hashed once.
2. Every existing chain is checked with the old, unkeyed hash; a chain that does not verify stops the
   migration (nothing is re-keyed over a tampered chain). Then each chain is re-hashed with the key, and
   its head is written as the chain's first checkpoint once the migration commits.
3. New triggers, on both databases: entries are never updated or deleted. On SQLite, deletes are allowed
   only while ``haven_audit_unlocked()`` says so (the test suite's flush, see audit/maintenance.py); on
   PostgreSQL the test suite uses TRUNCATE, which the app role is not granted.
4. The chain-head table goes: a chain's head is its last entry, writers take a lock on the chain instead
   (audit.services._lock_chain), and the checkpoints catch a cut tail. So the application's role needs only
   SELECT and INSERT on the log.
"""

import hashlib
from datetime import UTC
from functools import partial

from django.db import migrations, transaction

from lib.migration_sql import vendor_sql

GENESIS = "0" * 64


def _legacy_hash(entry, prev_hash):
    fields = [
        entry.chain,
        str(entry.seq),
        entry.at.astimezone(UTC).isoformat(timespec="microseconds"),
        str(entry.actor_id or ""),
        str(entry.organisation_id or ""),
        entry.action,
        entry.target_type,
        entry.target_id,
        prev_hash,
    ]
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


def rekey(apps, schema_editor):
    from audit.checkpoints import checkpoint_after_commit
    from audit.services import entry_hash

    AuditEntry = apps.get_model("audit", "AuditEntry")
    try:
        ChainHead = apps.get_model("audit", "ChainHead")
    except LookupError:  # called with today's models (the tests): there is no head table to compare with
        ChainHead = None
    chains = set(AuditEntry.objects.values_list("chain", flat=True).distinct())
    for chain in sorted(chains):
        entries = list(AuditEntry.objects.filter(chain=chain).order_by("seq"))
        prev = GENESIS
        for number, entry in enumerate(entries, start=1):
            if entry.seq != number or entry.prev_hash != prev or _legacy_hash(entry, prev) != entry.hash:
                raise RuntimeError(f"Audit chain {chain} does not verify at entry {entry.seq}; not re-keying it.")
            prev = entry.hash
        head = ChainHead.objects.filter(chain=chain).first() if ChainHead is not None else None
        if head is not None and (head.seq != len(entries) or head.hash != prev):
            raise RuntimeError(f"Audit chain {chain} was cut at its end; not re-keying it.")
        prev = GENESIS
        for entry in entries:
            digest = entry_hash(
                chain=chain,
                seq=entry.seq,
                at=entry.at,
                actor_id=entry.actor_id,
                organisation_id=entry.organisation_id,
                action=entry.action,
                target_type=entry.target_type,
                target_id=entry.target_id,
                prev_hash=prev,
            )
            AuditEntry._base_manager.filter(pk=entry.pk).update(prev_hash=prev, hash=digest)
            prev = digest
        # The first checkpoint of the re-keyed chain, once the migration has committed.
        transaction.on_commit(partial(checkpoint_after_commit, chain=chain, seq=len(entries), hash=prev))


DROP_OLD_SQLITE = ["DROP TRIGGER IF EXISTS audit_entry_no_update;"]
DROP_OLD_POSTGRES = ["DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_auditentry;"]

_REFUSE = "SELECT RAISE(ABORT, 'the audit log is append-only');"
SQLITE = [
    f"CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_auditentry BEGIN {_REFUSE} END;",
    "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_auditentry WHEN NOT haven_audit_unlocked() "
    f"BEGIN {_REFUSE} END;",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS audit_entry_no_update;", "DROP TRIGGER IF EXISTS audit_entry_no_delete;"]
POSTGRES = [
    """CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_auditentry
       FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();""",
]
POSTGRES_REVERSE = ["DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_auditentry;"]


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]
    operations = [
        vendor_sql(
            postgres=DROP_OLD_POSTGRES, postgres_reverse=POSTGRES, sqlite=DROP_OLD_SQLITE, sqlite_reverse=SQLITE[:1]
        ),
        migrations.RunPython(rekey, migrations.RunPython.noop),
        vendor_sql(postgres=POSTGRES, postgres_reverse=POSTGRES_REVERSE, sqlite=SQLITE, sqlite_reverse=SQLITE_REVERSE),
        migrations.DeleteModel(name="ChainHead"),
    ]
