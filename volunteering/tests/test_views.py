"""Public forms and the admins' pages: who may see what (owner, colleague, outsider, anonymous), audit, bad input."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.testing import all_audit_entries, sign_in
from core.scopes import scope
from volunteering.models import InternshipApplication, Status, VolunteerApplication
from volunteering.tests.factories import internship_application, semester, volunteer_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(trio):  # type: ignore[no-untyped-def]
    found = semester(trio.org_a)
    return {
        "semester": found,
        "volunteer": volunteer_application(trio.org_a),
        "intern": internship_application(trio.org_a, found),
    }


def staff_paths(data) -> list[str]:  # type: ignore[no-untyped-def]
    base = "/en/volunteer/manage/org/org-a/"
    return [
        base,
        f"{base}volunteer/{data['volunteer'].pk}/",
        f"{base}semester/new/",
        f"{base}semester/{data['semester'].pk}/",
        f"{base}internship/{data['intern'].pk}/",
    ]


def test_the_owner_sees_every_staff_page_and_the_reads_are_audited(client: Client, trio, data):
    sign_in(client, trio.alice)
    before = all_audit_entries().filter(action="read").count()
    for path in staff_paths(data):
        response = client.get(path)
        assert response.status_code == 200, path
    assert b"Vera Volunteer" in client.get(staff_paths(data)[0]).content
    assert all_audit_entries().filter(action="read").count() > before


def test_a_colleague_without_the_admin_role_is_refused(client: Client, trio, data):
    sign_in(client, trio.bob)
    for path in staff_paths(data):
        assert client.get(path).status_code == 403, path


def test_an_outsider_finds_nothing(client: Client, trio, data):
    sign_in(client, trio.charlie)
    for path in staff_paths(data):
        assert client.get(path).status_code == 404, path
    for path in staff_paths(data)[1:]:
        # Organisation B's own pages do not show organisation A's applications either.
        assert client.get(path.replace("org-a", "org-b")).status_code in (200, 404), path
    assert client.get(staff_paths(data)[1].replace("org-a", "org-b")).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client: Client, data):
    for path in staff_paths(data):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"], path


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_a_visitor_applies_as_a_volunteer(client: Client, trio, lang):
    response = client.post(
        f"/{lang}/volunteer/org-a/",
        {
            "name": "Noor",
            "email": "noor@example.org",
            "areas": ["translation", "events"],
            "languages": "Arabic, Dutch",
            "availability": "Sundays",
        },
    )
    assert response.status_code == 302 and response["Location"] == f"/{lang}/volunteer/org-a/thanks/"
    assert client.get(response["Location"]).status_code == 200
    with scope(organisation=trio.org_a):
        found = VolunteerApplication.objects.get()
    assert (found.name, found.area_list(), found.language) == ("Noor", ["translation", "events"], lang)
    assert not response.cookies


def test_translation_without_languages_is_refused_and_keeps_what_was_typed(client: Client, trio):
    response = client.post(
        "/en/volunteer/org-a/",
        {"name": "Noor", "email": "noor@example.org", "areas": ["translation"], "availability": "Sundays"},
    )
    assert response.status_code == 200
    assert b"Tell us which languages" in response.content and b'value="Noor"' in response.content


def test_the_vacancies_page_says_when_there_are_none(client: Client, trio):
    response = client.get("/en/volunteer/org-a/vacancies/")
    assert b"There are no vacancies" in response.content
    semester(trio.org_a)
    assert b"There are no vacancies" not in client.get("/en/volunteer/org-a/vacancies/").content


def test_an_unknown_or_inactive_organisation_has_no_pages(client: Client, trio):
    assert client.get("/en/volunteer/nobody/").status_code == 404
    trio.org_b.is_active = False
    trio.org_b.save()
    assert client.get("/en/volunteer/org-b/vacancies/").status_code == 404


def test_an_intern_applies_and_is_refused_without_the_confirmation(client: Client, trio):
    found = semester(trio.org_a)
    form = {
        "semester": found.pk,
        "name": "Ilse",
        "email": "ilse@example.org",
        "school": "KU Leuven",
        "motivation": "Because",
    }
    response = client.post("/en/volunteer/org-a/internship/", form)
    assert response.status_code == 200 and b"social assistant" in response.content
    response = client.post(
        "/en/volunteer/org-a/internship/", {**form, "no_social_assistant_required": "on", "sex_work_experience": "on"}
    )
    assert response.status_code == 302
    with scope(organisation=trio.org_a):
        assert InternshipApplication.objects.get().sex_work_experience is True


def test_a_semester_of_another_organisation_cannot_be_chosen(client: Client, trio):
    other = semester(trio.org_b)
    semester(trio.org_a)
    response = client.post(
        "/en/volunteer/org-a/internship/",
        {
            "semester": other.pk,
            "name": "X",
            "email": "x@example.org",
            "school": "S",
            "motivation": "M",
            "no_social_assistant_required": "on",
        },
    )
    assert response.status_code == 200
    with scope(organisation=trio.org_b):
        assert not InternshipApplication.objects.exists()


def test_the_admin_accepts_until_the_places_are_taken_with_a_clear_message(client: Client, trio, data):
    sign_in(client, trio.alice)
    found = data["semester"]
    others = [internship_application(trio.org_a, found, name=f"Other {n}") for n in range(2)]
    for application in [data["intern"], others[0]]:
        response = client.post(
            f"/en/volunteer/manage/org/org-a/internship/{application.pk}/", {"status": Status.ACCEPTED, "notes": "ok"}
        )
        assert response.status_code == 302
    response = client.post(
        f"/en/volunteer/manage/org/org-a/internship/{others[1].pk}/", {"status": Status.ACCEPTED, "notes": "x"}
    )
    assert response.status_code == 200 and b"places of this semester are taken" in response.content


def test_the_admin_updates_a_volunteer_application_and_it_is_audited(client: Client, trio, data):
    sign_in(client, trio.alice)
    application = data["volunteer"]
    response = client.post(
        f"/en/volunteer/manage/org/org-a/volunteer/{application.pk}/", {"status": Status.CONTACTED, "notes": "Called"}
    )
    assert response.status_code == 302
    with scope(organisation=trio.org_a):
        application.refresh_from_db()
    assert (application.status, application.notes) == (Status.CONTACTED, "Called")
    assert all_audit_entries().filter(action="update", target_id=str(application.pk)).exists()
