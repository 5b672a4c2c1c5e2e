"""Warnings: a moderator turns a report into one; sex workers read them and check a number; they expire."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.testing import sign_in
from core.scopes import scope
from safety import selectors, services
from safety.models import Alert, AlertIdentifier, Report
from safety.tests.conftest import submit

pytestmark = pytest.mark.django_db

WORDS = "He grabbed my arm in the car park behind the station and would not let go"


def _moderator(desks) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    sign_in(client, desks.mona)
    return client


def _alert_post(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": "violence",
        "region": "brussels",
        "description_nl": "",
        "description_fr": "",
        "description_en": "A client became violent near the North station. Meet new clients somewhere safe.",
        "expires_on": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "phones": "0470 55 66 77",
        "plates": "",
        "handles": "",
    }
    data.update(overrides)
    return data


def test_a_moderator_turns_a_report_into_a_warning_and_a_number_can_be_checked(desks):
    submit(Client(), what_happened=WORDS, phone="0470 55 66 77")
    with scope(organisation=desks.org_a):
        report = Report.objects.get()
    moderator = _moderator(desks)
    form = moderator.get(f"/en/safety/org/org-a/reports/{report.pk}/warn/").content.decode()
    assert "did not allow their own words" in form
    response = moderator.post(f"/en/safety/org/org-a/reports/{report.pk}/warn/", _alert_post())
    assert response.status_code == 302, response.content.decode()[:2000]
    alert = Alert.objects.get()
    assert alert.country == "BE" and alert.region == "brussels"
    assert "0470" not in str(list(AlertIdentifier.objects.values_list("digest", flat=True)))

    visitor = Client()
    page = visitor.get("/en/safety/warnings/").content.decode()
    assert "near the North station" in page
    assert WORDS not in page
    assert "0470" not in page
    result = visitor.post("/en/safety/check/", {"number": "+32 470 55 66 77"}).content.decode()
    assert "A current notice mentions this number" in result
    result = visitor.post("/en/safety/check/", {"number": "0470 00 00 01"}).content.decode()
    assert "No current notice mentions this number" in result
    assert not visitor.cookies.get("sessionid")


def test_the_reporters_words_are_refused_without_consent(desks):
    submit(Client(), what_happened=WORDS)
    with scope(organisation=desks.org_a):
        report = Report.objects.get()
    response = _moderator(desks).post(
        f"/en/safety/org/org-a/reports/{report.pk}/warn/", _alert_post(description_en=f"Careful: {WORDS}.")
    )
    assert response.status_code == 200
    assert "did not agree that their own words are published" in response.content.decode()
    assert not Alert.objects.exists()


def test_with_consent_the_reporters_words_may_be_used(desks):
    submit(Client(), what_happened=WORDS, consent_words="on")
    with scope(organisation=desks.org_a):
        report = Report.objects.get()
    response = _moderator(desks).post(
        f"/en/safety/org/org-a/reports/{report.pk}/warn/", _alert_post(description_en=WORDS)
    )
    assert response.status_code == 302, response.content.decode().split("form-problems")[-1][:1500]


def test_warnings_expire_and_can_be_withdrawn(desks):
    alert = services.alert_publish(
        organisation=desks.org_a,
        actor=desks.mona,
        report=None,
        kind="robbery",
        country="BE",
        region="brussels",
        description={"en": "zq careful"},
        expires_on=timezone.localdate() + timedelta(days=2),
        phones=["0470 55 66 77"],
    )
    assert list(selectors.current_alerts()) == [alert]
    assert not selectors.current_alerts(today=timezone.localdate() + timedelta(days=3)).exists()
    Alert.objects.filter(pk=alert.pk).update(expires_on=timezone.localdate() - timedelta(days=100))
    assert services.alerts_purge_expired() >= 1
    assert not Alert.objects.exists()


def test_withdrawing_hides_a_warning(desks):
    alert = services.alert_publish(
        organisation=desks.org_a,
        actor=desks.mona,
        report=None,
        kind="robbery",
        country="BE",
        region="brussels",
        description={"en": "zq careful"},
        expires_on=timezone.localdate() + timedelta(days=2),
    )
    moderator = _moderator(desks)
    assert moderator.post(f"/en/safety/org/org-a/warnings/{alert.pk}/withdraw/").status_code == 302
    assert "zq careful" not in Client().get("/en/safety/warnings/").content.decode()


def test_warnings_are_filtered_by_country_and_region(desks):
    for region, country, text in (("brussels", "BE", "zq-be"), ("utrecht", "NL", "zq-nl")):
        services.alert_publish(
            organisation=desks.org_a,
            actor=desks.mona,
            report=None,
            kind="other",
            country=country,
            region=region,
            description={"en": text},
            expires_on=timezone.localdate() + timedelta(days=5),
        )
    client = Client()
    be = client.get("/en/safety/warnings/").content.decode()
    nl = client.get("/en/safety/warnings/?country=nl").content.decode()
    assert "zq-be" in be and "zq-nl" not in be
    assert "zq-nl" in nl and "zq-be" not in nl
    assert "Ugly Mugs NL" in nl
    assert "zq-be" not in client.get("/en/safety/warnings/?region=wallonia").content.decode()


def test_checking_numbers_is_rate_limited(desks):
    client = Client()
    for _ in range(30):
        client.post("/en/safety/check/", {"number": "0470 00 00 01"})
    assert "Too many numbers" in client.post("/en/safety/check/", {"number": "0470 00 00 01"}).content.decode()


def test_a_bad_number_gets_a_clear_error(desks):
    page = Client().post("/en/safety/check/", {"number": "hello"}).content.decode()
    assert "does not look like a phone number" in page and "hello" in page
