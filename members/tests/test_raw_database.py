"""What a copy of the database shows of members, registrations and event addresses: no personal text."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.testing import make_trio
from core.testing import raw_database_dump
from events import services as event_services
from events.tests.helpers import make_event
from members import services
from members.tests.helpers import PASSPHRASE, make_member

MARKER = "zq-member-marker-51c"


@pytest.mark.django_db(transaction=True)
def test_member_and_event_text_is_encrypted_at_rest():
    trio = make_trio()
    member, code = make_member(trio.org_a, pseudonym=f"{MARKER} name", email=f"{MARKER}@example.org")
    services.proposal_create(member=member, title=f"{MARKER} title", description=f"{MARKER} proposal")
    services.member_update(
        member=member, pseudonym=f"{MARKER} new", email=f"{MARKER}2@example.org", language="fr", newsletter=True
    )
    event = make_event(trio.org_a, address=f"{MARKER} street", sex_workers_only=True)
    event_services.registration_create(
        event=event, pseudonym=f"{MARKER} guest", email=f"x{MARKER}@example.org", language="nl"
    )
    client = Client()
    client.post(f"/en/members/{trio.org_a.slug}/sign-in/", {"code": code, "passphrase": PASSPHRASE})
    dump = raw_database_dump()
    assert MARKER.encode() not in dump
    assert code.encode() not in dump and code.replace("-", "").encode() not in dump
    assert PASSPHRASE.encode() not in dump
