"""The planner's public pages stay within Haven's budget: 50 KB with CSS and JS, gzip-compressed."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

BUDGET = 50 * 1024
RESOURCE = re.compile(r'<(?:link|script|img)\b[^>]*?(?:href|src)="(/static/[^"]+)"')


def _weight(response) -> int:
    html = response.content
    total = len(gzip.compress(html, 9))
    for url in set(RESOURCE.findall(html.decode())):
        found = finders.find(url.removeprefix("/static/"))
        assert found, url
        with open(found, "rb") as handle:
            total += len(gzip.compress(handle.read(), 9))
    return total


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/plan/", "/nl/plan/new/", "/fr/plan/sign-in/", "/en/plan/recover/"])
def test_public_planner_pages_stay_within_the_budget(client: Client, path):
    assert _weight(client.get(path)) <= BUDGET


@pytest.mark.django_db
def test_the_budget_page_with_its_chart_stays_within_the_budget(plan):
    plan.post(
        "budget/", {"version": 1, "savings": "100", "fund_target": "5000", "fund_amount": "10", "fund_period": "week"}
    )
    assert _weight(plan.get("budget/")) <= BUDGET
