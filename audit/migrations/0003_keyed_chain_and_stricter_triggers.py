"""Key the chain (HMAC under HAVEN_AUDIT_KEY) and let the database guard both audit tables.

1. The old triggers go, so that existing entries can be re-hashed once.
2. Every existing chain is checked with the old, unkeyed hash; a chain that does not verify stops the
   migration (nothing is re-keyed over a tampered chain). Then each chain is re-hashed with the key, and
   its head is written as the chain's first checkpoint once the migration commits.
3. New triggers, on both databases: entries are never updated or deleted; a chain head starts empty, is
   never deleted, and only moves forward one entry at a time, to an entry that exists with that hash.
   On SQLite, deletes are allowed only while ``haven_audit_unlocked()`` says so (the test suite's flush,
   see audit/maintenance.py); on PostgreSQL the test suite uses TRUNCATE, which the app role is not granted.
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
    ChainHead = apps.get_model("audit", "ChainHead")
    chains = set(AuditEntry.objects.values_list("chain", flat=True).distinct())
    for chain in sorted(chains):
        entries = list(AuditEntry.objects.filter(chain=chain).order_by("seq"))
        prev = GENESIS
        for number, entry in enumerate(entries, start=1):
            if entry.seq != number or entry.prev_hash != prev or _legacy_hash(entry, prev) != entry.hash:
                raise RuntimeError(f"Audit chain {chain} does not verify at entry {entry.seq}; not re-keying it.")
            prev = entry.hash
        head = ChainHead.objects.filter(chain=chain).first()
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
        ChainHead.objects.update_or_create(chain=chain, defaults={"seq": len(entries), "hash": prev})
        # The first checkpoint of the re-keyed chain, once the migration has committed.
        transaction.on_commit(partial(checkpoint_after_commit, chain=chain, seq=len(entries), hash=prev))


DROP_OLD_SQLITE = ["DROP TRIGGER IF EXISTS audit_entry_no_update;"]
DROP_OLD_POSTGRES = ["DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_auditentry;"]

_REFUSE = "SELECT RAISE(ABORT, 'the audit log is append-only');"
_HEAD_MOVES = (
    "NEW.chain <> OLD.chain OR NEW.seq <> OLD.seq + 1 OR NOT EXISTS (SELECT 1 FROM audit_auditentry e "
    "WHERE e.chain = NEW.chain AND e.seq = NEW.seq AND e.hash = NEW.hash)"
)
SQLITE = [
    f"CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_auditentry BEGIN {_REFUSE} END;",
    "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_auditentry WHEN NOT haven_audit_unlocked() "
    f"BEGIN {_REFUSE} END;",
    "CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_chainhead WHEN NOT haven_audit_unlocked() "
    f"BEGIN {_REFUSE} END;",
    f"CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_chainhead WHEN {_HEAD_MOVES} "
    "BEGIN SELECT RAISE(ABORT, 'an audit chain head only moves forward to its newest entry'); END;",
    f"CREATE TRIGGER audit_head_starts_empty BEFORE INSERT ON audit_chainhead WHEN NEW.seq <> 0 OR NEW.hash <> '{GENESIS}' "
    "BEGIN SELECT RAISE(ABORT, 'an audit chain starts empty'); END;",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_entry_no_update;",
    "DROP TRIGGER IF EXISTS audit_entry_no_delete;",
    "DROP TRIGGER IF EXISTS audit_head_no_delete;",
    "DROP TRIGGER IF EXISTS audit_head_forward_only;",
    "DROP TRIGGER IF EXISTS audit_head_starts_empty;",
    f"CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_auditentry BEGIN {_REFUSE} END;",
]

POSTGRES = [
    """CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_auditentry
       FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();""",
    f"""CREATE OR REPLACE FUNCTION audit_head_guard() RETURNS trigger AS $$
       BEGIN
         IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'the audit log is append-only'; END IF;
         IF TG_OP = 'INSERT' THEN
           IF NEW.seq <> 0 OR NEW.hash <> '{GENESIS}' THEN RAISE EXCEPTION 'an audit chain starts empty'; END IF;
           RETURN NEW;
         END IF;
         IF {_HEAD_MOVES} THEN
           RAISE EXCEPTION 'an audit chain head only moves forward to its newest entry';
         END IF;
         RETURN NEW;
       END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER audit_head_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_chainhead
       FOR EACH ROW EXECUTE FUNCTION audit_head_guard();""",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_head_guard ON audit_chainhead;",
    "DROP FUNCTION IF EXISTS audit_head_guard();",
    "DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_auditentry;",
    """CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_auditentry
       FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();""",
]


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]
    operations = [
        vendor_sql(postgres=DROP_OLD_POSTGRES, postgres_reverse=[], sqlite=DROP_OLD_SQLITE, sqlite_reverse=[]),
        migrations.RunPython(rekey, migrations.RunPython.noop),
        vendor_sql(postgres=POSTGRES, postgres_reverse=POSTGRES_REVERSE, sqlite=SQLITE, sqlite_reverse=SQLITE_REVERSE),
    ]
