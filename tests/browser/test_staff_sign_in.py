"""Staff sign-in in a real browser: password, one-time code, the inactivity warning, a security key."""

import pyotp
import pytest

from accounts.models import WebAuthnCredential
from accounts.testing import TEST_PASSWORD, UserFactory, current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, user):
    page.goto("/en/accounts/sign-in/")
    page.fill("input[name=email]", user.email)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit] >> text=Continue")
    page.fill("input[name=code]", current_code(user))
    page.click("button[type=submit] >> text=Sign in")
    page.wait_for_url("**/en/accounts/")


def test_sign_in_with_an_authenticator_code(page):
    user = UserFactory(name="Browser Tester")
    _sign_in(page, user)
    assert "Welcome, Browser Tester" in page.text_content("h1")


def test_the_inactivity_warning_appears_and_staying_signed_in_works(page, settings):
    settings.HAVEN_STAFF_IDLE_TIMEOUT = 8
    settings.HAVEN_STAFF_IDLE_WARNING = 6
    user = UserFactory()
    _sign_in(page, user)
    warning = page.locator("[data-session-warning]")
    assert warning.is_hidden()
    warning.wait_for(state="visible", timeout=6000)
    with page.expect_response("**/accounts/keepalive/"):
        page.click("text=Stay signed in")
    assert warning.is_hidden()


def test_a_security_key_can_be_added_and_used_to_sign_in(context_factory):
    context = context_factory()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": False,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    user = UserFactory()
    _sign_in(page, user)
    page.goto("/en/accounts/security/")
    page.fill("#id_key_name", "Blue key")
    page.click("text=Add a security key")
    page.wait_for_selector("text=Your security key is added.")
    assert WebAuthnCredential.objects.filter(user=user, name="Blue key").exists()

    page.click("text=Sign out")
    page.goto("/en/accounts/sign-in/")
    page.fill("input[name=email]", user.email)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit] >> text=Continue")
    page.click("text=Use security key")
    page.wait_for_url("**/en/accounts/")
    assert WebAuthnCredential.objects.get(user=user).last_used_at is not None
    assert pyotp  # the authenticator code was not needed


def test_a_member_whose_second_step_is_a_key_confirms_sensitive_actions_with_it(context_factory):
    from django.contrib.sessions.backends.db import SessionStore

    from accounts.access import REAUTH_SESSION_KEY
    from accounts.models import TOTPDevice

    context = context_factory()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": False,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    user = UserFactory()
    _sign_in(page, user)
    page.goto("/en/accounts/security/")
    page.fill("#id_key_name", "Green key")
    page.click("text=Add a security key")
    page.wait_for_selector("text=Your security key is added.")
    TOTPDevice.objects.filter(user=user).delete()  # the key is now the only second step
    cookie = next(c for c in context.cookies() if c["name"] == "haven_session")
    session = SessionStore(session_key=cookie["value"])
    session[REAUTH_SESSION_KEY] = 0  # the last confirmation is old
    session.save()

    page.goto("/en/accounts/security/password/")
    page.wait_for_url("**/en/accounts/confirm/**")
    page.fill("#id_key_password", TEST_PASSWORD)
    page.click("text=Use security key")
    page.wait_for_url("**/en/accounts/security/password/")
    assert page.locator("input[name=password1]").count() == 1
