"""The admins' ledger: access, gifts by hand, donor records, statement imports (preview, all or nothing), forgetting."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from accounts.testing import all_audit_entries, sign_in
from core.scopes import scope
from core.testing import raw_database_dump
from donations import services
from donations.models import Donor, Gift, ImportBatch
from donations.tests.conftest import SAMPLES

BASE = "/en/donate/manage/org/org-a/"
MARKER = "DONATIONMARKERQWZX"


def make_donor(trio, **overrides):  # type: ignore[no-untyped-def]
    values = {
        "name": "Demo Donor",
        "email": "donor@example.org",
        "iban": "NL91ABNA0417164300",
        "reference": "DEMO-MONTHLY",
        "monthly_amount": Decimal("15.00"),
        "language": "nl",
        "wants_thanks": True,
        "notes": "",
    }
    values.update(overrides)
    return services.donor_save(actor=trio.alice, organisation=trio.org_a, donor=None, **values)


def staff_paths(trio) -> list[str]:  # type: ignore[no-untyped-def]
    donor = make_donor(trio)
    batch = services.statement_read(
        actor=trio.alice, organisation=trio.org_a, kind="csv", data=(SAMPLES / "statement.csv").read_bytes()
    )
    year = timezone.localdate().year
    services.gift_create(
        actor=trio.alice, organisation=trio.org_a, amount=Decimal("5"), received_on=timezone.localdate(), donor=None
    )
    return [
        BASE,
        f"{BASE}gifts-{year}.csv",
        f"{BASE}account/",
        f"{BASE}gift/new/",
        f"{BASE}donors/",
        f"{BASE}donors/new/",
        f"{BASE}donors/{donor.pk}/",
        f"{BASE}import/",
        f"{BASE}import/{batch.pk}/",
    ]


@pytest.mark.django_db
def test_access_owner_colleague_outsider_anonymous(client: Client, trio, account):
    paths = staff_paths(trio)
    for path in paths:
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"], path
    sign_in(client, trio.charlie)
    for path in paths:
        assert client.get(path).status_code == 404, path
    sign_in(client, trio.bob)
    for path in paths:
        assert client.get(path).status_code == 403, path
    sign_in(client, trio.alice)
    for path in paths:
        assert client.get(path).status_code == 200, path


@pytest.mark.django_db
def test_a_years_gifts_download_for_the_accounts_without_formulas_and_logged(client: Client, trio, account):
    donor = make_donor(trio, name="Françoise Dupont")
    this_year = timezone.localdate().year
    last_year = date(this_year - 1, 12, 30)
    services.gift_create(
        actor=trio.alice, organisation=trio.org_a, amount=Decimal("15.00"), received_on=last_year, donor=donor
    )
    services.gift_create(
        actor=trio.alice,
        organisation=trio.org_a,
        amount=Decimal("20.50"),
        received_on=last_year,
        donor=None,
        counterparty='=HYPERLINK("http://evil")',
        counterparty_iban="BE71 0961 2345 6769",
        message="+32 for the union",
    )
    services.gift_create(
        actor=trio.alice, organisation=trio.org_a, amount=Decimal("99"), received_on=timezone.localdate(), donor=None
    )
    sign_in(client, trio.alice)
    page = client.get(BASE).content.decode()
    assert f"gifts-{this_year}.csv" in page and f"gifts-{this_year - 1}.csv" in page
    response = client.get(f"{BASE}gifts-{this_year - 1}.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["received_on", "amount_eur", "donor_number", "donor"]
    assert [row[1] for row in rows[1:]] == ["15.00", "20.50"]  # that year only, oldest first
    assert rows[1][3] == "Françoise Dupont"
    assert rows[2][4] == '\'=HYPERLINK("http://evil")' and rows[2][5] == "'+32 for the union"
    assert "BE71" not in response.content.decode()  # the donor's account number stays out
    last = all_audit_entries().order_by("-pk").first()
    assert (last.action, last.target_type, last.target_id) == ("export", "donations.gift", str(this_year - 1))
    assert client.get(f"{BASE}gifts-{this_year - 5}.csv").status_code == 404  # a year without gifts


@pytest.mark.django_db
def test_an_outsider_cannot_reach_another_organisations_rows_through_its_own_pages(client: Client, trio, account):
    donor = make_donor(trio)
    sign_in(client, trio.charlie)
    assert client.get(f"/en/donate/manage/org/org-b/donors/{donor.pk}/").status_code == 404
    assert client.post(f"/en/donate/manage/org/org-b/donors/{donor.pk}/forget/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind, name", [("coda", "statement.cod"), ("camt", "statement.camt053.xml"), ("csv", "statement.csv")]
)
def test_an_import_shows_a_preview_with_matches_then_writes_everything_once(client: Client, trio, account, kind, name):
    make_donor(trio)
    sign_in(client, trio.alice)
    upload = SimpleUploadedFile(name, (SAMPLES / name).read_bytes())
    response = client.post(f"{BASE}import/", {"kind": kind, "file": upload})
    assert response.status_code == 302
    preview = client.get(response["Location"])
    html = preview.content.decode()
    assert "Expected gift from Demo Donor" in html and "No donor record" in html
    assert '<progress id="import-progress" max="3" value="2">' in html
    with scope(organisation=trio.org_a):
        assert not Gift.objects.exists()  # nothing before the confirmation
    assert client.post(response["Location"], {"action": "import"}).status_code == 302
    with scope(organisation=trio.org_a):
        gifts = list(Gift.objects.order_by("received_on"))
        assert [(g.amount, g.donor and g.donor.name, g.source) for g in gifts] == [
            (Decimal("15.00"), "Demo Donor", "import"),
            (Decimal("50.00"), None, "import"),
        ]
    # The same statement again: every line is recognised and skipped.
    again = client.post(
        f"{BASE}import/", {"kind": kind, "file": SimpleUploadedFile(name, (SAMPLES / name).read_bytes())}
    )
    assert "Imported before: skipped" in client.get(again["Location"]).content.decode()
    client.post(again["Location"], {"action": "import"})
    with scope(organisation=trio.org_a):
        assert Gift.objects.count() == 2


@pytest.mark.django_db
def test_a_file_with_bad_rows_imports_nothing_and_names_the_lines(client: Client, trio, account):
    sign_in(client, trio.alice)
    upload = SimpleUploadedFile("bad.csv", (SAMPLES / "statement-bad.csv").read_bytes())
    response = client.post(f"{BASE}import/", {"kind": "csv", "file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was imported" in html and "Line 3" in html and "Line 4" in html and "Line 5" in html
    with scope(organisation=trio.org_a):
        assert not Gift.objects.exists() and not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_an_import_is_all_or_nothing(trio, account, monkeypatch):
    batch = services.statement_read(
        actor=trio.alice, organisation=trio.org_a, kind="csv", data=(SAMPLES / "statement.csv").read_bytes()
    )
    saved = Gift.save
    calls = {"n": 0}

    def fail_on_second(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] > 1:  # the second gift fails
            raise RuntimeError("disk full")
        return saved(self, *args, **kwargs)

    monkeypatch.setattr(Gift, "save", fail_on_second)
    with pytest.raises(RuntimeError):
        services.statement_import(actor=trio.alice, organisation=trio.org_a, batch=batch)
    with scope(organisation=trio.org_a):
        assert not Gift.objects.exists()
        assert ImportBatch.objects.get().imported_at is None


@pytest.mark.django_db
def test_a_gift_by_hand_with_a_bad_iban_keeps_what_was_typed(client: Client, trio, account):
    sign_in(client, trio.alice)
    data = {
        "amount": "20",
        "received_on": timezone.localdate().isoformat(),
        "counterparty": "Kim",
        "counterparty_iban": "BE00 0000",
    }
    response = client.post(f"{BASE}gift/new/", data)
    assert (
        response.status_code == 200 and b"not a valid IBAN" in response.content and b'value="Kim"' in response.content
    )
    response = client.post(f"{BASE}gift/new/", {**data, "counterparty_iban": "BE71 0961 2345 6769"})
    assert response.status_code == 302
    assert all_audit_entries().filter(action="create", target_type="donations.gift").exists()


@pytest.mark.django_db
def test_bank_details_are_validated(client: Client, trio):
    sign_in(client, trio.alice)
    response = client.post(f"{BASE}account/", {"holder": "Org A", "iban": "BE68539007547035", "published": "on"})
    assert response.status_code == 200 and b"not a valid IBAN" in response.content
    response = client.post(f"{BASE}account/", {"holder": "Org A", "iban": "be68 5390 0754 7034", "published": "on"})
    assert response.status_code == 302
    assert b"BE68 5390 0754 7034" in client.get("/en/donate/org-a/").content


@pytest.mark.django_db
def test_forgetting_a_donor_keeps_amounts_and_removes_who_gave(client: Client, trio, account):
    donor = make_donor(trio)
    services.gift_create(
        actor=trio.alice,
        organisation=trio.org_a,
        amount=Decimal("15"),
        received_on=timezone.localdate(),
        donor=donor,
        counterparty="Demo Donor",
        counterparty_iban="NL91ABNA0417164300",
        message="DEMO-MONTHLY",
    )
    sign_in(client, trio.alice)
    assert client.post(f"{BASE}donors/{donor.pk}/forget/").status_code == 302
    with scope(organisation=trio.org_a):
        assert not Donor.objects.exists()
        gift = Gift.objects.get()
    assert (gift.amount, gift.counterparty, gift.counterparty_iban, gift.message) == (Decimal("15.00"), "", "", "")


@pytest.mark.django_db
def test_donor_forget_finds_a_donor_by_email_for_the_members_app(trio):
    make_donor(trio, email="Leaving@Example.org")
    assert services.donor_forget(organisation=trio.org_a, email="leaving@example.org") == 1
    assert services.donor_forget(organisation=trio.org_a, email="leaving@example.org") == 0


@pytest.mark.django_db(transaction=True)
def test_donors_and_gifts_are_encrypted_at_rest(trio):
    donor = make_donor(trio, name=MARKER, notes=MARKER)
    services.gift_create(
        actor=trio.alice,
        organisation=trio.org_a,
        amount=Decimal("1"),
        received_on=timezone.localdate(),
        donor=donor,
        counterparty=MARKER,
        message=MARKER,
    )
    services.statement_read(
        actor=trio.alice,
        organisation=trio.org_a,
        kind="csv",
        data=f"date;amount;name;message\n01/12/2026;5,00;{MARKER};{MARKER}\n".encode(),
    )
    assert MARKER.encode() not in raw_database_dump()


def test_a_forgotten_member_who_gave_is_forgotten_as_a_donor_too(trio):
    from members.services import member_forget
    from members.tests.helpers import make_member

    make_donor(trio, email="Giver@Example.org")
    member, _code = make_member(trio.org_a, email="giver@example.org")
    member_forget(member=member)
    with scope(organisation=trio.org_a):
        assert not Donor.objects.exists()
