"""The secret ballot: no table and no log links a member to a choice; a receipt proves inclusion, never the choice.

See docs/elections.md for the design and its limits."""

from __future__ import annotations

import json
import logging
import re

import pytest
from django.apps import apps
from django.db import connection, models
from django.test import Client

from accounts.testing import all_audit_entries, sign_in
from assembly import services, trackers
from assembly.models import Ballot, OptionRole, Participation, QuestionKind, Receipt
from assembly.tests.conftest import open_vote, prepare
from core.scopes import scope
from members.models import Member
from members.tests.helpers import member_sign_in

TRACKER = re.compile(r"data-tracker><strong>([0-9A-Z-]+)</strong>")


def _vote(client: Client, setup, question, option) -> str:  # type: ignore[no-untyped-def]
    url = f"/en/assembly/{setup.org.slug}/{setup.assembly.pk}/vote/{question.pk}/"
    response = client.post(url, {f"q{question.pk}-option": option.pk})
    assert response.status_code == 200, response.content.decode()[:500]
    found = TRACKER.findall(response.content.decode())
    assert found, response.content.decode()[:3000]
    return found[0]


def _all_rows() -> dict[str, list[str]]:
    """Every row of every table, as text, read with plain SQL (no scope, no model)."""
    rows: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            rows[table] = [" ".join(str(v) for v in row) for row in cursor.fetchall()]
    return rows


def test_no_model_has_both_a_member_and_a_choice():
    """Schema: whatever names a member names no option, ballot or receipt; ballots and receipts name nobody and
    carry no time and no sequential id."""
    choice_models = {apps.get_model("assembly", name) for name in ("Option", "Ballot", "Receipt")}
    for model in apps.get_models():
        targets = {f.related_model for f in model._meta.get_fields() if f.is_relation and f.concrete}
        if Member in targets:
            assert not targets & choice_models, model
    for model in (Ballot, Receipt, Participation):
        fields = model._meta.concrete_fields
        assert isinstance(model._meta.pk, models.UUIDField), model
        assert not [f for f in fields if isinstance(f, models.DateField | models.DateTimeField | models.TimeField)]
        related = {f.related_model for f in fields if f.is_relation}
        assert Participation not in related and Ballot not in related and Receipt not in related
    assert Member not in {f.related_model for f in Ballot._meta.concrete_fields if f.is_relation}
    assert Member not in {f.related_model for f in Receipt._meta.concrete_fields if f.is_relation}


@pytest.mark.django_db
def test_after_voting_no_table_and_no_log_links_a_member_to_a_choice(trio, caplog):
    setup = prepare(trio.org_a, trio.alice, members=4)
    open_vote(setup)
    with scope(organisation=setup.org):
        motion = setup.assembly.questions.get(kind=QuestionKind.MOTION)
        options = {o.role: o for o in motion.options.all()}
    clients = []
    for code in setup.codes:
        clients.append(Client())
        member_sign_in(clients[-1], setup.org, code)
    audit_before = len(all_audit_entries())
    caplog.set_level(logging.DEBUG)
    chosen = ["yes", "no", "yes", "abstain"]
    issued = [_vote(client, setup, motion, options[role]) for client, role in zip(clients, chosen, strict=True)]
    # No audit entry for a vote: the audit log records staff actions, never who voted or what.
    assert len(all_audit_entries()) == audit_before
    rows = _all_rows()
    everything = "\n".join("\n".join(r) for r in rows.values())
    logs = "\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records)
    for tracker in issued:
        assert tracker not in everything and tracker not in logs  # trackers are never stored or logged
        digest = trackers.tracker_hash(tracker)
        assert [t for t, r in rows.items() if any(digest in line for line in r)] == ["assembly_receipt"]
        assert digest not in logs
    with scope(organisation=setup.org):
        ballot_ids = [str(b.pk) for b in Ballot.objects.all()] + [b.pk.hex for b in Ballot.objects.all()]
        member_ids = [str(m.pk) for m in setup.members] + [m.pk.hex for m in setup.members]
    for ballot_id in ballot_ids:
        assert [t for t, r in rows.items() if any(ballot_id in line for line in r)] in ([], ["assembly_ballot"])
    # Rows naming a voter (participations, sessions, members...) are never in the ballot or receipt tables.
    for member_id in member_ids:
        holding = {t for t, r in rows.items() if any(member_id in line for line in r)}
        assert not holding & {"assembly_ballot", "assembly_receipt", "assembly_option"}
    assert "assembly" not in {r.name.split(".")[0] for r in caplog.records}
    assert not any("ballot" in r.getMessage().lower() for r in caplog.records)


