"""A caseworker takes a client from first contact to closure through the pages (no browser)."""

from __future__ import annotations

import io
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from PIL import Image

from accounts.testing import sign_in
from cases.models import Case, CaseStatus, Consent, Contact, Document, FollowUp, Goal, IncomingReferral, Referral
from cases.testing import a_service
from core.scopes import scope


def _url(name: str, case: Case, **kwargs: object) -> str:
    return reverse(f"cases:{name}", kwargs={"org": "org-a", "case": case.pk, **kwargs})


def test_a_client_goes_from_first_contact_to_closure(client, trio):
    sign_in(client, trio.bob)
    today = timezone.localdate()
    response = client.post(
        reverse("cases:new", kwargs={"org": "org-a"}),
        {
            "working_name": "Mira",
            "opened_on": today.isoformat(),
            "contact_route": "fieldwork-online",
            "sub_branch": "escort-independent",
            "languages": ["fr", "ro"],
            "start_motives": "Money for a goal",
        },
    )
    assert response.status_code == 302
    with scope(organisation=trio.org_a):
        case = Case.objects.get()
    assert client.get(response["Location"]).status_code == 200

    response = client.post(
        _url("assessment", case),
        {"assessed_on": today.isoformat(), "status_housing": "1", "notes_housing": "sofa", "status_debt": "2"},
    )
    assert response.status_code == 302
    response = client.post(_url("goal-new", case), {"domain": "housing", "title": "Own room"})
    assert response.status_code == 302
    with scope(organisation=trio.org_a):
        goal = Goal.objects.get()
    due = (today + timedelta(days=7)).isoformat()
    response = client.post(_url("action-new", case, pk=goal.pk), {"description": "Call", "owner": "", "due_on": due})
    assert response.status_code == 302
    response = client.post(
        _url("contact", case), {"happened_on": today.isoformat(), "kind": "phone", "minutes": "20", "notes": "ok"}
    )
    assert response.status_code == 302

    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = "letter.png"
    response = client.post(_url("document-new", case), {"title": "Letter", "file": buffer})
    assert response.status_code == 302
    with scope(organisation=trio.org_a):
        document = Document.objects.get()
    assert client.get(_url("document", case, pk=document.pk)).content.startswith(b"\x89PNG")

    service = a_service(trio.org_b)
    response = client.post(_url("referral", case), {"service": str(service.pk), "items": ["working-name"]})
    assert response.status_code == 200  # no consent yet: refused, with what was typed kept
    assert "consent" in response.content.decode()
    response = client.post(
        _url("consent", case),
        {
            "purposes": ["casework", "referral"],
            "shared_items": ["working-name"],
            "any_service": "on",
            "given_on": today.isoformat(),
            "valid_until": (today + timedelta(days=90)).isoformat(),
        },
    )
    assert response.status_code == 302
    response = client.post(_url("referral", case), {"service": str(service.pk), "items": ["working-name"]})
    assert response.status_code == 302
    with scope(organisation=trio.org_b):
        incoming = IncomingReferral.objects.get()
    sign_in(client, trio.charlie)
    inbox = client.get(reverse("cases:inbox", kwargs={"org": "org-b"}))
    assert inbox.status_code == 200
    page = client.get(reverse("cases:incoming", kwargs={"org": "org-b", "pk": incoming.pk}))
    assert "Mira" in page.content.decode()
    response = client.post(
        reverse("cases:incoming", kwargs={"org": "org-b", "pk": incoming.pk}), {"decision": "accept", "answer": ""}
    )
    assert response.status_code == 302
    with scope(organisation=trio.org_a):
        assert Referral.objects.get().status == "accepted"

    sign_in(client, trio.bob)
    response = client.post(
        _url("close", case),
        {"version": str(case.version), "outcome": "exited", "closed_on": today.isoformat(), "follow_up": "on"},
    )
    assert response.status_code == 302
    with scope(organisation=trio.org_a):
        case.refresh_from_db()
        assert case.status == CaseStatus.CLOSED
        assert sorted(FollowUp.objects.values_list("months", flat=True)) == [3, 6]
        assert Contact.objects.count() == 1 and Consent.objects.count() == 1
    page = client.get(_url("case", case))
    assert page.status_code == 200
    assert "Mira" in page.content.decode()
