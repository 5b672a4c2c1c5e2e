"""The anonymous report: sending it, the reply code, coming back and talking with a moderator."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accounts.testing import sign_in
from core.scopes import scope
from safety.models import Message, Report
from safety.tests.conftest import report_data, submit

pytestmark = pytest.mark.django_db


def test_a_report_goes_to_the_desk_of_its_region_and_gives_a_code(desks, client: Client):
    code = submit(client, region="flanders", phone="0470 11 22 33")
    assert len(code.replace("-", "")) == 28
    with scope(organisation=desks.org_b):
        report = Report.objects.get()
    assert report.organisation == desks.org_b
    assert report.what_happened.startswith("He pushed me")
    assert report.country == "BE" and report.region == "flanders"


def test_the_person_can_choose_the_organisation(desks, client: Client):
    submit(client, receiver="org-b", region="brussels")
    with scope(organisation=desks.org_b):
        assert Report.objects.count() == 1
    with scope(organisation=desks.org_a):
        assert Report.objects.count() == 0


def test_the_person_comes_back_reads_the_answer_and_replies(desks, client: Client):
    code = submit(client)
    with scope(organisation=desks.org_a):
        report = Report.objects.get()
    staff = Client()
    sign_in(staff, desks.mona)
    response = staff.post(
        f"/en/safety/org/org-a/reports/{report.pk}/", {"form": "message", "body": "We can meet you tomorrow."}
    )
    assert response.status_code == 302
    staff.post(
        f"/en/safety/org/org-a/reports/{report.pk}/", {"form": "message", "body": "zq internal", "internal": "on"}
    )

    page = client.post("/en/safety/reply/", {"code": code.lower().replace("-", " ")}).content.decode()
    assert "We can meet you tomorrow." in page
    assert "zq internal" not in page

    page = client.post(
        "/en/safety/reply/send/", {"code": code, "body": "Thank you, tomorrow is fine."}
    ).content.decode()
    assert "Thank you, tomorrow is fine." in page
    with scope(organisation=desks.org_a):
        assert [m.author for m in Message.objects.all()] == ["staff", "note", "reporter"]
    assert "Thank you, tomorrow is fine." in staff.get(f"/en/safety/org/org-a/reports/{report.pk}/").content.decode()


def test_a_wrong_code_opens_nothing(desks, client: Client):
    submit(client)
    response = client.post("/en/safety/reply/", {"code": "2222-2222-2222-2222-2222-2222-2222"})
    assert "does not open a report" in response.content.decode()


def test_missing_fields_keep_what_was_typed(desks, client: Client):
    response = client.post("/en/safety/report/", report_data(region="", what_happened="zq typed text"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "zq typed text" in page and "What you typed is kept" in page


def test_a_broken_upload_gets_a_clear_error_and_keeps_the_text(desks, client: Client):
    broken = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0 not really a jpeg", content_type="image/jpeg")
    response = client.post("/en/safety/report/", {**report_data(what_happened="zq kept text"), "photos": [broken]})
    page = response.content.decode()
    assert response.status_code == 200
    assert "zq kept text" in page
    assert "could not be read" in page
    with scope(organisation=desks.org_a):
        assert not Report.objects.exists()


def test_a_huge_upload_gets_a_clear_error_and_keeps_the_text(desks, client: Client):
    huge = SimpleUploadedFile("big.jpg", b"\xff\xd8\xff" + b"0" * (6 * 1024 * 1024), content_type="image/jpeg")
    response = client.post("/en/safety/report/", {**report_data(what_happened="zq kept text"), "photos": [huge]})
    page = response.content.decode()
    assert "zq kept text" in page
    assert "too large" in page


def test_a_wrong_kind_of_file_is_refused(desks, client: Client):
    text = SimpleUploadedFile("notes.txt", b"hello", content_type="text/plain")
    response = client.post("/en/safety/report/", {**report_data(), "photos": [text]})
    assert "not accepted" in response.content.decode()


def test_an_unknown_phone_number_is_refused_with_the_text_kept(desks, client: Client):
    response = client.post("/en/safety/report/", report_data(phone="12", what_happened="zq kept"))
    assert "does not look like a phone number" in response.content.decode()


def test_no_desk_for_the_region_says_so(desks, client: Client):
    response = client.post("/en/safety/report/", report_data(region="utrecht"))
    assert "No organisation receives reports" in response.content.decode()


def test_reports_are_rate_limited(desks, client: Client):
    for _ in range(5):
        submit(client)
    response = client.post("/en/safety/report/", report_data())
    assert "Too many reports" in response.content.decode()


def test_the_person_deletes_their_report_with_the_code(desks, client: Client):
    code = submit(client)
    page = client.post("/en/safety/reply/delete/", {"code": code}).content.decode()
    assert "Delete your report?" in page
    with scope(organisation=desks.org_a):
        assert Report.objects.exists()
    page = client.post("/en/safety/reply/delete/", {"code": code, "confirm": "yes"}).content.decode()
    assert "Your report is deleted" in page
    with scope(organisation=desks.org_a):
        assert not Report.objects.exists()
    assert "does not open a report" in client.post("/en/safety/reply/", {"code": code}).content.decode()


def test_the_conversation_is_not_shown_as_site_messages(desks, client: Client):
    code = submit(client)
    client.post("/en/safety/reply/send/", {"code": code, "body": "zq first words"})
    page = client.post("/en/safety/reply/", {"code": code}).content.decode()
    assert page.count("zq first words") == 1
    assert 'class="messages"' not in page
