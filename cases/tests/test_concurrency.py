"""Two workers edit the same case or goal at once: one saves, the other gets a conflict, no update is lost."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from accounts.testing import make_trio
from cases import services
from cases.models import Case, ContactRoute
from conftest import load_all_content
from core.scopes import scope
from vocabulary.models import Domain


def _two_writers(write_a, write_b) -> list[str]:
    """Run both writers at the same moment, each in its own thread and database connection."""
    barrier = threading.Barrier(2)
    results: list[str] = []

    def run(write) -> None:
        try:
            barrier.wait(timeout=10)
            write()
            results.append("saved")
        except services.Conflict:
            results.append("conflict")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(write,)) for write in (write_a, write_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return sorted(results)


def _setup():
    load_all_content()
    trio = make_trio()
    with scope(organisation=trio.org_a):
        case = services.client_create(
            organisation=trio.org_a,
            actor=trio.bob,
            working_name="Jade",
            contact_route=ContactRoute.SELF,
            opened_on=timezone.localdate() - timedelta(days=3),
        )
    return trio, case


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_saving_the_same_case_version_get_one_save_and_one_conflict():
    trio, case = _setup()
    version = case.version

    def writer(user, wishes):
        def write() -> None:
            with scope(organisation=trio.org_a):
                fresh = Case.objects.get(pk=case.pk)
                services.case_update(case=fresh, actor=user, expected_version=version, wishes=wishes)

        return write

    assert _two_writers(writer(trio.alice, "from Alice"), writer(trio.bob, "from Bob")) == ["conflict", "saved"]
    with scope(organisation=trio.org_a):
        saved = Case.objects.get(pk=case.pk)
        assert saved.version == version + 1
        assert saved.wishes in ("from Alice", "from Bob")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_editing_the_same_goal_get_one_save_and_one_conflict():
    trio, case = _setup()
    with scope(organisation=trio.org_a):
        goal = services.goal_create(case=case, actor=trio.bob, domain=Domain.objects.get(slug="housing"), title="Room")
    housing = goal.domain

    def writer(user, title):
        def write() -> None:
            with scope(organisation=trio.org_a):
                services.goal_update(
                    goal=goal, actor=user, expected_version=1, domain=housing, title=title, status="open"
                )

        return write

    assert _two_writers(writer(trio.alice, "A"), writer(trio.bob, "B")) == ["conflict", "saved"]


def test_a_stale_version_is_a_conflict_on_any_database(trio, case):
    with scope(organisation=trio.org_a):
        services.case_update(case=case, actor=trio.bob, expected_version=case.version, wishes="one")
        with pytest.raises(services.Conflict):
            services.case_update(case=case, actor=trio.alice, expected_version=1, wishes="two")
        assert Case.objects.get(pk=case.pk).wishes == "one"


def test_the_page_shows_a_conflict_and_keeps_what_was_typed(client, trio, case):
    from django.urls import reverse

    from accounts.testing import sign_in

    with scope(organisation=trio.org_a):
        services.case_update(case=case, actor=trio.alice, expected_version=case.version, wishes="first")
    sign_in(client, trio.bob)
    response = client.post(
        reverse("cases:edit", kwargs={"org": "org-a", "case": case.pk}),
        {
            "version": "1",
            "working_name": "Jade",
            "opened_on": timezone.localdate().isoformat(),
            "contact_route": "self-referral",
            "wishes": "my typed words",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Someone else saved this" in body and "my typed words" in body
