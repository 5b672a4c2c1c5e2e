"""The access-log page and its CSV export: for the organisation's admins only, filterable, itself logged."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from accounts.testing import all_audit_entries, all_memberships, sign_in
from audit.services import Action, audit_log


def _url(org: str = "org-a", name: str = "audit:log") -> str:
    return reverse(name, kwargs={"org": org})


@pytest.fixture
def logged(trio):
    """Entries in A's chain (Bob read a membership, Alice changed one) and one in B's."""
    membership = all_memberships().get(user=trio.bob)
    audit_log(actor=trio.bob, action=Action.READ, target=membership, organisation_id=trio.org_a.pk)
    audit_log(actor=trio.alice, action=Action.UPDATE, target=membership, organisation_id=trio.org_a.pk)
    audit_log(
        actor=trio.charlie, action=Action.READ, target_type="x.secret", target_id="99", organisation_id=trio.org_b.pk
    )
    return trio


def _client(user) -> Client:
    client = Client()
    sign_in(client, user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "status"), [("alice", 200), ("bob", 403), ("charlie", 404)])
def test_only_the_organisations_admins_read_its_log(logged, who, status):
    client = _client(getattr(logged, who))
    assert client.get(_url()).status_code == status
    assert client.get(_url(name="audit:export")).status_code == status


@pytest.mark.django_db
def test_signed_out_visitors_are_sent_to_sign_in(logged):
    response = Client().get(_url())
    assert response.status_code == 302 and "sign-in" in response["Location"]


@pytest.mark.django_db
def test_the_log_shows_who_what_record_and_when_of_this_organisation_only(logged):
    page = _client(logged.alice).get(_url()).content.decode()
    assert "Bob" in page and "Read" in page and "accounts.membership" in page
    assert "Changed" in page
    assert "x.secret" not in page and "Charlie" not in page  # B's log stays B's


@pytest.mark.django_db
def test_reading_the_log_is_itself_logged(logged):
    _client(logged.alice).get(_url())
    entry = all_audit_entries().filter(chain=f"org:{logged.org_a.pk}").order_by("-seq").first()
    assert (entry.actor_id, entry.action, entry.target_type) == (logged.alice.pk, Action.READ, "audit.log")


@pytest.mark.django_db
def test_filters_narrow_by_actor_action_day_and_record(logged):
    client = _client(logged.alice)
    by_actor = client.get(_url(), {"actor": logged.bob.pk}).context["page"].object_list
    assert {e.actor_id for e in by_actor} == {logged.bob.pk}
    by_action = client.get(_url(), {"action": Action.UPDATE}).context["page"].object_list
    assert [e.action for e in by_action] == [Action.UPDATE]
    membership = all_memberships().get(user=logged.bob)
    by_record = client.get(_url(), {"record": f"accounts.membership:{membership.pk}"}).context["page"].object_list
    assert len(by_record) == 2
    future = client.get(_url(), {"since": "2999-01-01"}).context["page"].object_list
    assert list(future) == []


@pytest.mark.django_db
def test_a_bad_filter_shows_its_error_and_keeps_what_was_typed(logged):
    response = _client(logged.alice).get(_url(), {"since": "2026-05-02", "until": "2026-05-01", "record": "abc"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "This day comes before the first one." in page
    assert 'value="abc"' in page


@pytest.mark.django_db
def test_the_log_is_paginated(logged):
    for n in range(60):
        audit_log(
            actor=logged.alice, action=Action.READ, target_type="x", target_id=str(n), organisation_id=logged.org_a.pk
        )
    client = _client(logged.alice)
    first = client.get(_url())
    assert len(first.context["page"].object_list) == 50
    second = client.get(_url(), {"page": 2})
    assert second.context["page"].number == 2 and len(second.context["page"].object_list) > 0


@pytest.mark.django_db
def test_the_export_is_a_csv_of_the_filtered_entries_and_is_logged(logged):
    response = _client(logged.alice).get(_url(name="audit:export"), {"action": Action.UPDATE})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["time", "actor_number", "actor", "action"]
    assert [row[3] for row in rows[1:]] == [Action.UPDATE]
    last = all_audit_entries().filter(chain=f"org:{logged.org_a.pk}").order_by("-seq").first()
    assert (last.action, last.target_type, last.actor_id) == (Action.EXPORT, "audit.log", logged.alice.pk)


@pytest.mark.django_db
def test_the_export_cannot_smuggle_a_spreadsheet_formula(logged):
    logged.bob.name = "=HYPERLINK(evil)"
    logged.bob.save()
    body = b"".join(_client(logged.alice).get(_url(name="audit:export")).streaming_content).decode()
    assert "'=HYPERLINK(evil)" in body
    assert "\n=HYPERLINK" not in body and ",=HYPERLINK" not in body


@pytest.mark.django_db
def test_a_deleted_account_shows_as_its_number(logged):
    bob_id = logged.bob.pk
    logged.bob.delete()
    page = _client(logged.alice).get(_url()).content.decode()
    assert f"Deleted account no. {bob_id}" in page
