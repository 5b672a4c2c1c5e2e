from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import StaffSession
from accounts.testing import UserFactory, all_audit_entries, sign_in


@pytest.mark.django_db
def test_inactivity_signs_you_out_with_a_message(client: Client, settings):
    user = UserFactory()
    sign_in(client, user)
    StaffSession.objects.filter(user=user).update(
        last_seen_at=timezone.now() - timedelta(seconds=settings.HAVEN_STAFF_IDLE_TIMEOUT + 5)
    )
    response = client.get("/en/accounts/", follow=True)
    assert response.redirect_chain[0][0].startswith("/en/accounts/sign-in/")
    assert b"without activity" in response.content
    assert StaffSession.objects.get(user=user).end_reason == "idle"


@pytest.mark.django_db
def test_the_absolute_timeout_ends_even_an_active_session(client: Client, settings):
    user = UserFactory()
    sign_in(client, user)
    StaffSession.objects.filter(user=user).update(
        created_at=timezone.now() - timedelta(seconds=settings.HAVEN_STAFF_ABSOLUTE_TIMEOUT + 5)
    )
    assert client.get("/en/accounts/").status_code == 302
    assert StaffSession.objects.get(user=user).end_reason == "absolute"


@pytest.mark.django_db
def test_staff_pages_carry_the_inactivity_warning(client: Client, settings):
    user = UserFactory()
    sign_in(client, user)
    html = client.get("/en/accounts/").content.decode()
    assert f'data-idle-timeout="{settings.HAVEN_STAFF_IDLE_TIMEOUT}"' in html
    assert "data-session-warning" in html and "Stay signed in" in html


@pytest.mark.django_db
def test_keepalive_resets_the_inactivity_clock(client: Client):
    user = UserFactory()
    sign_in(client, user)
    StaffSession.objects.filter(user=user).update(last_seen_at=timezone.now() - timedelta(minutes=10))
    response = client.post("/en/accounts/keepalive/", HTTP_ACCEPT="application/json")
    assert response.json()["ok"] is True
    assert (timezone.now() - StaffSession.objects.get(user=user).last_seen_at).total_seconds() < 5


@pytest.mark.django_db
def test_staff_can_see_and_end_their_other_sessions(client: Client):
    user = UserFactory()
    other_device = Client()
    sign_in(other_device, user)
    sign_in(client, user)
    page = client.get("/en/accounts/sessions/")
    assert page.status_code == 200
    assert page.content.count(b"<tr>") == 3  # header + two sessions
    client.post("/en/accounts/sessions/", {"all_others": "1"})
    assert other_device.get("/en/accounts/").status_code == 302  # the other device is out
    assert client.get("/en/accounts/").status_code == 200  # this one is not


@pytest.mark.django_db
def test_nobody_can_end_someone_elses_session(client: Client):
    user, other = UserFactory(), UserFactory()
    other_client = Client()
    sign_in(other_client, other)
    sign_in(client, user)
    session = StaffSession.objects.get(user=other)
    assert client.post("/en/accounts/sessions/", {"session": session.pk}).status_code == 404
    assert other_client.get("/en/accounts/").status_code == 200


@pytest.mark.django_db
def test_session_pages_show_no_address_or_device(client: Client):
    user = UserFactory()
    sign_in(client, user)
    field_names = {field.name for field in StaffSession._meta.get_fields()}
    assert not field_names & {"ip", "ip_address", "user_agent", "device"}


@pytest.mark.django_db
def test_ending_sessions_on_purpose_is_audit_logged(client: Client):

    user = UserFactory()
    other = StaffSession.objects.create(user=user)
    sign_in(client, user)
    client.post("/en/accounts/sessions/", {"session": str(other.pk)})
    client.post("/en/accounts/sessions/", {"all_others": "1"})
    client.post("/en/accounts/sign-out/")
    types = list(all_audit_entries().filter(action="sign-out").values_list("target_type", flat=True))
    assert types.count("accounts.user.session.ended") == 1
    assert types.count("accounts.user.session.signed-out") == 1