def _public_view(client: Client, org: str, pk: int, receipt: str) -> str:
    """What a coercer can see: the published results and bulletin, with the voter's receipt marked, ids removed."""
    data = json.loads(client.get(f"/en/assembly/{org}/{pk}/results.json").content)
    mine = trackers.tracker_hash(receipt)
    for question in data["questions"]:
        question["receipts"] = sorted("mine" if h == mine else "other" for h in question["receipts"])
        question["question"] = None
        for option in question["result"]["options"]:
            option["id"] = None
        question["result"]["elected"] = []
    data["assembly"] = None
    return json.dumps(data, sort_keys=True)


@pytest.mark.django_db
def test_a_receipt_and_everything_public_do_not_tell_the_choice(trio):
    """Two assemblies with the same members: Member 0 votes yes in the first and no in the second, Member 1 the
    other way round. Member 0's receipt plus all that is published look exactly the same in both: whoever holds
    the receipt cannot tell which way Member 0 voted."""
    setup = prepare(trio.org_a, trio.alice, members=2, quorum=0)
    other = prepare(trio.org_a, trio.alice, members=0, quorum=0)
    other.members, other.codes = setup.members, setup.codes
    views = []
    for current, first, second in ((setup, "yes", "no"), (other, "no", "yes")):
        open_vote(current, candidates=1)
        with scope(organisation=current.org):
            motion = current.assembly.questions.get(kind=QuestionKind.MOTION)
            options = {o.role: o for o in motion.options.all()}
            receipt = services.ballot_cast(question=motion, option=options[first], member=current.members[0])
            services.ballot_cast(question=motion, option=options[second], member=current.members[1])
            services.assembly_close(assembly=current.assembly, actor=trio.alice)
        views.append(_public_view(Client(), current.org.slug, current.assembly.pk, receipt))
    assert views[0] == views[1]
    assert '"mine"' in views[0]


@pytest.mark.django_db
def test_a_voter_checks_their_receipt_and_anyone_checks_the_totals(trio):
    setup = prepare(trio.org_a, trio.alice, members=3, quorum=0)
    open_vote(setup)
    with scope(organisation=setup.org):
        motion = setup.assembly.questions.get(kind=QuestionKind.MOTION)
        yes = motion.options.get(role=OptionRole.YES)
    voter = Client()
    member_sign_in(voter, setup.org, setup.codes[0])
    tracker = _vote(voter, setup, motion, yes)
    page = voter.get(f"/en/assembly/{setup.org.slug}/{setup.assembly.pk}/").content.decode()
    assert "Your vote is in" in page
    with scope(organisation=setup.org):
        services.ballot_cast(question=motion, option=motion.options.get(role=OptionRole.NO), member=setup.members[1])
    results = f"/en/assembly/{setup.org.slug}/{setup.assembly.pk}/results/"
    assert Client().get(results).status_code == 404  # published only when the vote closes
    staff = Client()
    sign_in(staff, trio.alice)
    staff.post(f"/en/assembly/manage/{setup.org.slug}/{setup.assembly.pk}/status/", {"action": "close"})
    anyone = Client()
    page = anyone.post(results, {"tracker": tracker.lower().replace("-", " ")}).content.decode()
    assert 'data-check="found"' in page and 'data-consistent="yes"' in page
    assert 'data-check="missing"' in anyone.post(results, {"tracker": "0" * 28}).content.decode()
    assert "errorlist" in anyone.post(results, {"tracker": "nonsense"}).content.decode()
    data = json.loads(anyone.get(results.replace("results/", "results.json")).content)
    motion_data = next(q for q in data["questions"] if q["kind"] == "motion")
    assert len(motion_data["receipts"]) == motion_data["result"]["online_ballots"] == 2
    assert sum(o["online"] for o in motion_data["result"]["options"]) == 2
    assert trackers.tracker_hash(tracker) in motion_data["receipts"]
    assert "yes" not in json.dumps(motion_data["receipts"])  # the bulletin holds hashes only
