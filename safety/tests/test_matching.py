"""Matching without publishing: reports to two organisations that name one phone number, plate or online name."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.testing import sign_in
from core.scopes import scope
from safety import selectors
from safety.models import IdentifierCount, Report, ReportIdentifier
from safety.tests.conftest import submit

pytestmark = pytest.mark.django_db

WORDS_A = "zq-words-of-the-first-reporter"
WORDS_B = "zq-words-of-the-second-reporter"


def _report(org) -> Report:  # type: ignore[no-untyped-def]
    with scope(organisation=org):
        return Report.objects.get()


def test_two_organisations_learn_that_a_match_exists_and_nothing_else(desks):
    first, second = Client(), Client()
    code_a = submit(
        first,
        receiver="org-a",
        what_happened=WORDS_A,
        phone="0470 12 34 99",
        wants_match_news="on",
        contact="zq-contact-a",
    )
    report_a = _report(desks.org_a)
    assert not selectors.has_match(report_a)

    # The same number, written another way, to another organisation; and a different plate.
    code_b = submit(
        second,
        receiver="org-b",
        region="flanders",
        what_happened=WORDS_B,
        phone="+32470123499",
        plate="1-ABC-234",
        contact="zq-contact-b",
    )
    report_b = _report(desks.org_b)
    assert selectors.has_match(report_a) and selectors.has_match(report_b)

    mona, molly = Client(), Client()
    sign_in(mona, desks.mona)
    sign_in(molly, desks.molly)
    page_a = mona.get(f"/en/safety/org/org-a/reports/{report_a.pk}/").content.decode()
    page_b = molly.get(f"/en/safety/org/org-b/reports/{report_b.pk}/").content.decode()
    assert "A match exists" in page_a and "A match exists" in page_b
    assert "A match exists" in mona.get("/en/safety/org/org-a/").content.decode()
    # Nothing of the other report: its words, organisation, region, contact, number of reports or code.
    for leak in (WORDS_B, "Organisation B", "org-b", "zq-contact-b", "1-ABC-234", code_b, "Flanders"):
        assert leak not in page_a, leak
    for leak in (WORDS_A, "Organisation A", "org-a/", "zq-contact-a", code_a, "Brussels"):
        assert leak not in page_b, leak

    # The first reporter asked to be told; the second did not.
    page = first.post("/en/safety/reply/", {"code": code_a}).content.decode()
    assert "Someone else has reported the same" in page
    assert WORDS_B not in page and "Organisation B" not in page
    page = second.post("/en/safety/reply/", {"code": code_b}).content.decode()
    assert "Someone else has reported the same" not in page


def test_the_shared_table_holds_only_counts(desks):
    submit(Client(), receiver="org-a", phone="0470 12 34 99", handle="@ZqClient")
    submit(Client(), receiver="org-b", region="flanders", handle="zqclient")
    rows = list(IdentifierCount.objects.values())
    assert {tuple(sorted(row)) for row in rows} == {("digest", "id", "reports")}
    assert sorted(row["reports"] for row in rows) == [1, 2]  # the phone once, the handle twice
    assert all("zq" not in row["digest"].lower() for row in rows)


def test_a_match_is_forgotten_when_a_report_is_deleted(desks):
    from safety.services import report_delete

    submit(Client(), receiver="org-a", phone="0470 12 34 99")
    submit(Client(), receiver="org-b", region="flanders", phone="0470 12 34 99")
    report_a, report_b = _report(desks.org_a), _report(desks.org_b)
    report_delete(report=report_b, actor=None)
    assert not selectors.has_match(report_a)
    with scope(organisation=desks.org_b):
        assert not ReportIdentifier.objects.exists()


def test_an_organisation_that_leaves_takes_its_matches_with_it(desks):
    from accounts.offboarding import organisation_offboard

    submit(Client(), receiver="org-a", phone="0470 12 34 99")
    submit(Client(), receiver="org-b", region="flanders", phone="0470 12 34 99")
    report_a = _report(desks.org_a)
    organisation_offboard(actor=None, organisation=desks.org_b, confirm_slug="org-b")
    assert not selectors.has_match(report_a)
    assert list(IdentifierCount.objects.values_list("reports", flat=True)) == [1]


def test_moderators_and_admins_get_a_staff_home_link(desks):
    from safety.navigation import staff_links

    assert [link.url for link in staff_links(desks.mona)] == ["/en/safety/org/org-a/"]
    assert staff_links(desks.trio.alice)
    assert not staff_links(desks.trio.bob)
