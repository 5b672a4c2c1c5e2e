"""The axe helper refuses to check an error page or a sign-in page it was sent to instead."""

from types import SimpleNamespace

import pytest

from tests.browser.conftest import assert_page_served


def test_a_page_that_answered_is_accepted():
    assert_page_served("/en/", SimpleNamespace(status=200), "http://x/en/")
    assert_page_served("/", SimpleNamespace(status=200), "http://x/en/")
    assert_page_served("/en/accounts/sign-in/", SimpleNamespace(status=200), "http://x/en/accounts/sign-in/")


@pytest.mark.parametrize("status", [404, 403, 500])
def test_an_error_page_fails_the_check(status):
    with pytest.raises(AssertionError, match=f"answered {status}"):
        assert_page_served("/en/no-such-page/", SimpleNamespace(status=status), "http://x/en/no-such-page/")


@pytest.mark.parametrize("landed", ["/en/accounts/sign-in/?next=/en/accounts/", "/en/plan/sign-in/"])
def test_a_redirect_to_sign_in_fails_the_check(landed):
    with pytest.raises(AssertionError, match="redirected to sign in"):
        assert_page_served("/en/plan/goals/", SimpleNamespace(status=200), f"http://x{landed}")


def test_no_response_fails_the_check():
    with pytest.raises(AssertionError):
        assert_page_served("/en/", None, "about:blank")


def test_an_expected_error_page_can_be_checked_on_purpose():
    assert_page_served("/en/no-such-page/", SimpleNamespace(status=404), "http://x/en/no-such-page/", 404)
    with pytest.raises(AssertionError, match="answered 200, not 404"):
        assert_page_served("/en/no-such-page/", SimpleNamespace(status=200), "http://x/en/no-such-page/", 404)
