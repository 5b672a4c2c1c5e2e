from __future__ import annotations

from pathlib import Path

import pytest

from core.scopes import scope
from donations.models import BankAccount

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def account(trio):  # type: ignore[no-untyped-def]
    with scope(organisation=trio.org_a):
        return BankAccount.objects.create(
            organisation=trio.org_a, holder="Organisation A", iban="BE68539007547034", bic="GKCCBEBB", remittance="Gift"
        )
