"""The scale-data generator: rows of every kind, encrypted values that decrypt on their own row, a valid audit
chain, and figures the funder report can read."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from accounts.selectors import organisation_by_slug
from audit.services import audit_verify
from cases.models import Case, Client, Contact, Need
from cases.reporting import TOTAL, funder_report
from core.scopes import scope

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_generates_rows_that_decrypt_and_an_audit_chain_that_verifies(capsys, settings, tmp_path):
    from conftest import load_all_content

    settings.HAVEN_AUDIT_CHECKPOINTS = tmp_path / "checkpoints.jsonl"  # this test's chains only

    load_all_content()
    call_command("generate_case_data", clients=40, organisations=2, contacts_per_client=3, audit_per_client=2)
    out = capsys.readouterr().out
    assert "encrypted" in out and "scale-2: 20 clients" in out
    organisation = organisation_by_slug("scale-1")
    assert organisation is not None
    with scope(organisation=organisation):
        assert Client.objects.count() == 20 and Case.objects.count() == 20
        assert Contact.objects.count() > 20 and Need.objects.exists()
        client = Client.objects.first()
        assert client.working_name.startswith("Code ")
        contact = Contact.objects.first()
        assert contact.notes
    report = audit_verify()
    assert report.chains and all(chain.problems == [] for chain in report.chains), report
    years = {case.opened_on.year for case in _cases(organisation)}
    found = funder_report([organisation], year=max(years))
    assert found.tables[0].suppressed._values[(TOTAL, TOTAL, TOTAL)] > 0


def _cases(organisation):
    with scope(organisation=organisation):
        return list(Case.objects.all())
