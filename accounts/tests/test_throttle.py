"""A stranger cannot lock a chosen staff member out by failing to sign in as them."""

import pytest
from django.test import Client

from accounts.testing import TEST_PASSWORD, UserFactory, current_code

LOGIN = "/en/accounts/sign-in/"


def _try(client: Client, email: str, password: str):
    return client.post(LOGIN, {"email": email, "password": password})


def _from(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


@pytest.mark.django_db
def test_failures_from_another_device_do_not_block_the_member(settings):
    settings.HAVEN_LOGIN_MAX_FAILURES = 3
    user = UserFactory()
    stranger = _from("203.0.113.7")
    for _ in range(3):
        _try(stranger, user.email, "guess")
    assert b"Too many attempts" in _try(stranger, user.email, TEST_PASSWORD).content  # the stranger is blocked
    response = _try(_from("198.51.100.1"), user.email, TEST_PASSWORD)  # the member, elsewhere, is not
    assert response.status_code == 302


@pytest.mark.django_db
def test_guessing_spread_over_many_addresses_meets_the_slower_account_limit(settings):
    settings.HAVEN_LOGIN_MAX_FAILURES = 2  # account-wide: 20 failures
    user = UserFactory()
    for n in range(20):
        _try(_from(f"203.0.113.{n + 1}"), user.email, "guess")
    response = _try(_from("198.51.100.1"), user.email, TEST_PASSWORD)
    assert b"Too many attempts" in response.content


@pytest.mark.django_db
def test_the_member_still_signs_in_where_they_signed_in_before(settings):
    settings.HAVEN_LOGIN_MAX_FAILURES = 2
    user = UserFactory()
    member = _from("198.51.100.1")
    _try(member, user.email, TEST_PASSWORD)
    response = member.post("/en/accounts/sign-in/code/", {"code": current_code(user)})
    assert response.status_code == 302 and "haven_staff_device" in response.cookies
    member.post("/en/accounts/sign-out/")
    for n in range(20):
        _try(_from(f"203.0.113.{n + 1}"), user.email, "guess")
    assert b"Too many attempts" in _try(_from("198.51.100.9"), user.email, TEST_PASSWORD).content
    assert _try(member, user.email, TEST_PASSWORD).status_code == 302  # the known browser gets through


@pytest.mark.django_db
def test_a_device_cookie_of_one_account_does_not_help_another(settings):
    settings.HAVEN_LOGIN_MAX_FAILURES = 2
    member, target = UserFactory(), UserFactory()
    browser = _from("198.51.100.1")
    _try(browser, member.email, TEST_PASSWORD)
    browser.post("/en/accounts/sign-in/code/", {"code": current_code(member)})
    browser.post("/en/accounts/sign-out/")
    for n in range(20):
        _try(_from(f"203.0.113.{n + 1}"), target.email, "guess")
    assert b"Too many attempts" in _try(browser, target.email, TEST_PASSWORD).content


@pytest.mark.django_db
def test_a_forged_device_cookie_is_ignored(settings):
    settings.HAVEN_LOGIN_MAX_FAILURES = 2
    user = UserFactory()
    for n in range(20):
        _try(_from(f"203.0.113.{n + 1}"), user.email, "guess")
    forger = _from("198.51.100.1")
    forger.cookies["haven_staff_device"] = "forged:value"
    assert b"Too many attempts" in _try(forger, user.email, TEST_PASSWORD).content


@pytest.mark.django_db
def test_wrong_second_step_codes_from_another_device_do_not_block_the_member(settings):
    settings.HAVEN_LOGIN_MAX_FAILURES = 3
    user = UserFactory()
    stranger = _from("203.0.113.7")
    _try(stranger, user.email, TEST_PASSWORD)  # a stranger who knows the password
    for _ in range(3):
        stranger.post("/en/accounts/sign-in/code/", {"code": "000000"})
    assert b"Too many attempts" in stranger.post("/en/accounts/sign-in/code/", {"code": "000000"}).content
    member = _from("198.51.100.1")
    _try(member, user.email, TEST_PASSWORD)
    assert member.post("/en/accounts/sign-in/code/", {"code": current_code(user)}).status_code == 302
