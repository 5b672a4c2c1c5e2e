"""Query counts pinned on the busy pages, so that none grows a query per row.

Lists show no decrypted text, so the dashboard costs the same whatever the caseload. The case page decrypts
what it shows (one key lookup per encrypted value, by ``crypto``); its count is pinned for a full case."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.testing import sign_in
from cases import services
from cases.models import Case
from cases.testing import make_case
from cases.tests.conftest import open_case_for
from conftest import on_postgres
from core.scopes import scope
from vocabulary.models import Domain

# PostgreSQL adds one query: the audit entry's advisory lock on its chain.
AUDIT_LOCK = 1 if on_postgres() else 0
DASHBOARD_QUERIES = 14 + AUDIT_LOCK
CASE_PAGE_QUERIES = 34 + AUDIT_LOCK


def _load_dashboard(client) -> int:
    url = reverse("cases:dashboard", kwargs={"org": "org-a"})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _add_cases(trio, count: int) -> None:
    housing = Domain.objects.get(slug="housing")
    for number in range(count):
        case = open_case_for(trio.org_a, trio.bob, name=f"Client {number}")
        with scope(organisation=trio.org_a):
            goal = services.goal_create(case=case, actor=trio.bob, domain=housing, title="goal")
            for days in (-3, 4):
                services.action_create(
                    goal=goal,
                    actor=trio.bob,
                    description="a",
                    owner=trio.bob,
                    due_on=timezone.localdate() + timedelta(days=days),
                )


def test_the_dashboard_costs_the_same_for_two_cases_or_six(client, trio, django_assert_num_queries):
    sign_in(client, trio.bob)
    _add_cases(trio, 2)
    _load_dashboard(client)  # warm: the session, the staff session
    with django_assert_num_queries(DASHBOARD_QUERIES):
        client.get(reverse("cases:dashboard", kwargs={"org": "org-a"}))
    _add_cases(trio, 4)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        client.get(reverse("cases:dashboard", kwargs={"org": "org-a"}))


def test_the_case_page_has_a_pinned_query_count(client, trio, django_assert_num_queries):
    rows = make_case(trio.org_a, trio.bob)
    sign_in(client, trio.bob)
    url = reverse("cases:case", kwargs={"org": "org-a", "case": rows[Case].pk})
    client.get(url)
    with django_assert_num_queries(CASE_PAGE_QUERIES):
        assert client.get(url).status_code == 200


def test_the_case_list_costs_the_same_whatever_its_length(client, trio):
    sign_in(client, trio.bob)
    _add_cases(trio, 2)
    url = reverse("cases:list", kwargs={"org": "org-a"})
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _add_cases(trio, 3)
    with CaptureQueriesContext(connection) as more:
        client.get(url)
    assert len(few) == len(more)
