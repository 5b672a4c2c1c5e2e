"""Closing with an outcome, check-ins that can be declined, transfer, and the purge after retention."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from accounts.testing import all_audit_entries
from cases import services
from cases.models import Case, Client, Contact, FollowUp, FollowUpStatus, Outcome, PurgeRecord
from cases.retention import purge_for
from cases.testing import MARKER, make_case
from core.retention import purge_all
from core.scopes import scope

TODAY = timezone.localdate()


def test_closing_after_an_exit_plans_check_ins_that_can_be_declined(trio, case):
    with scope(organisation=trio.org_a):
        closed = services.case_close(
            case=case,
            actor=trio.bob,
            expected_version=case.version,
            outcome=Outcome.EXITED,
            closed_on=TODAY,
            note="",
            follow_up=True,
        )
        first, second = FollowUp.objects.filter(case=closed).order_by("months")
        assert (first.months, second.months) == (3, 6)
        assert first.due_on > TODAY + timedelta(days=85)
        services.follow_up_record(
            follow_up=first, actor=trio.bob, status=FollowUpStatus.DECLINED, returned=None, note=""
        )
        second.refresh_from_db()
        assert second.status == FollowUpStatus.DECLINED


def test_no_check_ins_when_the_person_does_not_want_them(trio, case):
    with scope(organisation=trio.org_a):
        services.case_close(
            case=case,
            actor=trio.bob,
            expected_version=case.version,
            outcome=Outcome.EXITED,
            closed_on=TODAY,
            note="",
            follow_up=False,
        )
        assert not FollowUp.objects.exists()


def test_transfer_hands_the_case_to_another_worker(trio, case):
    with scope(organisation=trio.org_a):
        services.case_transfer(case=case, actor=trio.bob, to=trio.alice, expected_version=case.version)
        case.refresh_from_db()
        assert case.lead == trio.alice
        assert list(case.assignments.values_list("worker_id", flat=True)) == [trio.alice.pk]


def test_closed_cases_are_purged_after_the_retention_period_leaving_only_counts(trio):
    make_case(trio.org_a, trio.bob)  # closed today: kept
    with scope(organisation=trio.org_a):
        assert Case.objects.count() == 1
        case = Case.objects.get()
        Case.objects.filter(pk=case.pk).update(closed_on=TODAY - timedelta(days=800))
    purge_all()
    with scope(organisation=trio.org_a):
        assert not Case.objects.exists() and not Client.objects.exists() and not Contact.objects.exists()
        record = PurgeRecord.objects.exclude(cases=0).get()
        assert record.cases == 1 and record.counts["contacts"] == 1
        assert MARKER not in str(record.counts) and "Jade" not in str(record.__dict__)
    assert all_audit_entries().filter(action="delete", target_type="cases.purgerecord").exists()


def test_the_retention_period_is_the_organisations(trio):
    make_case(trio.org_a, trio.bob)
    with scope(organisation=trio.org_a):
        services.settings_update(organisation=trio.org_a, actor=trio.alice, retention_months=1, follow_up_months="3")
        Case.objects.update(closed_on=TODAY - timedelta(days=40))
    assert purge_for(organisation_id=trio.org_a.pk) == 1


def test_deleting_a_case_on_request_removes_everything(trio):
    rows = make_case(trio.org_a, trio.bob)
    with scope(organisation=trio.org_a):
        services.case_delete(case=rows[Case], actor=trio.bob)
        assert not Case.objects.exists() and not Client.objects.exists() and not Contact.objects.exists()
