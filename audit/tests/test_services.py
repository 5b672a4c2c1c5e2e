import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from accounts.testing import UserFactory, all_audit_entries
from audit.checkpoints import checkpoints_read
from audit.models import AuditEntry
from audit.services import Action, audit_log, audit_verify, chain_verify, chains_verify
from audit.tests.tamper import without_triggers
from core.scopes import scope


@pytest.mark.django_db
def test_entries_record_who_what_and_when_but_no_content():
    user = UserFactory()
    entry = audit_log(actor=user, action=Action.READ, target=user)
    assert entry.actor_id == user.pk
    assert entry.target_type == "accounts.user" and entry.target_id == str(user.pk)
    field_names = {field.name for field in AuditEntry._meta.get_fields()}
    assert field_names == {
        "id",
        "chain",
        "seq",
        "at",
        "actor_id",
        "organisation_id",
        "action",
        "target_type",
        "target_id",
        "prev_hash",
        "hash",
    }


@pytest.mark.django_db
def test_each_organisation_has_its_own_chain():
    user = UserFactory()
    audit_log(actor=user, action=Action.READ, target_type="x", target_id="1", organisation_id=1)
    audit_log(actor=user, action=Action.READ, target_type="x", target_id="2", organisation_id=2)
    audit_log(actor=user, action=Action.READ, target_type="x", target_id="3", organisation_id=1)
    with scope(organisation=1):
        assert list(all_audit_entries().filter(chain="org:1").values_list("seq", flat=True)) == [1, 2]
    assert all(report.ok for report in chains_verify())


@pytest.mark.django_db
def test_the_log_refuses_changes_through_the_orm():
    entry = audit_log(actor=None, action=Action.READ, target_type="x", target_id="1")
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        all_audit_entries().filter(pk=entry.pk).update(action="delete")
    with pytest.raises(PermissionError):
        all_audit_entries().all().delete()


@pytest.mark.django_db
def test_verification_finds_a_changed_entry():
    for n in range(3):
        audit_log(actor=None, action=Action.READ, target_type="x", target_id=str(n))
    without_triggers(("UPDATE audit_auditentry SET target_id = 'other' WHERE seq = 2", []))
    report = chain_verify("platform")
    assert not report.ok
    assert any("entry 2: content was changed" in problem for problem in report.problems)


@pytest.mark.django_db
def test_verification_finds_a_removed_entry_and_a_cut_tail(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(4):
            audit_log(actor=None, action=Action.READ, target_type="x", target_id=str(n))
    without_triggers(("DELETE FROM audit_auditentry WHERE seq IN (2, 4)", []))
    problems = " ".join(next(chain for chain in audit_verify().chains if chain.chain == "platform").problems)
    assert "missing entries" in problems
    assert "removed from its end" in problems


@pytest.mark.django_db
def test_the_command_verifies_and_fails_on_tampering(capsys):
    audit_log(actor=None, action=Action.READ, target_type="x", target_id="1")
    call_command("verify_audit")
    assert "OK   platform: 1 entries" in capsys.readouterr().out
    without_triggers(("UPDATE audit_auditentry SET action = 'delete'", []))
    with pytest.raises(CommandError):
        call_command("verify_audit")


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_do_not_fork_the_chain():
    errors: list[Exception] = []

    def write(n: int) -> None:
        try:
            for i in range(10):
                audit_log(actor=None, action=Action.READ, target_type="x", target_id=f"{n}-{i}", organisation_id=1)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    report = next(chain for chain in audit_verify().chains if chain.chain == "org:1")
    assert report.ok, report.problems
    assert report.entries == 40
    assert checkpoints_read().latest["org:1"].seq == 40
