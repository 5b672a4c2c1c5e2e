"""What a copy of the database shows of a report: nothing readable, and nothing about the sender's device."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accounts.testing import sign_in
from core.scopes import scope
from core.testing import raw_database_dump
from safety.keys import normalise_phone
from safety.models import Report
from safety.tests.conftest import jpeg_with_gps, report_data

MARKER = "zq-safety-marker-5d1c"
ADDRESS = "198.51.100.77"
AGENT = "ZqAgent/9.9 (marker browser)"


@pytest.mark.django_db(transaction=True)
def test_no_report_text_no_address_and_no_user_agent_reach_the_database(desks):
    from vocabulary.services import vocabulary_load

    vocabulary_load()  # a flushing test runs after others have emptied the database: the regions come back
    client = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT, HTTP_X_FORWARDED_FOR=ADDRESS)
    photo = SimpleUploadedFile("p.jpg", jpeg_with_gps(), content_type="image/jpeg")
    data = report_data(
        what_happened=f"{MARKER} what",
        place=f"{MARKER} place",
        appearance=f"{MARKER} looks",
        phone="0470 98 76 54",
        car=f"{MARKER} car",
        plate="1-ZQX-987",
        handle=f"{MARKER}handle",
        contact=f"{MARKER}@example.org",
        happened_on="2026-11-02",
    )
    response = client.post("/en/safety/report/", {**data, "photos": [photo]})
    page = response.content.decode()
    code = page.split("data-reply-code>")[1].split("<")[0]
    client.post("/en/safety/reply/send/", {"code": code, "body": f"{MARKER} reply"})
    with scope(organisation=desks.org_a):
        report = Report.objects.get()
    staff = Client()
    sign_in(staff, desks.mona)
    staff.post(f"/en/safety/org/org-a/reports/{report.pk}/", {"form": "message", "body": f"{MARKER} answer"})
    staff.post(
        f"/en/safety/org/org-a/reports/{report.pk}/", {"form": "message", "body": f"{MARKER} n", "internal": "1"}
    )
    assert MARKER in staff.get(f"/en/safety/org/org-a/reports/{report.pk}/").content.decode()

    dump = raw_database_dump()
    secrets = [
        MARKER,
        ADDRESS,
        AGENT,
        "ZqAgent",
        code,
        code.replace("-", ""),
        "1ZQX987",
        "1-ZQX-987",
        "470987654",
        "0470 98 76 54",
        normalise_phone("0470 98 76 54"),
        "2026-11-02",
        "ZqCameraMaker",
    ]
    for secret in secrets:
        assert secret.encode() not in dump, secret
        assert secret.encode("utf-16-le") not in dump, secret
