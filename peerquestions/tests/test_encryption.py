"""Questions, answers and candidates' statements are encrypted at rest (raw SQLite file or pg_dump)."""

from __future__ import annotations

import pytest

MARKER = "zq-peer-question-marker-7c4"
STATEMENT = "zq-candidacy-marker-19e"


@pytest.mark.django_db(transaction=True)
def test_questions_answers_and_statements_are_not_in_the_raw_database():
    from accounts.testing import make_trio
    from assembly.models import QuestionKind
    from assembly.services import assembly_announce, candidacy_stand
    from assembly.tests.conftest import prepare
    from core.scopes import scope
    from core.testing import raw_database_dump
    from peerquestions import services

    trio = make_trio()
    with scope(organisation=trio.org_a):
        question, _code = services.question_ask(organisation=trio.org_a, body=f"{MARKER} question", language="en")
        services.answer_write(question=question, body=f"{MARKER} answer", author=trio.bob)
    setup = prepare(trio.org_a, trio.alice, members=1)
    with scope(organisation=trio.org_a):
        assembly_announce(assembly=setup.assembly, actor=trio.alice)
        election = setup.assembly.questions.get(kind=QuestionKind.ELECTION)
        candidacy_stand(question=election, member=setup.members[0], statement=STATEMENT)
    dump = raw_database_dump()
    for marker in (MARKER, STATEMENT):
        assert marker.encode() not in dump and marker.encode("utf-16-le") not in dump
    with scope(organisation=trio.org_a):
        assert question.answers.get().body == f"{MARKER} answer"
