from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Organisation, User
from assembly import services
from assembly.models import Assembly, Majority, QuestionKind
from core.scopes import scope
from members.models import Member, MemberKind
from members.tests.helpers import make_member


@dataclass
class Setup:
    org: Organisation
    alice: User
    assembly: Assembly
    members: list[Member]
    codes: list[str]
    supporter: Member


def prepare(org: Organisation, alice: User, *, members: int = 4, quorum: int = 50, max_proxies: int = 1) -> Setup:
    made = [make_member(org, pseudonym=f"Member {i}") for i in range(members)]
    supporter, _code = make_member(org, pseudonym="Supporter", kind=MemberKind.SUPPORTING)
    with scope(organisation=org):
        assembly = services.assembly_create(
            organisation=org,
            actor=alice,
            title={"en": "General assembly", "nl": "Algemene vergadering", "fr": "Assemblée générale"},
            starts_at=timezone.now() + timedelta(days=3),
            place={"en": "Online"},
            introduction={},
            max_proxies=max_proxies,
            quorum_percent=quorum,
        )
        services.question_add(
            assembly=assembly,
            actor=alice,
            kind=QuestionKind.MOTION,
            title={"en": "Approve the annual report?"},
            description={},
            majority=Majority.SIMPLE,
        )
        services.question_add(
            assembly=assembly,
            actor=alice,
            kind=QuestionKind.ELECTION,
            title={"en": "New board"},
            description={},
            majority=Majority.SIMPLE,
            seats=1,
        )
    return Setup(org, alice, assembly, [m for m, _ in made], [c for _, c in made], supporter)


def open_vote(setup: Setup, candidates: int = 2) -> None:
    with scope(organisation=setup.org):
        services.assembly_announce(assembly=setup.assembly, actor=setup.alice)
        election = setup.assembly.questions.get(kind=QuestionKind.ELECTION)
        for member in setup.members[:candidates]:
            services.candidacy_stand(question=election, member=member, statement="I stand.")
        services.assembly_open(assembly=setup.assembly, actor=setup.alice)


@pytest.fixture
def setup(trio) -> Setup:  # type: ignore[no-untyped-def]
    return prepare(trio.org_a, trio.alice)
