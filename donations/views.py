"""The public donation page (bank details, EPC QR code for a chosen amount, standing orders) and the admins'
ledger: gifts, donors, bank details and bank-statement imports."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts import selectors as account_selectors
from accounts.access import organisation_required, staff_user
from accounts.models import Organisation, Role
from audit.services import Action, audit_log
from core.types import HavenRequest
from donations import selectors, services
from donations.epc import epc_svg
from donations.forms import AmountForm, BankAccountForm, DonorForm, GiftForm, StatementForm
from donations.models import Donor, Gift, ImportBatch
from donations.statements import StatementError
from lib.spreadsheets import csv_download


def _public_organisation(slug: str) -> Organisation:
    organisation = account_selectors.organisation_by_slug(slug)
    if organisation is None or not organisation.is_active:
        raise Http404
    return organisation


@require_safe
def donate(request: HavenRequest, slug: str) -> HttpResponse:
    organisation = _public_organisation(slug)
    account = selectors.public_account(organisation=organisation)
    if account is None:
        raise Http404
    form = AmountForm(request.GET if "amount" in request.GET else None)
    amount: Decimal | None = form.cleaned_data["amount"] if form.is_bound and form.is_valid() else None
    qr = None
    if amount is not None:
        qr = epc_svg(holder=account.holder, iban=account.iban, bic=account.bic, amount=amount, text=account.remittance)
    return render(
        request,
        "donations/donate.html",
        {"organisation": organisation, "account": account, "form": form, "amount": amount, "qr": qr},
    )


# Staff -------------------------------------------------------------------------------------------------------

ADMIN = Role.ADMIN


def _read(request: HavenRequest, what: str) -> None:
    audit_log(
        actor=staff_user(request),
        action=Action.READ,
        target_type=f"donations.{what}",
        target_id="list",
        organisation_id=request.organisation.pk,
    )


@require_safe
@organisation_required(ADMIN)
def ledger(request: HavenRequest) -> HttpResponse:
    organisation = request.organisation
    _read(request, "gift")
    return render(
        request,
        "donations/staff/ledger.html",
        {
            "organisation": organisation,
            "gifts": selectors.gifts(organisation=organisation),
            "totals": selectors.totals(organisation=organisation),
            "account": selectors.account_of(organisation=organisation),
            "pending": selectors.pending_batches(organisation=organisation),
            "years": selectors.gift_years(organisation=organisation),
        },
    )


@require_safe
@organisation_required(ADMIN)
def ledger_csv(request: HavenRequest, year: int) -> HttpResponse:
    """A year's gifts for the accounts and the tax certificates: date, amount, who gave, their message, thanks.
    The donor's IBAN stays out (the bank statement has it); the download is logged like a reading."""
    organisation = request.organisation
    if year not in selectors.gift_years(organisation=organisation):
        raise Http404
    gifts = selectors.gifts_of_year(organisation=organisation, year=year)
    audit_log(
        actor=staff_user(request),
        action=Action.EXPORT,
        target_type="donations.gift",
        target_id=str(year),
        organisation_id=organisation.pk,
    )
    return csv_download(
        ["received_on", "amount_eur", "donor_number", "donor", "name_on_transfer", "message", "source", "thanked_on"],
        (
            [
                gift.received_on,
                gift.amount,
                gift.donor_id,
                gift.donor.name if gift.donor else "",
                gift.counterparty,
                gift.message,
                gift.source,
                gift.thanked_on,
            ]
            for gift in gifts
        ),
        filename=f"gifts-{organisation.slug}-{year}.csv",
    )


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(ADMIN)
def account_edit(request: HavenRequest) -> HttpResponse:
    organisation = request.organisation
    account = selectors.account_of(organisation=organisation)
    initial = (
        {
            "holder": account.holder,
            "iban": account.iban,
            "bic": account.bic,
            "remittance": account.remittance,
            "published": account.is_published,
        }
        if account
        else {"holder": organisation.name}
    )
    form = BankAccountForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.bank_account_save(
                actor=staff_user(request),
                organisation=organisation,
                holder=data["holder"],
                iban=data["iban"],
                bic=data["bic"],
                remittance=data["remittance"],
                published=data["published"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("donations:ledger", org=organisation.slug)
    return render(
        request, "donations/staff/account.html", {"organisation": organisation, "form": form, "account": account}
    )


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(ADMIN)
def gift_new(request: HavenRequest) -> HttpResponse:
    organisation = request.organisation
    form = GiftForm(request.POST or None, donors=selectors.donors(organisation=organisation))
    if request.method == "POST" and form.is_valid():
        try:
            services.gift_create(actor=staff_user(request), organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The gift is in the ledger."))
            return redirect("donations:ledger", org=organisation.slug)
    return render(request, "donations/staff/gift.html", {"organisation": organisation, "form": form})


@require_POST
@organisation_required(ADMIN)
def gift_thanked(request: HavenRequest, pk: int) -> HttpResponse:
    services.gift_mark_thanked(actor=staff_user(request), gift=get_object_or_404(Gift, pk=pk))
    return redirect("donations:ledger", org=request.organisation.slug)


@require_safe
@organisation_required(ADMIN)
def donor_list(request: HavenRequest) -> HttpResponse:
    _read(request, "donor")
    return render(
        request,
        "donations/staff/donors.html",
        {"organisation": request.organisation, "donors": selectors.donors(organisation=request.organisation)},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(ADMIN)
def donor_edit(request: HavenRequest, pk: int | None = None) -> HttpResponse:
    organisation = request.organisation
    donor = get_object_or_404(Donor, pk=pk) if pk else None
    initial = (
        {
            "name": donor.name,
            "email": donor.email,
            "iban": donor.iban,
            "reference": donor.reference,
            "monthly_amount": donor.monthly_amount,
            "language": donor.language,
            "wants_thanks": donor.wants_thanks,
            "notes": donor.notes,
        }
        if donor
        else {"language": request.LANGUAGE_CODE}
    )
    form = DonorForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.donor_save(actor=staff_user(request), organisation=organisation, donor=donor, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("donations:donors", org=organisation.slug)
    if donor is not None:
        audit_log(actor=staff_user(request), action=Action.READ, target=donor)
    return render(request, "donations/staff/donor.html", {"organisation": organisation, "form": form, "donor": donor})


@require_POST
@organisation_required(ADMIN)
def donor_forget(request: HavenRequest, pk: int) -> HttpResponse:
    donor = get_object_or_404(Donor, pk=pk)
    services.donor_forget(organisation=request.organisation, donor=donor)
    messages.success(request, _("The donor is forgotten: their record is deleted and their gifts no longer name them."))
    return redirect("donations:donors", org=request.organisation.slug)


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(ADMIN)
def statement_upload(request: HavenRequest) -> HttpResponse:
    organisation = request.organisation
    form = StatementForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = services.statement_read(
                actor=staff_user(request), organisation=organisation, kind=form.cleaned_data["kind"], data=upload.read()
            )
        except StatementError as error:
            problems = error.problems
        else:
            return redirect("donations:import", org=organisation.slug, pk=batch.pk)
    return render(
        request,
        "donations/staff/upload.html",
        {"organisation": organisation, "form": form, "problems": problems, "step": 1},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(ADMIN)
def statement_preview(request: HavenRequest, pk: int) -> HttpResponse:
    organisation = request.organisation
    batch = get_object_or_404(ImportBatch, pk=pk)
    if request.method == "POST" and batch.imported_at is None:
        if request.POST.get("action") == "discard":
            services.statement_discard(actor=staff_user(request), batch=batch)
            messages.success(request, _("The statement was set aside; nothing was imported."))
            return redirect("donations:ledger", org=organisation.slug)
        try:
            count = services.statement_import(actor=staff_user(request), organisation=organisation, batch=batch)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Gifts imported: %(count)s.") % {"count": count})
        return redirect("donations:import", org=organisation.slug, pk=batch.pk)
    matches = services.statement_matches(organisation=organisation, batch=batch) if batch.imported_at is None else []
    audit_log(actor=staff_user(request), action=Action.READ, target=batch)
    new = [m for m in matches if not m.duplicate]
    return render(
        request,
        "donations/staff/preview.html",
        {
            "organisation": organisation,
            "batch": batch,
            "matches": matches,
            "new_count": len(new),
            "new_total": sum((m.line.amount for m in new), Decimal("0")),
            "expected_count": sum(1 for m in new if m.expected),
            "step": 3 if batch.imported_at else 2,
        },
    )
