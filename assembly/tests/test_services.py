"""Preparing, voting online, in the room and by proxy, closing and publishing; the rules of the count."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from assembly import services, tally
from assembly.models import Ballot, OptionRole, Participation, QuestionKind, Receipt, Status
from assembly.tests.conftest import open_vote, prepare
from core.scopes import scope


def _motion(setup):  # type: ignore[no-untyped-def]
    return setup.assembly.questions.get(kind=QuestionKind.MOTION)


@pytest.mark.django_db
def test_a_whole_assembly_online_in_the_room_and_by_proxy(setup):
    open_vote(setup)
    m = setup.members
    with scope(organisation=setup.org):
        a = setup.assembly
        assert a.status == Status.OPEN and a.eligible_count == 4  # the supporting member has no vote
        motion = _motion(setup)
        yes, no = motion.options.get(role=OptionRole.YES), motion.options.get(role=OptionRole.NO)
        services.ballot_cast(question=motion, option=yes, member=m[0])
        services.ballot_cast(question=motion, option=no, member=m[1])
        with pytest.raises(services.AlreadyVoted):
            services.ballot_cast(question=motion, option=yes, member=m[0])
        with pytest.raises(ValidationError):  # 2 voted online: at most 2 of the 4 can vote in the room
            services.room_present_set(assembly=a, present=3, actor=setup.alice)
        services.room_present_set(assembly=a, present=2, actor=setup.alice)
        services.room_counts_set(question=motion, counts={yes.pk: 2}, actor=setup.alice)
        with pytest.raises(ValidationError):
            services.room_counts_set(question=motion, counts={yes.pk: 2, no.pk: 1}, actor=setup.alice)
        services.assembly_close(assembly=a, actor=setup.alice)
        motion.refresh_from_db()
        result = motion.result
    assert result["outcome"] == "adopted"
    assert result["online_ballots"] == 2 and result["room_votes"] == 2 and result["consistent"]
    totals = {line["role"]: line["total"] for line in result["options"]}
    assert totals == {"yes": 3, "no": 1, "abstain": 0}


@pytest.mark.django_db
def test_only_active_members_vote(setup):
    open_vote(setup)
    with scope(organisation=setup.org):
        motion = _motion(setup)
        with pytest.raises(services.VoteRefused):
            services.ballot_cast(question=motion, option=motion.options.first(), member=setup.supporter)
        assert not Participation.objects.exists()


@pytest.mark.django_db
def test_nobody_votes_before_opening_or_after_closing(setup):
    with scope(organisation=setup.org):
        motion = _motion(setup)
        with pytest.raises(services.VoteRefused):
            services.ballot_cast(question=motion, option=motion.options.first(), member=setup.members[0])
    open_vote(setup)
    with scope(organisation=setup.org):
        services.assembly_close(assembly=setup.assembly, actor=setup.alice)
        with pytest.raises(services.VoteRefused):
            services.ballot_cast(question=motion, option=motion.options.first(), member=setup.members[0])


@pytest.mark.django_db
def test_proxies_are_limited_checked_and_used_once(trio):
    setup = prepare(trio.org_a, trio.alice, members=5, max_proxies=1)
    m = setup.members
    with scope(organisation=setup.org):
        a = setup.assembly
        services.proxy_record(assembly=a, giver=m[1], holder=m[0], actor=setup.alice)
        with pytest.raises(ValidationError, match="most allowed"):
            services.proxy_record(assembly=a, giver=m[2], holder=m[0], actor=setup.alice)
        with pytest.raises(ValidationError):  # no chains: a holder gives none
            services.proxy_record(assembly=a, giver=m[0], holder=m[3], actor=setup.alice)
        with pytest.raises(ValidationError):  # only active members
            services.proxy_record(assembly=a, giver=setup.supporter, holder=m[3], actor=setup.alice)
    open_vote(setup)
    with scope(organisation=setup.org):
        motion = _motion(setup)
        yes = motion.options.get(role=OptionRole.YES)
        with pytest.raises(services.VoteRefused):  # the giver's vote is the holder's to cast
            services.ballot_cast(question=motion, option=yes, member=m[1])
        with pytest.raises(services.VoteRefused):  # no proxy from m[2]
            services.ballot_cast(question=motion, option=yes, member=m[0], voter=m[2])
        services.ballot_cast(question=motion, option=yes, member=m[0], voter=m[1])
        services.ballot_cast(question=motion, option=yes, member=m[0])
        with pytest.raises(services.AlreadyVoted):
            services.ballot_cast(question=motion, option=yes, member=m[0], voter=m[1])
        assert Participation.objects.filter(by_proxy=True).count() == 1


@pytest.mark.django_db
def test_candidacies_become_options_and_the_election_is_counted(setup):
    open_vote(setup, candidates=2)
    with scope(organisation=setup.org):
        election = setup.assembly.questions.get(kind=QuestionKind.ELECTION)
        candidates = list(election.options.filter(role=OptionRole.CANDIDATE))
        assert sorted(o.label for o in candidates) == ["Member 0", "Member 1"]
        for voter in setup.members[:3]:
            services.ballot_cast(question=election, option=candidates[0], member=voter)
        services.assembly_close(assembly=setup.assembly, actor=setup.alice)
        election.refresh_from_db()
    assert election.result["elected"] == [candidates[0].pk]


@pytest.mark.django_db
def test_without_quorum_nothing_is_decided(trio):
    setup = prepare(trio.org_a, trio.alice, members=4, quorum=75)
    open_vote(setup)
    with scope(organisation=setup.org):
        motion = _motion(setup)
        services.ballot_cast(question=motion, option=motion.options.get(role=OptionRole.YES), member=setup.members[0])
        services.assembly_close(assembly=setup.assembly, actor=setup.alice)
        motion.refresh_from_db()
    assert motion.result["outcome"] == "no_quorum" and motion.result["quorum_needed"] == 3


@pytest.mark.django_db
def test_the_agenda_and_questions_are_fixed_once_voting_opens(setup):
    open_vote(setup)
    with scope(organisation=setup.org), pytest.raises(ValidationError):
        services.agenda_item_add(assembly=setup.assembly, actor=setup.alice, title={"en": "Late"}, body={})


@pytest.mark.django_db
def test_closing_writes_ballots_and_receipts_again_with_new_keys(setup):
    open_vote(setup)
    with scope(organisation=setup.org):
        motion = _motion(setup)
        for member in setup.members:
            services.ballot_cast(question=motion, option=motion.options.get(role=OptionRole.YES), member=member)
        before = set(Ballot.objects.values_list("id", flat=True)) | set(Receipt.objects.values_list("id", flat=True))
        hashes = set(Receipt.objects.values_list("tracker_hash", flat=True))
        services.assembly_close(assembly=setup.assembly, actor=setup.alice)
        after = set(Ballot.objects.values_list("id", flat=True)) | set(Receipt.objects.values_list("id", flat=True))
        assert not before & after
        assert set(Receipt.objects.values_list("tracker_hash", flat=True)) == hashes
        assert Ballot.objects.count() == 4


@pytest.mark.parametrize(
    ("yes", "no", "abstain", "majority", "adopted"),
    [
        (3, 2, 10, "simple", True),
        (3, 3, 0, "simple", False),
        (3, 2, 10, "absolute", False),
        (6, 2, 3, "absolute", True),
        (4, 2, 0, "two_thirds", True),
        (3, 2, 0, "two_thirds", False),
    ],
)
def test_majority_rules(yes, no, abstain, majority, adopted):
    assert tally.motion_adopted(yes=yes, no=no, abstain=abstain, majority=majority) is adopted


def test_a_tie_for_the_last_seat_is_left_to_the_assembly():
    lines = [
        tally.Line(1, "candidate", "A", 3, 0),
        tally.Line(2, "candidate", "B", 2, 0),
        tally.Line(3, "candidate", "C", 2, 0),
    ]
    result = tally.count(
        kind="election",
        majority="simple",
        seats=2,
        lines=lines,
        participations=7,
        receipts=7,
        eligible=10,
        quorum_percent=0,
    )
    assert result["elected"] == [1] and result["tie"] is True
