"""Donations: the organisation's bank details for its public page, a ledger of gifts, optional donor records,
and bank-statement imports waiting for confirmation.

Who gave (names, accounts, messages) is encrypted under the organisation's data key; every row is scoped to its
organisation. The bank details of the organisation itself are public by nature and not encrypted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.scopes import ScopedManager
from crypto.fields import EncryptedFieldsMixin, EncryptedTextField


class BankAccount(models.Model):
    """Where gifts go. ``is_demo`` marks made-up details (the demo organisations), shown as such on the page."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="+")
    holder = models.CharField(_("account holder"), max_length=70)  # EPC069-12: at most 70 characters
    iban = models.CharField(_("IBAN"), max_length=34)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    remittance = models.CharField(_("message for the transfer"), max_length=140, blank=True)
    is_demo = models.BooleanField(_("made-up details for a demonstration"), default=False)
    is_published = models.BooleanField(_("show the donation page"), default=True)

    objects = ScopedManager("organisation")

    def __str__(self) -> str:
        return f"Bank account of {self.organisation_id}"

    @property
    def iban_formatted(self) -> str:
        return " ".join(self.iban[i : i + 4] for i in range(0, len(self.iban), 4))


class Donor(EncryptedFieldsMixin, models.Model):
    """An optional record of a person who gives, so the organisation can thank them."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = EncryptedTextField(_("name"))
    email = EncryptedTextField(_("email address"), blank=True)
    iban = EncryptedTextField(_("their IBAN, to recognise their transfers"), blank=True)
    reference = models.CharField(_("reference in their transfers"), max_length=35, blank=True)
    monthly_amount = models.DecimalField(
        _("expected monthly gift"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, default="nl")
    wants_thanks = models.BooleanField(_("would like a thank-you"), default=True)
    notes = EncryptedTextField(_("notes"), blank=True)
    created_on = models.DateField()

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Donor {self.pk}"


class ImportBatch(EncryptedFieldsMixin, models.Model):
    """A bank statement read and waiting for the admin's confirmation (``rows``), then imported in one go."""

    class Kind(models.TextChoices):
        CODA = "coda", _("CODA (Belgian banks)")
        CAMT = "camt", _("CAMT.053 (ISO 20022)")
        CSV = "csv", _("CSV")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=4, choices=Kind.choices)
    rows = EncryptedTextField(blank=True)  # the parsed lines as JSON until the import; emptied after it
    lines = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    imported_at = models.DateTimeField(null=True, blank=True)
    imported = models.PositiveIntegerField(default=0)

    objects = ScopedManager("organisation")

    def __str__(self) -> str:
        return f"Import {self.pk}"


class Gift(EncryptedFieldsMixin, models.Model):
    class Source(models.TextChoices):
        MANUAL = "manual", _("Entered by hand")
        IMPORT = "import", _("Bank statement")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    donor = models.ForeignKey(Donor, null=True, blank=True, on_delete=models.SET_NULL, related_name="gifts")
    amount = models.DecimalField(_("amount (EUR)"), max_digits=11, decimal_places=2)
    received_on = models.DateField(_("received on"))
    counterparty = EncryptedTextField(_("from (name on the transfer)"), blank=True)
    counterparty_iban = EncryptedTextField(_("from (IBAN)"), blank=True)
    message = EncryptedTextField(_("message on the transfer"), blank=True)
    source = models.CharField(max_length=6, choices=Source.choices, default=Source.MANUAL)
    batch = models.ForeignKey(ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="gifts")
    line_key = models.CharField(max_length=64, blank=True)  # keyed hash of a statement line, against double imports
    thanked_on = models.DateField(_("thanked on"), null=True, blank=True)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "line_key"],
                condition=~models.Q(line_key=""),
                name="donations_gift_line_once",
            )
        ]

    def __str__(self) -> str:
        return f"Gift {self.pk}"
