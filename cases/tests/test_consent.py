"""Consent is a record the code enforces: referrals and exports pass ``consent_required``; withdrawal takes effect."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from cases import services
from cases.consent import ConsentMissing, consent_required
from cases.models import IncomingReferral, Purpose, Referral, ReferralStatus, SharedItem
from cases.testing import a_service
from core.scopes import scope

TODAY = timezone.localdate()


def _consent(case, worker, **overrides):
    values = {
        "purposes": [Purpose.CASEWORK, Purpose.REFERRAL],
        "shared_items": [SharedItem.WORKING_NAME],
        "any_service": False,
        "services": [],
        "note": "",
        "given_on": TODAY - timedelta(days=1),
        "valid_until": TODAY + timedelta(days=30),
    }
    values.update(overrides)
    return services.consent_record(case=case, actor=worker, **values)


def test_no_consent_no_referral(trio, case):
    service = a_service(trio.org_b)
    with scope(organisation=trio.org_a), pytest.raises(ConsentMissing):
        services.referral_send(case=case, actor=trio.bob, service=service, items=[SharedItem.WORKING_NAME], message="")
    with scope(organisation=trio.org_a):
        assert not Referral.objects.exists()


def test_consent_names_the_service_items_purpose_and_period(trio, case):
    service, other = a_service(trio.org_b), a_service(skip=3)
    with scope(organisation=trio.org_a):
        _consent(case, trio.bob, services=[service])
        assert consent_required(case, purpose=Purpose.REFERRAL, items=[SharedItem.WORKING_NAME], service=service)
        with pytest.raises(ConsentMissing):  # another service
            consent_required(case, purpose=Purpose.REFERRAL, items=[SharedItem.WORKING_NAME], service=other)
        with pytest.raises(ConsentMissing):  # an item not agreed to
            consent_required(case, purpose=Purpose.REFERRAL, items=[SharedItem.CONTACT], service=service)
        with pytest.raises(ConsentMissing):  # a purpose not agreed to
            consent_required(case, purpose=Purpose.EXPORT)
        with pytest.raises(ConsentMissing):  # after its end
            consent_required(case, purpose=Purpose.REFERRAL, service=service, on=TODAY + timedelta(days=31))


def test_withdrawal_takes_effect_at_once(trio, case):
    service = a_service(trio.org_b)
    with scope(organisation=trio.org_a):
        consent = _consent(case, trio.bob, any_service=True)
        referral = services.referral_send(
            case=case, actor=trio.bob, service=service, items=[SharedItem.WORKING_NAME], message=""
        )
    with scope(organisation=trio.org_b):
        assert "Jade" in IncomingReferral.objects.get().shared
    with scope(organisation=trio.org_a):
        services.consent_withdraw(consent=consent, actor=trio.bob)
        referral.refresh_from_db()
        assert referral.status == ReferralStatus.WITHDRAWN
        with pytest.raises(ConsentMissing):
            services.referral_send(case=case, actor=trio.bob, service=service, items=[], message="")
    with scope(organisation=trio.org_b):
        incoming = IncomingReferral.objects.get()
        assert incoming.status == ReferralStatus.WITHDRAWN
        assert "Jade" not in incoming.shared  # the receiver's copy of what was shared is erased


def test_the_receiver_gets_only_the_items_consented_to(trio, case):
    service = a_service(trio.org_b)
    with scope(organisation=trio.org_a):
        services.identity_update(client=case.client, actor=trio.bob, phone="+32 470 11 22 33")
        _consent(case, trio.bob, any_service=True)
        services.referral_send(case=case, actor=trio.bob, service=service, items=[SharedItem.WORKING_NAME], message="")
    with scope(organisation=trio.org_b):
        shared = IncomingReferral.objects.get().shared
    assert "Jade" in shared and "+32 470" not in shared


def test_export_needs_consent(trio, case):
    with scope(organisation=trio.org_a):
        with pytest.raises(ConsentMissing):
            services.case_export(case=case, actor=trio.bob)
        _consent(case, trio.bob, purposes=[Purpose.EXPORT])
        assert services.case_export(case=case, actor=trio.bob)["working_name"] == "Jade"


def test_answers_travel_back_to_the_referring_organisation(trio, case):
    service = a_service(trio.org_b)
    with scope(organisation=trio.org_a):
        _consent(case, trio.bob, any_service=True)
        referral = services.referral_send(case=case, actor=trio.bob, service=service, items=[], message="")
    with scope(organisation=trio.org_b):
        services.incoming_answer(
            incoming=IncomingReferral.objects.get(), actor=trio.charlie, accept=False, answer="full"
        )
    with scope(organisation=trio.org_a):
        referral.refresh_from_db()
        assert referral.status == ReferralStatus.DECLINED
