"""Who may open the staff pages: the receiving organisation's moderators and admins, nobody else."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.testing import sign_in
from core.scopes import scope
from safety.models import Photo, Report
from safety.tests.conftest import jpeg_with_gps, submit

pytestmark = pytest.mark.django_db


def _urls(report: Report, photo: Photo, alert_pk: int) -> list[tuple[str, str]]:
    base = "/en/safety/org/org-a"
    return [
        ("get", f"{base}/"),
        ("get", f"{base}/reports/{report.pk}/"),
        ("get", f"{base}/reports/{report.pk}/photos/{photo.pk}/"),
        ("get", f"{base}/reports/{report.pk}/warn/"),
        ("get", f"{base}/warnings/"),
        ("post", f"{base}/warnings/{alert_pk}/withdraw/"),
        ("get", f"{base}/statistics/"),
        ("get", f"{base}/statistics.csv"),
    ]


@pytest.fixture
def report_a(desks):  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    from safety.tests.conftest import report_data

    client = Client()
    photo = SimpleUploadedFile("p.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = client.post("/en/safety/report/", {**report_data(what_happened="zq secret words"), "photos": [photo]})
    assert response.status_code == 200
    with scope(organisation=desks.org_a):
        report = Report.objects.get()
        return report, Photo.objects.get()


def _alert(desks, report):  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from django.utils import timezone

    from safety.services import alert_publish

    return alert_publish(
        organisation=desks.org_a,
        actor=desks.mona,
        report=report,
        kind="violence",
        country="BE",
        region="brussels",
        description={"en": "Careful"},
        expires_on=timezone.localdate() + timedelta(days=10),
    )


@pytest.mark.parametrize(
    ("who", "expected"),
    [("mona", 200), ("alice", 200), ("bob", 403), ("charlie", 404), ("molly", 404), ("anonymous", 302)],
)
def test_access_matrix(desks, report_a, who: str, expected: int):
    report, photo = report_a
    alert = _alert(desks, report)
    users = {"mona": desks.mona, "molly": desks.molly, **vars(desks.trio)}
    client = Client()
    if who != "anonymous":
        sign_in(client, users[who])
    for method, url in _urls(report, photo, alert.pk):
        response = getattr(client, method)(url)
        wanted = 302 if (method == "post" and expected == 200) else expected
        assert response.status_code == wanted, (who, url, response.status_code)
        if expected != 200:
            assert b"zq secret words" not in response.content


def test_another_organisations_moderator_cannot_reach_a_report_through_their_own_url(desks, report_a):
    report, _photo = report_a
    client = Client()
    sign_in(client, desks.molly)
    assert client.get(f"/en/safety/org/org-b/reports/{report.pk}/").status_code == 404
    assert b"zq secret words" not in client.get("/en/safety/org/org-b/").content


def test_reading_a_report_is_audited(desks, report_a):
    from accounts.testing import all_audit_entries

    report, _photo = report_a
    client = Client()
    sign_in(client, desks.mona)
    client.get(f"/en/safety/org/org-a/reports/{report.pk}/")
    entries = all_audit_entries().filter(target_type="safety.report", target_id=str(report.pk))
    assert {e.action for e in entries} >= {"create", "read"}
    assert entries.get(action="create").actor_id is None


def test_the_code_page_of_the_anonymous_report_is_no_staff_page(desks):
    code = submit(Client())
    assert len(code) > 30


@pytest.mark.parametrize(
    ("who", "expected"), [("alice", 200), ("mona", 403), ("bob", 403), ("charlie", 404), ("anonymous", 302)]
)
def test_only_admins_set_where_their_organisation_receives_reports(desks, who: str, expected: int):
    users = {"mona": desks.mona, **vars(desks.trio)}
    client = Client()
    if who != "anonymous":
        sign_in(client, users[who])
    assert client.get("/en/safety/org/org-a/desk/").status_code == expected


def test_an_admin_moves_the_desk_and_the_report_form_follows(desks):
    from safety.models import Desk

    client = Client()
    sign_in(client, desks.trio.alice)
    response = client.post("/en/safety/org/org-a/desk/", {"is_open": "on", "country": "NL", "regions": ["utrecht"]})
    assert response.status_code == 302
    assert Desk.objects.get(organisation=desks.org_a).regions == ["utrecht"]
    response = client.post("/en/safety/org/org-a/desk/", {"is_open": "on", "country": "BE", "regions": ["utrecht"]})
    assert "Tick only regions of the country" in response.content.decode()
    submit(Client(), region="utrecht")
    with scope(organisation=desks.org_a):
        assert Report.objects.get().country == "NL"
