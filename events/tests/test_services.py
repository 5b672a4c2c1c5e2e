from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from core.retention import purge_all
from core.scopes import scope
from events import ical, selectors, services
from events.models import Registration, RegistrationStatus
from events.tests.helpers import make_event
from members.selectors import member_export
from members.services import member_forget
from members.tests.helpers import make_member

pytestmark = pytest.mark.django_db


def _register(event, name, **kwargs):  # type: ignore[no-untyped-def]
    return services.registration_create(event=event, pseudonym=name, language="en", **kwargs).registration


def test_capacity_then_waiting_list_then_a_place_given_back_goes_to_the_first_waiting(trio):
    event = make_event(trio.org_a, capacity=2)
    a, b = _register(event, "A"), _register(event, "B")
    c, d = _register(event, "C", email="c@example.org"), _register(event, "D")
    assert [r.status for r in (a, b, c, d)] == ["confirmed", "confirmed", "waiting", "waiting"]
    mail.outbox.clear()
    services.registration_cancel(registration=a)
    with scope(organisation=trio.org_a):
        fresh = {r.pk: r.status for r in Registration.objects.all()}
    assert fresh[a.pk] == "cancelled" and fresh[c.pk] == "confirmed" and fresh[d.pk] == "waiting"
    assert [m.to for m in mail.outbox] == [["c@example.org"]]  # C hears of the place in their language
    services.registration_cancel(registration=d)  # leaving the waiting list
    assert selectors.places(event).waiting == 0


def test_sex_workers_only_events_show_the_address_only_to_accepted_people(trio):
    event = make_event(trio.org_a, sex_workers_only=True, capacity=1)
    stranger = _register(event, "Stranger")
    assert stranger.status == RegistrationStatus.REQUESTED
    assert not selectors.address_visible(event, stranger)
    assert not selectors.address_visible(event)
    services.registration_accept(actor=trio.alice, registration=stranger)
    assert stranger.status == RegistrationStatus.CONFIRMED
    assert selectors.address_visible(event, stranger)
    member, _ = make_member(trio.org_a)
    voting = _register(event, "Member", member=member)
    assert voting.status == RegistrationStatus.WAITING  # accepted (an active member), but the event is full
    assert not selectors.address_visible(event, voting)


def test_the_calendar_feed_hides_the_address_of_sex_workers_only_events(trio):
    make_event(trio.org_a, sex_workers_only=True, address="Hidden lane 7")
    make_event(trio.org_a, address="Open square 1", title={"en": "Workshop, with; commas"})
    with scope(organisation=trio.org_a):
        body = ical.calendar(
            selectors.upcoming_events(trio.org_a), name="Org", language="en", hidden_address="Address on request."
        )
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.count("BEGIN:VEVENT") == 2
    assert "Hidden lane" not in body and "Open square 1" in body
    assert "SUMMARY:Workshop\\, with\\; commas" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_reminders_go_once_to_confirmed_places_in_the_next_two_days(trio):
    soon = make_event(
        trio.org_a, starts_at=timezone.now() + timedelta(hours=20), ends_at=timezone.now() + timedelta(hours=22)
    )
    _register(soon, "A", email="a@example.org")
    _register(soon, "B")
    later = make_event(trio.org_a)
    later.starts_at = timezone.now() + timedelta(days=5)
    _register(later, "C", email="c@example.org")
    mail.outbox.clear()
    assert services.reminders_send() == 1
    assert services.reminders_send() == 0
    assert [m.to for m in mail.outbox] == [["a@example.org"]]


def test_a_forgotten_member_gives_their_place_back_and_leaves_no_name(trio):
    event = make_event(trio.org_a, capacity=1)
    member, _ = make_member(trio.org_a)
    mine = _register(event, "Robin", member=member, email="robin@example.org")
    waiting = _register(event, "Next")
    exported: Any = member_export(member)["event_registrations"]
    assert exported[0]["name"] == "Robin"
    member_forget(member=member)
    with scope(organisation=trio.org_a):
        mine = Registration.objects.get(pk=mine.pk)
        assert Registration.objects.get(pk=waiting.pk).status == RegistrationStatus.CONFIRMED
    assert mine.pseudonym == "" and mine.email == "" and mine.member_id is None


def test_registrations_are_purged_a_month_after_the_event(trio):
    past = make_event(
        trio.org_a, starts_at=timezone.now() - timedelta(days=40), ends_at=timezone.now() - timedelta(days=40)
    )
    _register(past, "Old")
    _register(make_event(trio.org_a), "New")
    assert purge_all()["event-registrations"] == 1
