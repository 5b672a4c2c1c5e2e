"""Every case URL with the assigned worker, a colleague, a colleague excluded by restriction, an outsider and an
anonymous visitor; sensitive pages ask for re-authentication; every opening of a case is audit-logged."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.testing import all_audit_entries, sign_in
from cases import services
from cases.models import Case, Consent, Document, FollowUp, Goal, IncomingReferral, PlanAction, PlanAttachment, Referral
from cases.testing import make_case
from core.scopes import scope

# name -> (kwargs beyond org/case, method). GET pages answer 200 to those allowed.
CASE_URLS: dict[str, tuple[str | None, str]] = {
    "case": (None, "get"),
    "edit": (None, "get"),
    "identity": (None, "get"),
    "close": (None, "get"),
    "reopen": (None, "post"),
    "transfer": (None, "get"),
    "access": (None, "get"),
    "export": (None, "get"),
    "delete": (None, "get"),
    "consent": (None, "get"),
    "consent-withdraw": ("consent", "post"),
    "assessment": (None, "get"),
    "goal-new": (None, "get"),
    "goal": ("goal", "get"),
    "action-new": ("goal", "get"),
    "action-done": ("action", "post"),
    "contact": (None, "get"),
    "document-new": (None, "get"),
    "document": ("document", "get"),
    "document-delete": ("document", "get"),
    "referral": (None, "get"),
    "referral-withdraw": ("referral", "post"),
    "plan-attach": (None, "get"),
    "plan": ("attachment", "get"),
    "follow-up": ("follow_up", "get"),
}
REAUTH = {"identity", "export", "delete", "document-delete"}
MODELS = {
    "consent": Consent,
    "goal": Goal,
    "action": PlanAction,
    "document": Document,
    "referral": Referral,
    "attachment": PlanAttachment,
    "follow_up": FollowUp,
}


def _case_url(name: str, rows: dict[Any, Any]) -> str:
    case = rows[Case]
    extra, _method = CASE_URLS[name]
    kwargs: dict[str, Any] = {"org": "org-a", "case": case.pk}
    if extra:
        kwargs["pk"] = rows[MODELS[extra]].pk
    return reverse(f"cases:{name}", kwargs=kwargs)


def _call(client: Client, name: str, url: str) -> int:
    method = CASE_URLS[name][1]
    return (client.post(url) if method == "post" else client.get(url)).status_code


@pytest.mark.parametrize("name", sorted(CASE_URLS))
def test_every_case_url_is_for_the_organisations_workers_only(name, trio):
    rows = make_case(trio.org_a, trio.bob)
    url = _case_url(name, rows)
    allowed = {302} if CASE_URLS[name][1] == "post" else {200}

    anonymous = Client()
    response = anonymous.post(url) if CASE_URLS[name][1] == "post" else anonymous.get(url)
    assert response.status_code == 302 and "sign-in" in response["Location"]

    outsider = Client()
    sign_in(outsider, trio.charlie)
    assert _call(outsider, name, url) == 404

    worker = Client()
    sign_in(worker, trio.bob)
    assert _call(worker, name, url) in allowed

    colleague = Client()
    sign_in(colleague, trio.alice)
    case = rows[Case]
    if name not in ("reopen", "consent-withdraw", "referral-withdraw"):  # those changed the case already
        assert _call(colleague, name, url) in allowed
    with scope(organisation=trio.org_a):
        services.case_assign(case=case, actor=trio.bob, workers=[trio.bob], restricted=True)
    assert _call(colleague, name, url) == 404  # excluded by the restriction
    if name != "consent-withdraw":  # a consent is withdrawn once
        assert _call(worker, name, url) in allowed


@pytest.mark.parametrize("name", sorted(REAUTH))
def test_sensitive_pages_ask_to_sign_in_again(name, trio):
    rows = make_case(trio.org_a, trio.bob)
    client = Client()
    sign_in(client, trio.bob, reauthenticated=False)
    response = client.get(_case_url(name, rows))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:reauth"))


ORG_URLS = {
    "dashboard": {},
    "list": {},
    "new": {},
    "inbox": {},
    "settings": {},
    "profile": {"slug": "autonomous-practical"},
}


@pytest.mark.parametrize("name", sorted(ORG_URLS))
def test_organisation_pages(name, trio):
    make_case(trio.org_a, trio.bob)
    url = reverse(f"cases:{name}", kwargs={"org": "org-a", **ORG_URLS[name]})
    assert Client().get(url).status_code == 302
    outsider = Client()
    sign_in(outsider, trio.charlie)
    assert outsider.get(url).status_code == 404
    owner = Client()
    sign_in(owner, trio.alice)
    assert owner.get(url).status_code == 200
    colleague = Client()
    sign_in(colleague, trio.bob)
    assert colleague.get(url).status_code == (403 if name in ("settings", "profile") else 200)


def test_an_incoming_referral_is_seen_by_the_receiver_only(trio):
    make_case(trio.org_a, trio.bob, receiver=trio.org_b)
    with scope(organisation=trio.org_b):
        incoming = IncomingReferral.objects.get()
    url = reverse("cases:incoming", kwargs={"org": "org-b", "pk": incoming.pk})
    receiver = Client()
    sign_in(receiver, trio.charlie)
    assert receiver.get(url).status_code == 200
    sender = Client()
    sign_in(sender, trio.bob)
    assert sender.get(url).status_code == 404  # not a member of B
    assert sender.get(reverse("cases:incoming", kwargs={"org": "org-a", "pk": incoming.pk})).status_code == 404


def test_opening_a_case_is_audit_logged(client, trio):
    rows = make_case(trio.org_a, trio.bob)
    sign_in(client, trio.alice)
    reads = {"action": "read", "target_type": "cases.case", "target_id": str(rows[Case].pk), "actor_id": trio.alice.pk}
    assert not all_audit_entries().filter(**reads).exists()
    assert client.get(_case_url("case", rows)).status_code == 200
    assert all_audit_entries().filter(**reads).count() == 1
