"""One vote per member per question, held by the database under concurrent submissions (PostgreSQL)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from accounts.testing import make_trio
from assembly import services
from assembly.models import Ballot, OptionRole, Participation, QuestionKind, Receipt
from assembly.tests.conftest import open_vote, prepare
from core.scopes import scope

WRITERS = 12


def _race(target, count: int) -> tuple[list[str], list[Exception]]:  # type: ignore[no-untyped-def]
    barrier = threading.Barrier(count)
    trackers: list[str] = []
    errors: list[Exception] = []

    def run(n: int) -> None:
        try:
            barrier.wait()
            trackers.append(target(n))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return trackers, errors


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_many_concurrent_submissions_of_one_member_count_once():
    trio = make_trio()
    setup = prepare(trio.org_a, trio.alice, members=WRITERS)
    open_vote(setup)
    with scope(organisation=setup.org):
        motion = setup.assembly.questions.get(kind=QuestionKind.MOTION)
        options = list(motion.options.all())
    member = setup.members[0]

    def cast(n: int) -> str:
        with scope(organisation=setup.org):
            return services.ballot_cast(question=motion, option=options[n % len(options)], member=member)

    trackers, errors = _race(cast, WRITERS)
    assert len(trackers) == 1
    assert len(errors) == WRITERS - 1 and all(isinstance(e, services.AlreadyVoted) for e in errors)
    with scope(organisation=setup.org):
        assert Participation.objects.count() == Ballot.objects.count() == Receipt.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_many_members_voting_at_once_are_all_counted():
    trio = make_trio()
    setup = prepare(trio.org_a, trio.alice, members=WRITERS)
    open_vote(setup)
    with scope(organisation=setup.org):
        motion = setup.assembly.questions.get(kind=QuestionKind.MOTION)
        yes = motion.options.get(role=OptionRole.YES)

    def cast(n: int) -> str:
        with scope(organisation=setup.org):
            return services.ballot_cast(question=motion, option=yes, member=setup.members[n])

    trackers, errors = _race(cast, WRITERS)
    assert not errors and len(set(trackers)) == WRITERS
    with scope(organisation=setup.org):
        assert Participation.objects.count() == Ballot.objects.count() == Receipt.objects.count() == WRITERS
