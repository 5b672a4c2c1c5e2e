"""Statistics for advocacy: small cells hidden so that none can be worked out; CSV export."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.test import Client

from accounts.testing import sign_in
from safety import services, statistics

pytestmark = pytest.mark.django_db


def _reports(org, kind: str, region: str, month: date, count: int) -> None:  # type: ignore[no-untyped-def]
    for _ in range(count):
        services.report_submit(
            organisation=org, kind=kind, country="BE", region=region, happened_on=month, what_happened="x"
        )


def test_small_cells_are_hidden_and_cannot_be_recovered(desks):
    org = desks.org_a
    _reports(org, "violence", "brussels", date(2026, 9, 3), 7)
    _reports(org, "violence", "flanders", date(2026, 9, 3), 2)
    _reports(org, "robbery", "brussels", date(2026, 9, 3), 6)
    _reports(org, "robbery", "flanders", date(2026, 9, 3), 8)
    table = statistics.table_for(org)
    published = {(r.kind, r.region, r.month): r.count for r in table.rows}
    assert published[("violence", "flanders", "2026-09")] is None
    # The row total and the column total cannot give the hidden 2 back by subtraction.
    violence_total = published.get(("violence", "", "2026-09"))
    brussels_violence = published.get(("violence", "brussels", "2026-09"))
    assert violence_total is None or brussels_violence is None
    flanders_total = published.get(("", "flanders", "2026-09"))
    robbery_flanders = published.get(("robbery", "flanders", "2026-09"))
    assert flanders_total is None or robbery_flanders is None


def test_the_csv_export_has_the_same_figures(desks):
    _reports(desks.org_a, "violence", "brussels", date(2026, 9, 3), 6)
    _reports(desks.org_a, "violence", "brussels", date(2026, 10, 3), 1)
    client = Client()
    sign_in(client, desks.mona)
    response = client.get("/en/safety/org/org-a/statistics.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["kind", "region", "month", "reports"]
    by_key = {tuple(row[:3]): row[3] for row in rows[1:]}
    assert by_key[("violence", "brussels", "2026-10")] == ""
    assert by_key[("violence", "brussels", "2026-09")] in ("", "6")
    assert "1" not in by_key.values()
    assert client.get("/en/safety/org/org-a/statistics/").status_code == 200
