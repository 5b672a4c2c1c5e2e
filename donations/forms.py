from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from donations.epc import MAX_AMOUNT, MIN_AMOUNT
from donations.models import Donor, ImportBatch
from donations.statements import MAX_BYTES


class AmountForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount in euro"),
        min_value=MIN_AMOUNT,
        max_value=MAX_AMOUNT,
        decimal_places=2,
        max_digits=8,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 8}),
    )

    def __init__(self, data: Any = None) -> None:
        if data is not None and "amount" in data:
            data = data.copy()
            data["amount"] = str(data.get("amount", "")).replace(",", ".").replace("€", "").strip()
        super().__init__(data)


class BankAccountForm(forms.Form):
    holder = forms.CharField(label=_("Account holder"), max_length=70)
    iban = forms.CharField(label=_("IBAN"), max_length=42)
    bic = forms.CharField(label=_("BIC"), max_length=11, required=False)
    remittance = forms.CharField(
        label=_("Message for the transfer"),
        max_length=140,
        required=False,
        help_text=_("For example: Gift. It is filled in for the donor by the QR code."),
    )
    published = forms.BooleanField(label=_("Show the donation page"), required=False, initial=True)


class GiftForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount in euro"), min_value=Decimal("0.01"), max_digits=11, decimal_places=2, localize=True
    )
    received_on = forms.DateField(label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"}))
    donor = forms.ModelChoiceField(label=_("Donor"), queryset=Donor.objects.none(), required=False)
    counterparty = forms.CharField(label=_("From (name on the transfer)"), max_length=140, required=False)
    counterparty_iban = forms.CharField(label=_("From (IBAN)"), max_length=42, required=False)
    message = forms.CharField(label=_("Message on the transfer"), max_length=140, required=False)

    def __init__(self, *args: Any, donors: list[Donor], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["donor"]
        field.queryset = Donor.objects.filter(pk__in=[d.pk for d in donors])  # type: ignore[attr-defined]
        field.label_from_instance = lambda d: d.name  # type: ignore[attr-defined]


class DonorForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    email = forms.EmailField(label=_("Email address"), required=False)
    iban = forms.CharField(label=_("Their IBAN, to recognise their transfers"), max_length=42, required=False)
    reference = forms.CharField(label=_("Reference in their transfers"), max_length=35, required=False)
    monthly_amount = forms.DecimalField(
        label=_("Expected monthly gift"),
        min_value=Decimal("0.01"),
        max_digits=9,
        decimal_places=2,
        required=False,
        localize=True,
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    wants_thanks = forms.BooleanField(label=_("Would like a thank-you"), required=False, initial=True)
    notes = forms.CharField(label=_("Notes"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}))


class StatementForm(forms.Form):
    kind = forms.ChoiceField(label=_("Format"), choices=ImportBatch.Kind.choices, widget=forms.RadioSelect)
    file = forms.FileField(label=_("Bank statement file"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
