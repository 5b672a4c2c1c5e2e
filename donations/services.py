"""Writes: the organisation's bank details, gifts by hand, donor records, bank-statement imports, forgetting.

A statement import has two steps. ``statement_read`` parses the file (every problem with its line number, and
then nothing is kept) and stores the credit lines, encrypted, in a pending ``ImportBatch``; the admin sees the
preview with the matches against expected gifts. ``statement_import`` then writes every new line as a gift in
one transaction, or none; a line imported before (same keyed hash) is skipped, never doubled.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from audit.services import Action, audit_log
from core.scopes import scope
from donations.models import BankAccount, Donor, Gift, ImportBatch
from donations.statements import Line, clean_iban, parse

PENDING_IMPORT_HOURS = 24
UNLINKED_DETAILS_DAYS = 400  # a year of standing orders to recognise, and time to thank


def bank_account_save(
    *, actor: User, organisation: Organisation, holder: str, iban: str, bic: str, remittance: str, published: bool
) -> BankAccount:
    try:
        compact = clean_iban(iban)
    except ValueError as error:
        raise ValidationError({"iban": str(error)}) from error
    with scope(organisation=organisation), transaction.atomic():
        account = BankAccount.objects.filter(organisation=organisation).first() or BankAccount(
            organisation=organisation
        )
        account.holder, account.iban, account.bic = holder, compact, bic.replace(" ", "").upper()
        account.remittance, account.is_published = remittance, published
        account.full_clean()
        account.save()
        audit_log(actor=actor, action=Action.UPDATE, target=account)
    return account


def donor_save(
    *,
    actor: User,
    organisation: Organisation,
    donor: Donor | None,
    name: str,
    email: str,
    iban: str,
    reference: str,
    monthly_amount: Decimal | None,
    language: str,
    wants_thanks: bool,
    notes: str,
) -> Donor:
    try:
        compact = clean_iban(iban)
    except ValueError as error:
        raise ValidationError({"iban": str(error)}) from error
    with scope(organisation=organisation), transaction.atomic():
        donor = donor or Donor(organisation=organisation, created_on=timezone.localdate())
        donor.name, donor.email, donor.iban, donor.reference = name, email, compact, reference
        donor.monthly_amount, donor.language, donor.wants_thanks, donor.notes = (
            monthly_amount,
            language,
            wants_thanks,
            notes,
        )
        created = donor.pk is None
        donor.full_clean()
        donor.save()
        audit_log(actor=actor, action=Action.CREATE if created else Action.UPDATE, target=donor)
    return donor


def gift_create(
    *,
    actor: User,
    organisation: Organisation,
    amount: Decimal,
    received_on: date,
    donor: Donor | None,
    counterparty: str = "",
    counterparty_iban: str = "",
    message: str = "",
) -> Gift:
    try:
        compact = clean_iban(counterparty_iban)
    except ValueError as error:
        raise ValidationError({"counterparty_iban": str(error)}) from error
    with scope(organisation=organisation), transaction.atomic():
        gift = Gift(
            organisation=organisation,
            amount=amount,
            received_on=received_on,
            donor=donor,
            counterparty=counterparty,
            counterparty_iban=compact,
            message=message,
        )
        gift.full_clean()
        gift.save()
        audit_log(actor=actor, action=Action.CREATE, target=gift)
    return gift


def gift_mark_thanked(*, actor: User, gift: Gift) -> None:
    with transaction.atomic():
        gift.thanked_on = timezone.localdate()
        gift.save(update_fields=["thanked_on"])
        audit_log(actor=actor, action=Action.UPDATE, target=gift)


# Statement import ----------------------------------------------------------------------------------------


@dataclass
class Match:
    line: Line
    donor: Donor | None
    expected: bool  # the amount is the donor's expected monthly gift
    duplicate: bool  # imported before


def line_key(organisation: Organisation, line: Line) -> str:
    value = "|".join(
        [str(organisation.pk), line.received_on.isoformat(), str(line.amount), line.iban, line.bank_ref, line.message]
    )
    return salted_hmac("haven.donations.statement-line", value).hexdigest()


def statement_read(*, actor: User, organisation: Organisation, kind: str, data: bytes) -> ImportBatch:
    """Parse (raises ``statements.StatementError`` with line numbers) and keep the lines for the preview."""
    lines = parse(kind, data)
    with scope(organisation=organisation), transaction.atomic():
        batch = ImportBatch(
            organisation=organisation,
            kind=kind,
            rows=json.dumps([line.as_json() for line in lines]),
            lines=len(lines),
            created_by=actor,
        )
        batch.full_clean()
        batch.save()
        audit_log(actor=actor, action=Action.CREATE, target=batch)
    return batch


def batch_lines(batch: ImportBatch) -> list[Line]:
    return [Line.from_json(row) for row in json.loads(batch.rows or "[]")]


def statement_matches(*, organisation: Organisation, batch: ImportBatch) -> list[Match]:
    """Each line with the donor it belongs to (same IBAN, or their reference in the message) and whether it is
    the gift that donor is expected to make; lines imported before are marked as duplicates."""
    lines = batch_lines(batch)
    with scope(organisation=organisation):
        donors = list(Donor.objects.all())
        keys = {line_key(organisation, line) for line in lines}
        seen = set(Gift.objects.filter(line_key__in=keys).values_list("line_key", flat=True))
    by_iban = {d.iban: d for d in donors if d.iban}
    matches = []
    for line in lines:
        donor = by_iban.get(line.iban) if line.iban else None
        if donor is None:
            donor = next((d for d in donors if d.reference and d.reference.lower() in line.message.lower()), None)
        expected = bool(donor and donor.monthly_amount is not None and donor.monthly_amount == line.amount)
        matches.append(Match(line, donor, expected, line_key(organisation, line) in seen))
    return matches


def statement_import(*, actor: User, organisation: Organisation, batch: ImportBatch) -> int:
    """Write every new line of a pending batch as a gift, all in one transaction; returns how many."""
    with scope(organisation=organisation), transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.imported_at is not None:
            raise ValidationError(_("This statement was already imported."))
        count = 0
        for match in statement_matches(organisation=organisation, batch=batch):
            if match.duplicate:
                continue
            line = match.line
            gift = Gift(
                organisation=organisation,
                donor=match.donor,
                amount=line.amount,
                received_on=line.received_on,
                counterparty=line.name,
                counterparty_iban=line.iban,
                message=line.message,
                source=Gift.Source.IMPORT,
                batch=batch,
                line_key=line_key(organisation, line),
            )
            gift.full_clean()
            gift.save()
            count += 1
        batch.imported_at, batch.imported, batch.rows = timezone.now(), count, ""
        batch.save()
        audit_log(actor=actor, action=Action.CREATE, target=batch)
    return count


def statement_discard(*, actor: User, batch: ImportBatch) -> None:
    with transaction.atomic():
        audit_log(actor=actor, action=Action.DELETE, target=batch)
        batch.delete()


# Forgetting and retention --------------------------------------------------------------------------------


def donor_forget(*, organisation: Organisation, donor: Donor | None = None, email: str = "", iban: str = "") -> int:
    """Forget a donor: delete their record and erase the name, IBAN and message of their gifts (amounts and
    dates stay, for the accounts). Give the donor, or an email address or IBAN to find them by (the members app
    calls this when a member who leaves had given). Returns how many donor records were forgotten."""
    with scope(organisation=organisation), transaction.atomic():
        donors = [donor] if donor is not None else []
        if not donors and (email or iban):
            wanted_email = email.strip().lower()
            try:
                wanted_iban = clean_iban(iban) if iban else ""
            except ValueError:
                wanted_iban = ""
            donors = [
                d
                for d in Donor.objects.all()
                if (wanted_email and d.email.strip().lower() == wanted_email) or (wanted_iban and d.iban == wanted_iban)
            ]
        for found in donors:
            for gift in Gift.objects.filter(donor=found):
                _erase(gift)
            if iban:
                for gift in Gift.objects.filter(donor__isnull=True):
                    if gift.counterparty_iban and gift.counterparty_iban == found.iban:
                        _erase(gift)
            audit_log(actor=None, action=Action.DELETE, target=found)
            found.delete()
    return len(donors)


def _erase(gift: Gift) -> None:
    gift.counterparty = gift.counterparty_iban = gift.message = ""
    gift.donor = None
    gift.save()


def purge_expired() -> int:
    """Unconfirmed statement previews after a day; the name, IBAN and message of gifts that belong to no donor
    record after 400 days (the amount and the day stay, for the accounts)."""
    now = timezone.now()
    count = ImportBatch.objects.filter(
        imported_at__isnull=True, created_at__lt=now - timedelta(hours=PENDING_IMPORT_HOURS)
    ).delete()[0]
    cutoff = timezone.localdate() - timedelta(days=UNLINKED_DETAILS_DAYS)
    for gift in Gift.objects.filter(donor__isnull=True, received_on__lt=cutoff):
        if gift.counterparty or gift.counterparty_iban or gift.message:
            _erase(gift)
            count += 1
    return count
