"""Research and media requests: the public form, the admins' triage, replies in the requester's language."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts.testing import all_audit_entries, sign_in
from core.retention import purge_all
from core.scopes import scope
from core.testing import raw_database_dump
from research import services
from research.models import Decision, ResearchRequest
from research.replies import reply_template

MARKER = "RESEARCHMARKERQWZX"


def make_request(organisation, **overrides):  # type: ignore[no-untyped-def]
    values = {
        "name": "Rita Researcher",
        "email": "rita@example.org",
        "kind": "student",
        "affiliation": "UGent",
        "questions": "What changed since 2022?",
        "duration": "One interview",
        "anonymisation": "No names",
        "compensation_offered": False,
        "compensation": "",
        "needed_by": timezone.localdate() + timedelta(days=30),
        "language": "fr",
    }
    values.update(overrides)
    return services.request_create(organisation=organisation, **values)


def form_data(**overrides):  # type: ignore[no-untyped-def]
    data = {
        "name": "Jo Journalist",
        "email": "jo@example.org",
        "kind": "journalist",
        "affiliation": "A newspaper",
        "questions": "How do sex workers experience the new labour law?",
        "duration": "Two weeks",
        "anonymisation": "Pseudonyms, no photos",
        "compensation_offered": "yes",
        "compensation": "€50 per interview",
        "needed_by": (timezone.localdate() + timedelta(days=20)).isoformat(),
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_a_requester_sends_a_request_in_their_language(client: Client, trio, lang):
    page = client.get(f"/{lang}/research/org-a/")
    assert page.status_code == 200
    response = client.post(f"/{lang}/research/org-a/", form_data())
    assert response.status_code == 302 and response["Location"] == f"/{lang}/research/org-a/thanks/"
    with scope(organisation=trio.org_a):
        found = ResearchRequest.objects.get()
    assert (found.language, found.compensation, found.kind) == (lang, "€50 per interview", "journalist")


@pytest.mark.django_db
def test_the_form_explains_that_testimonies_are_rarely_possible(client: Client, trio):
    assert b"Testimonies are rarely possible." in client.get("/en/research/org-a/").content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value, message",
    [
        ("questions", "", b"This field is required"),
        ("duration", "", b"This field is required"),
        ("anonymisation", "", b"This field is required"),
        ("compensation_offered", "", b"This field is required"),
        ("compensation", "", b"Tell us what compensation you offer."),
        ("needed_by", "2001-01-01", b"This date has passed."),
        ("needed_by", "not a date", b"Enter a valid date."),
    ],
)
def test_each_required_answer_is_asked_for_and_what_was_typed_is_kept(client: Client, trio, field, value, message):
    response = client.post("/en/research/org-a/", form_data(**{field: value}))
    assert response.status_code == 200 and message in response.content
    assert b"Jo Journalist" in response.content


def staff_paths(found) -> list[str]:  # type: ignore[no-untyped-def]
    return ["/en/research/manage/org/org-a/", f"/en/research/manage/org/org-a/{found.pk}/"]


@pytest.mark.django_db
def test_access_owner_colleague_outsider_anonymous(client: Client, trio):
    found = make_request(trio.org_a)
    for path in staff_paths(found):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]
    sign_in(client, trio.charlie)
    for path in staff_paths(found):
        assert client.get(path).status_code == 404
    assert client.get(f"/en/research/manage/org/org-b/{found.pk}/").status_code == 404
    sign_in(client, trio.bob)
    for path in staff_paths(found):
        assert client.get(path).status_code == 403
    sign_in(client, trio.alice)
    for path in staff_paths(found):
        assert client.get(path).status_code == 200
    assert all_audit_entries().filter(action="read", target_id=str(found.pk)).exists()


def test_reply_templates_exist_in_three_languages_for_each_decision():
    for decision in (Decision.ACCEPTED, Decision.REFUSED, Decision.REFERRED):
        texts = {
            lang: reply_template(decision=decision, language=lang, name="Rita", organisation="Org")
            for lang in ("nl", "fr", "en")
        }
        assert len(set(texts.values())) == 3, decision
        assert all("Rita" in text for text in texts.values())


@pytest.mark.django_db
def test_the_admin_fills_in_the_template_in_the_requesters_language_and_sends_it(client: Client, trio):
    found = make_request(trio.org_a, language="nl")
    sign_in(client, trio.alice)
    path = f"/en/research/manage/org/org-a/{found.pk}/"
    filled = client.post(path, {"decision": Decision.REFERRED, "reply": "", "template": "1"})
    assert filled.status_code == 200
    expected = reply_template(
        decision=Decision.REFERRED, language="nl", name="Rita Researcher", organisation="Organisation A"
    )
    assert filled.context["form"]["reply"].value() == expected
    response = client.post(path, {"decision": Decision.REFERRED, "reply": expected, "send": "1"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["rita@example.org"] and message.body.strip() == expected.strip()
    assert "Organisation A" in message.subject and message.subject != "Your request to Organisation A"  # Dutch
    with scope(organisation=trio.org_a):
        found.refresh_from_db()
    assert (found.decision, found.decided_by) == (Decision.REFERRED, trio.alice)


@pytest.mark.django_db
def test_an_empty_reply_is_not_sent(client: Client, trio):
    found = make_request(trio.org_a)
    sign_in(client, trio.alice)
    response = client.post(
        f"/en/research/manage/org/org-a/{found.pk}/", {"decision": Decision.REFUSED, "reply": " ", "send": "1"}
    )
    assert response.status_code == 200 and b"Write the reply" in response.content and not mail.outbox


@pytest.mark.django_db(transaction=True)
def test_requests_are_encrypted_at_rest(trio):
    make_request(trio.org_a, name=MARKER, questions=MARKER, anonymisation=MARKER, affiliation=MARKER)
    assert MARKER.encode() not in raw_database_dump()


@pytest.mark.django_db
def test_requests_are_purged_a_year_after_the_decision(trio):
    old = make_request(trio.org_a)
    kept = make_request(trio.org_a)
    with scope(organisation=trio.org_a):
        ResearchRequest.objects.filter(pk=old.pk).update(decided_on=timezone.localdate() - timedelta(days=366))
    purge_all()
    with scope(organisation=trio.org_a):
        assert list(ResearchRequest.objects.values_list("pk", flat=True)) == [kept.pk]
