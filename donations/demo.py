"""Demo bank details, donors and gifts for the demo organisations. Refused in production.

The IBANs are textbook examples that appear in many payment documents: valid in form, so the QR code scans
and the import can match them, and marked on the page as made up (do not transfer money).
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from accounts import selectors as account_selectors
from core.scopes import scope
from donations import services
from donations.models import BankAccount, Gift

DEMO_IBAN = "BE68539007547034"


def demo_seed() -> str:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo data is never created in production.")
    created = 0
    for slug in ("demo-outreach", "demo-exit"):
        organisation = account_selectors.organisation_by_slug(slug)
        if organisation is None:
            continue
        with scope(organisation=organisation):
            if BankAccount.objects.exists():
                continue
            BankAccount.objects.create(
                organisation=organisation,
                holder=f"{organisation.name} (demo)",
                iban=DEMO_IBAN,
                remittance="Demo gift",
                is_demo=True,
            )
            admin = next(iter(account_selectors.admins_of(organisation=organisation)), None)
            if admin is None:
                continue
            donor = services.donor_save(
                actor=admin,
                organisation=organisation,
                donor=None,
                name="Demo donor (made up)",
                email="donor@example.org",
                iban="NL91ABNA0417164300",
                reference="DEMO-MONTHLY",
                monthly_amount=Decimal("15.00"),
                language="nl",
                wants_thanks=True,
                notes="",
            )
            today = timezone.localdate()
            for months_ago in (2, 1, 0):
                services.gift_create(
                    actor=admin,
                    organisation=organisation,
                    amount=Decimal("15.00"),
                    received_on=today - timedelta(days=30 * months_ago),
                    donor=donor,
                    counterparty="Demo donor (made up)",
                    counterparty_iban="NL91ABNA0417164300",
                    message="DEMO-MONTHLY",
                )
                created += 1
            services.gift_create(
                actor=admin,
                organisation=organisation,
                amount=Decimal("50.00"),
                received_on=today,
                donor=None,
                counterparty="Demo anonymous gift",
                message="Demo",
            )
            created += 1
            assert Gift.objects.exists()
    return f"{created} demo gifts"
