"""Sharing chosen parts with a caseworker: code, redeeming organisation, colleagues, outsiders, log, revoke."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from accounts.testing import sign_in
from audit.models import AuditEntry
from core.scopes import scope
from plans.models import PartKind, Share, ShareView
from plans.tests.helpers import BASE, code_in

REDEEM_A = "/en/plan/org/org-a/shared/redeem/"
REDEEM_B = "/en/plan/org/org-b/shared/redeem/"
LIST_A = "/en/plan/org/org-a/shared/"


def _share(plan, sections=("motivations", "budget"), days=7):
    response = plan.post("share/", {"sections": list(sections), "days": str(days)})
    assert response.status_code == 302, response.content.decode()[:2000]
    page = plan.client.get(response["Location"]).content.decode()
    return code_in(page)


def _staff(user):
    client = Client()
    sign_in(client, user)
    return client


@pytest.fixture
def shared(plan):
    plan.post("motivations/", {"version": 1, "why": "Shared reason"})
    plan.post("journal/", {"date": "2027-01-01", "text": "Private journal"})
    return plan, _share(plan)


@pytest.mark.django_db
def test_the_share_code_is_shown_once(plan):
    response = plan.post("share/", {"sections": ["motivations"], "days": "1"})
    first = plan.client.get(response["Location"])
    assert code_in(first.content.decode())
    second = plan.client.get(response["Location"])
    assert second["Location"] == BASE + "share/"


@pytest.mark.django_db
def test_a_share_needs_at_least_one_part_and_a_valid_duration(plan):
    assert b"Choose at least one part" in plan.post("share/", {"days": "7"}).content
    assert plan.post("share/", {"sections": ["budget"], "days": "365"}).status_code == 200
    assert plan.post("share/", {"sections": ["secrets"], "days": "7"}).status_code == 200
    assert Share.objects.count() == 0


@pytest.mark.django_db
def test_the_caseworker_who_redeems_sees_only_the_chosen_parts(shared, trio):
    _plan, code = shared
    response = _staff(trio.bob).post(REDEEM_A, {"code": code.lower()})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Shared reason" in html and "Budget" in html
    assert "Private journal" not in html
    share = Share.objects.get()
    assert share.organisation == trio.org_a
    with scope(organisation=trio.org_a):
        assert AuditEntry.objects.filter(
            target_type="plans.share", target_id=str(share.pk), actor_id=trio.bob.pk
        ).exists()


@pytest.mark.django_db
def test_a_colleague_of_the_redeeming_organisation_may_view(shared, trio):
    _plan, code = shared
    _staff(trio.bob).post(REDEEM_A, {"code": code})
    response = _staff(trio.alice).post(REDEEM_A, {"code": code})
    assert b"Shared reason" in response.content


@pytest.mark.django_db
def test_an_outsider_organisation_cannot_view_another_organisations_snapshot(shared, trio):
    _plan, code = shared
    _staff(trio.bob).post(REDEEM_A, {"code": code})
    response = _staff(trio.charlie).post(REDEEM_B, {"code": code})
    assert response.status_code == 200
    assert b"Shared reason" not in response.content
    assert b"does not open a shared plan here" in response.content
    assert Share.objects.get().organisation == trio.org_a
    # Nor through organisation A's address: charlie is not a member there.
    assert _staff(trio.charlie).post(REDEEM_A, {"code": code}).status_code == 404


@pytest.mark.django_db
def test_the_redeem_pages_need_a_signed_in_caseworker_or_admin(shared, trio):
    _plan, code = shared
    anonymous = Client().post(REDEEM_A, {"code": code})
    assert anonymous.status_code == 302 and "/accounts/sign-in/" in anonymous["Location"]
    assert Client().get(LIST_A).status_code == 302
    assert Share.objects.get().organisation is None


@pytest.mark.django_db
def test_the_person_sees_each_view_with_date_and_organisation_only(shared, trio):
    plan, code = shared
    _staff(trio.bob).post(REDEEM_A, {"code": code})
    _staff(trio.alice).post(REDEEM_A, {"code": code})
    assert ShareView.objects.count() == 2
    html = plan.get("share/").content.decode()
    assert html.count("<td>Organisation A</td>") == 2
    assert "Bob" not in html and "Alice" not in html
    assert "Opened by Organisation A." in html


@pytest.mark.django_db
def test_revoking_stops_the_share_at_once_and_keeps_the_log(shared, trio):
    plan, code = shared
    _staff(trio.bob).post(REDEEM_A, {"code": code})
    share = Share.objects.get()
    assert plan.post(f"share/{share.pk}/stop/")["Location"] == BASE + "share/"
    share.refresh_from_db()
    assert share.revoked and share.snapshot == ""
    response = _staff(trio.bob).post(REDEEM_A, {"code": code})
    assert b"Shared reason" not in response.content
    html = plan.get("share/").content.decode()
    assert "Stopped." in html and "<td>Organisation A</td>" in html


@pytest.mark.django_db
def test_someone_else_cannot_revoke_your_share(shared):
    _plan, _code = shared
    from plans.tests.helpers import make_plan

    other = make_plan(Client(), pseudonym="Someone Else", passphrase="another long passphrase")
    other.post(f"share/{Share.objects.get().pk}/stop/")
    assert not Share.objects.get().revoked


@pytest.mark.django_db
def test_an_expired_share_opens_nothing_and_its_snapshot_is_erased(shared, trio):
    plan, code = shared
    Share.objects.update(expires_on=timezone.localdate() - timedelta(days=1))
    response = _staff(trio.bob).post(REDEEM_A, {"code": code})
    assert b"Shared reason" not in response.content
    assert Share.objects.get().snapshot == ""
    assert "Expired." in plan.get("share/").content.decode()


@pytest.mark.django_db
def test_the_purge_command_erases_expired_snapshots(shared):
    plan, _code = shared
    _share(plan, sections=["journal"])
    Share.objects.filter(pk=Share.objects.order_by("pk").first().pk).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )
    call_command("plans_purge_shares")
    assert next(iter(Share.objects.order_by("pk").values_list("snapshot", flat=True))) == ""
    assert list(Share.objects.order_by("pk").values_list("snapshot", flat=True))[1] != ""


@pytest.mark.django_db
def test_a_wrong_code_is_logged_without_a_target_and_throttled(shared, trio):
    _plan, code = shared
    client = _staff(trio.bob)
    for _ in range(10):
        response = client.post(REDEEM_A, {"code": "0000-0000-0000-0000-0000"})
        assert b"does not open a shared plan here" in response.content
    assert b"Too many attempts" in client.post(REDEEM_A, {"code": code}).content
    with scope(organisation=trio.org_a):
        assert AuditEntry.objects.filter(target_type="plans.share", target_id="").count() == 11


@pytest.mark.django_db
def test_every_staff_view_is_audit_logged(shared, trio):
    _plan, code = shared
    client = _staff(trio.bob)
    with scope(organisation=trio.org_a):
        before = AuditEntry.objects.count()
    assert client.get(REDEEM_A).status_code == 200
    client.post(REDEEM_A, {"code": code})
    list_page = client.get(LIST_A)
    assert list_page.status_code == 200
    with scope(organisation=trio.org_a):
        assert AuditEntry.objects.count() == before + 3
    html = list_page.content.decode()
    assert f"share {Share.objects.get().pk}" in html and "Shared reason" not in html


@pytest.mark.django_db
def test_the_list_shows_only_this_organisations_shares(shared, trio):
    _plan, code = shared
    _staff(trio.bob).post(REDEEM_A, {"code": code})
    response = _staff(trio.charlie).get("/en/plan/org/org-b/shared/")
    assert b"No plan has been shared" in response.content
    assert _staff(trio.charlie).get(LIST_A).status_code == 404  # an outsider does not see organisation A's list
    assert b"share " in _staff(trio.alice).get(LIST_A).content


@pytest.mark.django_db
def test_the_snapshot_is_a_copy_of_the_day_it_was_made(shared, trio):
    plan, code = shared
    plan.post("motivations/", {"version": 2, "why": "Changed afterwards"})
    html = _staff(trio.bob).post(REDEEM_A, {"code": code}).content.decode()
    assert "Shared reason" in html and "Changed afterwards" not in html
    assert plan.read(PartKind.MOTIVATIONS).data["why"] == "Changed afterwards"


@pytest.mark.django_db
def test_a_share_keeps_only_its_last_day_so_it_tells_nothing_of_the_moment_it_was_made(plan, trio):
    code = _share(plan, days=7)
    share = Share.objects.get()
    assert share.expires_on == timezone.localdate() + timedelta(days=7)
    assert type(share.expires_on) is date
    Share.objects.update(expires_on=timezone.localdate())  # its last day: open until midnight
    assert b"Motivations" in _staff(trio.bob).post(REDEEM_A, {"code": code}).content
    Share.objects.update(expires_on=timezone.localdate() - timedelta(days=1))
    assert b"Motivations" not in _staff(trio.bob).post(REDEEM_A, {"code": code}).content


@pytest.mark.django_db
def test_no_plan_table_keeps_a_moment_finer_than_a_day():
    from django.apps import apps
    from django.db import models

    fields = [field for model in apps.get_app_config("plans").get_models() for field in model._meta.get_fields()]
    assert not [field for field in fields if isinstance(field, (models.DateTimeField, models.TimeField))]
