"""A keyed chain and signed checkpoints outside the database: a cut tail or a re-computed hash shows."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from audit.checkpoints import checkpoint_path, checkpoints_read
from audit.models import AuditEntry
from audit.services import Action, audit_log, audit_verify, chain_verify, entry_hash
from audit.tests.tamper import without_triggers


def _append(n: int, *, organisation_id: int | None = None) -> list[AuditEntry]:
    return [
        audit_log(actor=None, action=Action.READ, target_type="x", target_id=str(i), organisation_id=organisation_id)
        for i in range(n)
    ]


@pytest.mark.django_db
def test_each_commit_writes_a_signed_checkpoint_of_the_head(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entries = _append(3)
    latest = checkpoints_read().latest["platform"]
    assert (latest.seq, latest.hash) == (3, entries[-1].hash)
    lines = checkpoint_path().read_text().splitlines()
    assert len(lines) == 3 and all("mac" in json.loads(line) for line in lines)


@pytest.mark.django_db
def test_a_rolled_back_entry_leaves_no_checkpoint(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _append(1)
    assert callbacks  # would be written on commit; never run here, as after a rollback
    assert not checkpoint_path().exists()


@pytest.mark.django_db
def test_cutting_the_last_entries_and_the_head_fails_verification(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entries = _append(4, organisation_id=3)
    assert chain_verify("org:3", checkpoints_read().latest["org:3"]).ok
    # The attacker removes entries 3 and 4: what is left is a perfect chain, ending at entry 2.
    without_triggers(("DELETE FROM audit_auditentry WHERE chain = 'org:3' AND seq > 2", []))
    assert chain_verify("org:3").ok  # without the checkpoint, nothing shows
    assert entries[1].seq == 2
    report = audit_verify()
    assert not report.ok
    problems = " ".join(next(chain for chain in report.chains if chain.chain == "org:3").problems)
    assert "reached entry 4, but it ends at 2" in problems
    with pytest.raises(CommandError):
        call_command("verify_audit")


@pytest.mark.django_db
def test_deleting_a_whole_chain_fails_verification(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _append(2, organisation_id=4)
    without_triggers(("DELETE FROM audit_auditentry WHERE chain = 'org:4'", []))
    report = audit_verify()
    assert [chain.chain for chain in report.chains if not chain.ok] == ["org:4"]


@pytest.mark.django_db
def test_a_changed_entry_cannot_be_given_a_matching_hash_without_the_key(settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entries = _append(2)
    first = entries[0]
    # The attacker knows the hash function but not HAVEN_AUDIT_KEY, so uses another key to recompute.
    settings.HAVEN_AUDIT_KEY = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE="
    forged = entry_hash(
        chain="platform",
        seq=1,
        at=first.at,
        actor_id=None,
        organisation_id=None,
        action=Action.DELETE,
        target_type="x",
        target_id="0",
        prev_hash=first.prev_hash,
    )
    settings.HAVEN_AUDIT_KEY = "ZGV2ZWxvcG1lbnQtYW5kLXRlc3QtYXVkaXQta2V5ISE="
    without_triggers(
        ("UPDATE audit_auditentry SET action = 'delete', hash = %s WHERE chain = 'platform' AND seq = 1", [forged])
    )
    problems = " ".join(chain_verify("platform").problems)
    assert "entry 1: content was changed" in problems


@pytest.mark.django_db
def test_a_rewritten_chain_differs_from_its_checkpoint(django_capture_on_commit_callbacks):
    """Even someone who could recompute every hash is caught at the checkpoint's entry."""
    with django_capture_on_commit_callbacks(execute=True):
        _append(2)
    without_triggers(("UPDATE audit_auditentry SET hash = %s WHERE chain = 'platform' AND seq = 2", ["f" * 64]))
    report = audit_verify()
    assert any("differs from its checkpoint" in problem for chain in report.chains for problem in chain.problems)


@pytest.mark.django_db
def test_a_checkpoint_line_without_a_valid_signature_is_reported(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _append(1)
    line = json.loads(checkpoint_path().read_text())
    forged = {**line, "seq": 1, "mac": "0" * 64}
    with checkpoint_path().open("a") as file:
        file.write(json.dumps(forged) + "\nnot json\n")
    report = audit_verify()
    assert report.problems == [
        "checkpoint line 2 is not signed with the audit key",
        "checkpoint line 3 cannot be read",
    ]


@pytest.mark.django_db
def test_the_command_passes_on_an_intact_log(capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _append(2)
    call_command("verify_audit")
    assert "OK   platform: 2 entries" in capsys.readouterr().out


@pytest.mark.django_db
def test_the_log_streams_copy_of_the_checkpoints_verifies_too(tmp_path, caplog, django_capture_on_commit_callbacks):
    """If the file is lost or rewritten, the checkpoints shipped with the logs still catch a cut tail."""
    with caplog.at_level("INFO", logger="haven.audit"), django_capture_on_commit_callbacks(execute=True):
        entries = _append(3)
    archive = tmp_path / "haven.log"
    archive.write_text("".join(f"2026-12-01 INFO haven.audit {record.getMessage()}\n" for record in caplog.records))
    checkpoint_path().unlink()
    without_triggers(("DELETE FROM audit_auditentry WHERE seq = 3", []))
    assert len(entries) == 3
    with pytest.raises(CommandError):
        call_command("verify_audit", "--checkpoints", str(archive))
    assert not audit_verify(archive).ok
