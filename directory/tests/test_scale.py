"""The shape of the public reads at national scale: a bounded number of queries whatever the data, plans that use
the indexes (PostgreSQL), "open now" decided in SQL exactly as the Python rule decides it, and HSDS records built
for the page's rows only. Timings live in bench/scale_pages.py, not here."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.pagecache import PAGES
from directory import selectors
from directory.api import MAX_FULL_PER_PAGE, MAX_MINIMAL_PER_PAGE
from directory.models import Schedule, Service, Status

BRUSSELS = ZoneInfo("Europe/Brussels")
UUID = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}")


def _queries(client: Client, url: str) -> list[str]:
    client.get(url)  # caches warm (vocabulary, translations)
    PAGES.clear()  # but the page itself is rendered again, not served from memory
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?open=1", "?city=brussels", "?language=fr", "?country=be&need=health"])
def test_the_list_takes_a_fixed_number_of_queries_and_sends_no_list_of_ids(client: Client, query: str):
    queries = _queries(client, f"/en/directory/{query}")
    assert len(queries) <= 13, queries
    # Filters are subqueries: no query carries thousands of ids back to the database.
    assert max(len(sql) for sql in queries) < 6000


@pytest.mark.django_db
def test_open_now_in_sql_agrees_with_the_rule_at_every_hour_of_a_week():
    schedules = list(
        Schedule.objects.filter(service__status=Status.ACTIVE).exclude(service_at_location__location__confidential=True)
    )
    assert schedules
    start = datetime(2026, 11, 23, 0, 30, tzinfo=BRUSSELS)  # a Monday
    for hour in range(0, 7 * 24, 5):
        moment = start + timedelta(hours=hour)
        expected = {s.service_id for s in schedules if selectors.is_open(s, moment)}
        assert selectors.open_now_ids(moment) == expected, moment


@pytest.mark.django_db
def test_the_languages_offered_are_those_of_public_services_only():
    service = Service.objects.filter(status=Status.ACTIVE).first()
    assert service is not None
    service.languages.create(code="zu")
    assert "zu" in selectors.languages_offered()
    Service.objects.filter(pk=service.pk).update(status=Status.INACTIVE)
    assert "zu" not in selectors.languages_offered()
    assert selectors.languages_offered() == sorted(selectors.languages_offered())


@pytest.mark.django_db
def test_hsds_full_records_take_the_same_queries_for_a_small_and_a_full_page(client: Client):
    small = _queries(client, "/api/hsds/service_at_locations?full=true&per_page=2")
    full = _queries(client, f"/api/hsds/service_at_locations?full=true&per_page={MAX_FULL_PER_PAGE}")
    assert len(small) == len(full)
    # The services of the page only: the query for their records names at most a page of ids.
    services = [sql for sql in small if 'FROM "directory_service"' in sql and '"directory_service"."id" IN (' in sql]
    assert len(services) == 1, small
    assert 1 <= len(set(UUID.findall(services[0]))) <= 2  # the page's two services, not every linked one


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "most"),
    [
        ("/api/hsds/services?full=true&per_page=1000", MAX_FULL_PER_PAGE),
        ("/api/hsds/organizations?full_service=true&per_page=1000", MAX_FULL_PER_PAGE),
        ("/api/hsds/service_at_locations?full=true&per_page=1000", MAX_FULL_PER_PAGE),
        ("/api/hsds/services?minimal=true&per_page=100000", MAX_MINIMAL_PER_PAGE),
    ],
)
def test_hsds_pages_are_bounded(client: Client, url: str, most: int):
    body = client.get(url).json()
    assert body["size"] <= most
    assert body["total_pages"] >= -(-body["total_items"] // most)


FILLER_SERVICES = """
INSERT INTO directory_service (id, slug, name, description, website, email, sources, last_verified, bundle_digest,
    edited_in_app, created_at, updated_at, status, how_to_reach, eligibility, cost, organization_id)
SELECT gen_random_uuid(), 'filler-' || i, jsonb_build_object('en', 'Filler ' || md5(i::text)), '{}', '', '', '[]',
    NULL, '', false, now(), now(), CASE WHEN i %% 10 = 0 THEN 'inactive' ELSE 'active' END, '{}', '{}', '{}', %s
FROM generate_series(1, 20000) AS i
"""


@pytest.mark.django_db
@pytest.mark.postgres
def test_the_list_reads_a_page_from_the_name_index_among_20000_services():
    """The plan's shape: the page comes from the index on the name in the visitor's language, not from a sort of
    every service (it sorted on an expression over all of them)."""
    organization = Service.objects.first().organization  # type: ignore[union-attr]
    with connection.cursor() as cursor:
        cursor.execute(FILLER_SERVICES, [organization.pk])
        cursor.execute("ANALYZE directory_service")
        for lang in ("en", "nl"):
            page = selectors.ordered_by_name(selectors.filtered_services(selectors.Filters()), lang)[:20]
            sql, params = page.query.sql_with_params()
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert f"directory_service_name_{lang}" in plan, plan
            assert "Seq Scan on directory_service " not in plan, plan
        cursor.execute(
            "EXPLAIN WITH RECURSIVE codes(code) AS (SELECT min(code) FROM directory_servicelanguage"
            " UNION ALL SELECT (SELECT min(l.code) FROM directory_servicelanguage l WHERE l.code > codes.code)"
            " FROM codes WHERE codes.code IS NOT NULL) SELECT code FROM codes"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "directory_language_code" in plan, plan
