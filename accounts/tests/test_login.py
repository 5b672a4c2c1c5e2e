import pyotp
import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import StaffSession
from accounts.testing import TEST_PASSWORD, UserFactory, current_code

LOGIN = "/en/accounts/sign-in/"
VERIFY = "/en/accounts/sign-in/code/"


def _password_step(client: Client, email: str, password: str = TEST_PASSWORD):
    return client.post(LOGIN, {"email": email, "password": password})


@pytest.mark.django_db
def test_sign_in_needs_the_password_and_then_the_code(client: Client):
    user = UserFactory()
    response = _password_step(client, user.email)
    assert response.status_code == 302 and response["Location"] == VERIFY
    assert client.get("/en/accounts/").status_code == 302  # not signed in after the password alone
    response = client.post(VERIFY, {"code": current_code(user)})
    assert response.status_code == 302 and response["Location"] == "/en/accounts/"
    assert client.get("/en/accounts/").status_code == 200
    assert StaffSession.objects.filter(user=user, ended_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_a_wrong_code_keeps_you_out(client: Client):
    user = UserFactory()
    _password_step(client, user.email)
    response = client.post(VERIFY, {"code": "000000"})
    assert response.status_code == 200
    assert b"not right" in response.content
    assert client.get("/en/accounts/").status_code == 302


@pytest.mark.django_db
def test_a_code_works_only_once(client: Client):
    user = UserFactory()
    code = current_code(user)
    _password_step(client, user.email)
    client.post(VERIFY, {"code": code})
    other = Client()
    _password_step(other, user.email)
    response = other.post(VERIFY, {"code": code})
    assert response.status_code == 200 and b"already used" in response.content


@pytest.mark.django_db
def test_sign_in_does_not_reveal_whether_an_account_exists(client: Client):
    user = UserFactory()
    wrong_password = _password_step(client, user.email, "not the password")
    unknown = _password_step(Client(), "nobody@example.org", "not the password")
    assert wrong_password.status_code == unknown.status_code == 200
    error = b"That email address and password do not match an active account."
    assert error in wrong_password.content and error in unknown.content


@pytest.mark.django_db
def test_an_inactive_account_gets_the_same_answer(client: Client):
    user = UserFactory(is_active=False)
    response = _password_step(client, user.email)
    assert b"do not match an active account" in response.content


@pytest.mark.django_db
def test_repeated_failures_are_throttled_even_with_the_right_password(client: Client, settings):
    settings.HAVEN_LOGIN_MAX_FAILURES = 3
    user = UserFactory()
    for _ in range(3):
        _password_step(Client(), user.email, "wrong")
    response = _password_step(client, user.email)  # right password, but blocked
    assert response.status_code == 200
    assert b"Too many attempts" in response.content


@pytest.mark.django_db
def test_typed_email_is_kept_after_an_error(client: Client):
    response = _password_step(client, "someone@example.org", "wrong")
    assert b'value="someone@example.org"' in response.content


@pytest.mark.django_db
def test_new_staff_must_set_up_an_authenticator_before_they_are_in(client: Client):
    user = UserFactory(totp=None)
    user.totp_devices.all().delete()
    response = _password_step(client, user.email)
    assert response["Location"] == "/en/accounts/sign-in/authenticator/"
    page = client.get(response["Location"])
    assert b"<svg" in page.content
    device = user.totp_devices.get(confirmed=False)
    response = client.post("/en/accounts/sign-in/authenticator/", {"code": pyotp.TOTP(device.secret).now()})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/en/accounts/").status_code == 200


@pytest.mark.django_db
def test_the_password_step_expires(client: Client, monkeypatch):
    user = UserFactory()
    _password_step(client, user.email)
    import accounts.views as views

    real_time = views.time.time
    monkeypatch.setattr(views.time, "time", lambda: real_time() + 10 * 60)
    response = client.post(VERIFY, {"code": current_code(user)})
    assert response["Location"] == LOGIN


@pytest.mark.django_db
def test_sign_out_ends_the_staff_session(client: Client):
    user = UserFactory()
    _password_step(client, user.email)
    client.post(VERIFY, {"code": current_code(user)})
    client.post("/en/accounts/sign-out/")
    session = StaffSession.objects.get(user=user)
    assert session.ended_at is not None and session.ended_at <= timezone.now()
    assert client.get("/en/accounts/").status_code == 302
