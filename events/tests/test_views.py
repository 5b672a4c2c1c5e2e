from __future__ import annotations

import pytest
from django.test import Client

from accounts.testing import sign_in
from core.scopes import scope
from events.models import Event, Registration
from events.tests.helpers import make_event
from members.tests.helpers import make_member, member_sign_in

pytestmark = pytest.mark.django_db


def _register(client, trio, event, name="Kim"):  # type: ignore[no-untyped-def]
    data = {"pseudonym": name, "email": "", "language": "en"}
    if event.sex_workers_only:
        data["sex_worker"] = "on"
    return client.post(f"/en/events/{trio.org_a.slug}/{event.pk}/", data)


def test_register_see_the_ticket_and_give_the_place_back(trio):
    event = make_event(trio.org_a, capacity=1)
    client = Client()
    first = _register(client, trio, event)
    assert first.status_code == 200
    code = first.context["code"]
    assert "Place confirmed" in first.content.decode()
    second = _register(Client(), trio, event, "Lee")
    assert "On the waiting list" in second.content.decode()
    page = Client().post(f"/en/events/{trio.org_a.slug}/ticket/", {"code": code.lower(), "action": "cancel"})
    assert "Cancelled" in page.content.decode()
    with scope(organisation=trio.org_a):
        assert Registration.objects.get(status="confirmed").pseudonym == "Lee"


def test_the_address_of_a_sex_workers_only_event_waits_for_acceptance(trio):
    event = make_event(trio.org_a, sex_workers_only=True, address="Hidden lane 7")
    assert "Hidden lane 7" not in Client().get(f"/en/events/{trio.org_a.slug}/{event.pk}/").content.decode()
    refused = Client().post(f"/en/events/{trio.org_a.slug}/{event.pk}/", {"pseudonym": "X", "language": "en"})
    assert refused.status_code == 200 and "code" not in refused.context
    response = _register(Client(), trio, event)
    assert "Hidden lane 7" not in response.content.decode()
    code = response.context["code"]
    staff = Client()
    sign_in(staff, trio.alice)
    registration = response.context["registration"]
    staff.post(f"/en/events/manage/org/{trio.org_a.slug}/registration/{registration.pk}/accept/")
    page = Client().post(f"/en/events/{trio.org_a.slug}/ticket/", {"code": code})
    assert "Hidden lane 7" in page.content.decode()


def test_a_signed_in_active_member_is_accepted_at_once(trio):
    event = make_event(trio.org_a, sex_workers_only=True, address="Hidden lane 7")
    _member, code = make_member(trio.org_a, pseudonym="Robin")
    client = Client()
    member_sign_in(client, trio.org_a, code)
    assert 'value="Robin"' in client.get(f"/en/events/{trio.org_a.slug}/{event.pk}/").content.decode()
    response = _register(client, trio, event, "Robin")
    assert "Hidden lane 7" in response.content.decode()


def test_the_calendar_feed(trio):
    make_event(trio.org_a)
    response = Client().get(f"/en/events/{trio.org_a.slug}/calendar.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert "SUMMARY:Monthly meetup" in response.content.decode()


def test_a_wrong_ticket_code_is_a_clear_error(trio):
    response = Client().post(f"/en/events/{trio.org_a.slug}/ticket/", {"code": "NOPE-NOPE-NOPE"})
    assert response.status_code == 200 and "No registration has this ticket code" in response.content.decode()


def test_staff_pages_owner_colleague_outsider_anonymous(trio):
    event = make_event(trio.org_a)
    base = f"/en/events/manage/org/{trio.org_a.slug}/"
    for url in (base, base + "new/", base + f"event/{event.pk}/", base + f"event/{event.pk}/edit/"):
        assert Client().get(url).status_code == 302
        for user, expected in ((trio.alice, 200), (trio.bob, 403), (trio.charlie, 404)):
            client = Client()
            sign_in(client, user)
            assert client.get(url).status_code == expected, (url, user)
    client = Client()
    sign_in(client, trio.charlie)
    assert client.get(f"/en/events/manage/org/{trio.org_b.slug}/event/{event.pk}/").status_code == 404


def test_the_admin_creates_an_event_and_bad_dates_keep_the_input(trio):
    client = Client()
    sign_in(client, trio.alice)
    url = f"/en/events/manage/org/{trio.org_a.slug}/new/"
    data = {
        "kind": "workshop",
        "title_nl": "Werkwinkel",
        "title_fr": "",
        "title_en": "Workshop",
        "city": "Antwerpen",
        "address": "",
        "starts_at": "2030-05-01T19:00",
        "ends_at": "2030-05-01T18:00",
        "capacity": "12",
        "published": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 200 and "Werkwinkel" in response.content.decode()
    response = client.post(url, {**data, "ends_at": "2030-05-01T21:00"})
    assert response.status_code == 302
    with scope(organisation=trio.org_a):
        assert Event.objects.get().title == {"nl": "Werkwinkel", "en": "Workshop"}
