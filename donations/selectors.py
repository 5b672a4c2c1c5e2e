from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from accounts.models import Organisation
from core.scopes import scope
from donations.models import BankAccount, Donor, Gift, ImportBatch


def public_account(*, organisation: Organisation) -> BankAccount | None:
    with scope(organisation=organisation):
        return BankAccount.objects.filter(organisation=organisation, is_published=True).first()


def account_of(*, organisation: Organisation) -> BankAccount | None:
    with scope(organisation=organisation):
        return BankAccount.objects.filter(organisation=organisation).first()


@dataclass(frozen=True)
class Totals:
    this_year: Decimal
    count_this_year: int


def gifts(*, organisation: Organisation, limit: int = 200) -> list[Gift]:
    with scope(organisation=organisation):
        return list(Gift.objects.select_related("donor")[:limit])


def gift_years(*, organisation: Organisation) -> list[int]:
    """The years in which the organisation received gifts, latest first (one download each)."""
    with scope(organisation=organisation):
        return sorted({day.year for day in Gift.objects.dates("received_on", "year")}, reverse=True)


def gifts_of_year(*, organisation: Organisation, year: int) -> list[Gift]:
    """Every gift of a year, oldest first: the ledger page shows the latest 200, the yearly download all."""
    with scope(organisation=organisation):
        return list(Gift.objects.filter(received_on__year=year).select_related("donor").order_by("received_on", "pk"))


def totals(*, organisation: Organisation) -> Totals:
    with scope(organisation=organisation):
        found = Gift.objects.filter(received_on__year=timezone.localdate().year)
        return Totals(found.aggregate(total=Sum("amount"))["total"] or Decimal("0"), found.count())


def donors(*, organisation: Organisation) -> list[Donor]:
    with scope(organisation=organisation):
        return list(Donor.objects.all())


def pending_batches(*, organisation: Organisation) -> list[ImportBatch]:
    with scope(organisation=organisation):
        return list(ImportBatch.objects.filter(imported_at__isnull=True).order_by("-created_at"))
