"""No IP address or user agent is ever stored: not in the database, not in logs, not in error reports."""

import logging

import pytest
from django.test import Client
from django.urls import path

from accounts.testing import TEST_PASSWORD, UserFactory, current_code
from core.testing import raw_database_dump

IP = "203.0.113.77"
FORWARDED_IP = "198.51.100.23"
UA = "HavenMarkerAgent/9.9 (ua-marker-5f2e)"


def _explode(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [path("explode/", _explode)]


def _visit_everything(client: Client) -> None:
    headers = {"REMOTE_ADDR": IP, "HTTP_USER_AGENT": UA, "HTTP_X_FORWARDED_FOR": FORWARDED_IP}
    user = UserFactory(email="privacy@example.org")
    for path_ in ["/", "/en/", "/nl/safety/browse-safely/", "/en/no-such-page/", "/healthz", "/exit/"]:
        client.get(path_, **headers)
    client.post("/en/accounts/sign-in/", {"email": "nobody@example.org", "password": "wrong"}, **headers)
    client.post("/en/accounts/sign-in/", {"email": user.email, "password": "wrong"}, **headers)
    client.post("/en/accounts/sign-in/", {"email": user.email, "password": TEST_PASSWORD}, **headers)
    client.post("/en/accounts/sign-in/code/", {"code": current_code(user)}, **headers)
    client.get("/en/accounts/sessions/", **headers)


@pytest.mark.django_db(transaction=True)
def test_no_address_or_user_agent_reaches_the_database(client: Client):
    _visit_everything(client)
    dump = raw_database_dump()
    assert b"ua-marker-5f2e" not in dump
    assert IP.encode() not in dump
    assert FORWARDED_IP.encode() not in dump


@pytest.mark.django_db
def test_no_address_or_user_agent_reaches_the_logs(client: Client, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    _visit_everything(client)
    logged = caplog.text + "".join(str(record.__dict__) for record in caplog.records)
    out = capsys.readouterr()
    for text in (logged, out.out, out.err):
        assert "ua-marker-5f2e" not in text
        assert IP not in text
        assert FORWARDED_IP not in text


@pytest.fixture
def emailed_error_reports(settings):
    """Django's emailed error report (with the request's META), attached the way an operator would."""
    from django.utils.log import AdminEmailHandler

    settings.ADMINS = [("Admin", "admin@example.org")]
    handler = AdminEmailHandler(include_html=True)
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield
    logger.removeHandler(handler)


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_error_reports_do_not_carry_the_address(caplog, mailoutbox, emailed_error_reports):
    caplog.set_level(logging.DEBUG)
    client = Client(raise_request_exception=False)
    response = client.get(
        "/explode/?q=marker-words", REMOTE_ADDR=IP, HTTP_USER_AGENT=UA, HTTP_X_FORWARDED_FOR=FORWARDED_IP
    )
    assert response.status_code == 500
    assert len(mailoutbox) == 1, "the error report was not emailed: this test would check nothing"
    email = mailoutbox[0]
    assert "a bug in a view" in email.body and "META" in email.body
    emailed = email.body + "".join(str(content) for content, _type in email.alternatives)
    logged = caplog.text + "".join(str(record.__dict__) for record in caplog.records)
    for report in (emailed, logged):
        assert "ua-marker-5f2e" not in report
        assert IP not in report
        assert FORWARDED_IP not in report


def test_views_never_see_the_address(rf):
    from core.middleware import ClientPrivacyMiddleware

    seen = {}

    def view(request):
        seen.update(request.META)
        return None

    request = rf.get("/", REMOTE_ADDR=IP, HTTP_USER_AGENT=UA, HTTP_X_FORWARDED_FOR=FORWARDED_IP)
    ClientPrivacyMiddleware(view)(request)
    assert "REMOTE_ADDR" not in seen and "HTTP_USER_AGENT" not in seen and "HTTP_X_FORWARDED_FOR" not in seen
    assert len(request.client_key) == 32 and IP not in request.client_key
