"""Read bank statements into credit lines: CODA (Belgian banks), CAMT.053 (ISO 20022) and CSV.

No package we found was both maintained and small enough to trust with this (the CODA one on PyPI had its last
release in 2022; the CAMT.053 ones are young single-maintainer projects), so this is a small reader of the
parts we need: the credits (gifts), with their date, amount, counterparty name and IBAN, and message.
Debits are skipped. Every problem is reported with its line number and nothing is returned for a file with
a problem: the caller imports all lines or none.

- CODA 2.x: fixed records of 128 characters. 21 = movement (sign at 32, amount 33-47 with three decimals,
  value date 48-53 DDMMYY, communication type 62 and text 63-115), 22 = communication continued (11-63),
  23 = counterparty account (11-47) and name (48-82), communication continued (83-125). Positions are 1-based,
  from the Febelfin standard.
- CAMT.053: every ``Ntry`` with ``CdtDbtInd`` CRDT; namespaces of any version (.001.02 to .001.13).
- CSV: a header row naming date, amount, name, iban and message (English, Dutch or French words), comma or
  semicolon, decimal point or comma, dates as DD/MM/YYYY, DD-MM-YYYY or YYYY-MM-DD.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _
from schwifty import IBAN
from schwifty.exceptions import SchwiftyException

MAX_BYTES = 5 * 1024 * 1024
MAX_LINES = 5000


@dataclass
class Line:
    number: int  # the line of the file where this credit starts
    received_on: date
    amount: Decimal
    name: str
    iban: str
    message: str
    bank_ref: str

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["received_on"] = self.received_on.isoformat()
        data["amount"] = str(self.amount)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Line:
        return cls(
            **{**data, "received_on": date.fromisoformat(data["received_on"]), "amount": Decimal(data["amount"])}
        )


@dataclass
class Problem:
    number: int
    message: str


class StatementError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.number}: {p.message}" for p in problems))
        self.problems = problems


def clean_iban(value: str) -> str:
    """A valid IBAN in its compact form, or "" (raises ValueError when it is given but wrong)."""
    value = re.sub(r"\s+", "", value or "").upper()
    if not value:
        return ""
    try:
        return str(IBAN(value).compact)
    except SchwiftyException as error:
        raise ValueError(_("%(value)s is not a valid IBAN.") % {"value": value}) from error


def _text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def parse(kind: str, data: bytes) -> list[Line]:
    if len(data) > MAX_BYTES:
        raise StatementError([Problem(0, _("The file is larger than 5 MB."))])
    if not data.strip():
        raise StatementError([Problem(0, _("The file is empty."))])
    readers = {"coda": parse_coda, "camt": parse_camt, "csv": parse_csv}
    lines = readers[kind](data)
    if len(lines) > MAX_LINES:
        raise StatementError([Problem(0, _("The file has more than 5000 credits; split it."))])
    return lines


# CODA ----------------------------------------------------------------------------------------------------


def _coda_date(value: str) -> date:
    return datetime.strptime(value, "%d%m%y").date()


def parse_coda(data: bytes) -> list[Line]:
    problems: list[Problem] = []
    lines: list[Line] = []
    current: Line | None = None
    seen_header = False
    for number, raw in enumerate(_text(data).splitlines(), start=1):
        record = raw.rstrip("\r\n")
        if not record.strip():
            continue
        if len(record) != 128:
            problems.append(
                Problem(number, _("A CODA line has 128 characters; this one has %(n)s.") % {"n": len(record)})
            )
            continue
        kind = record[0]
        if kind == "0":
            seen_header = True
            continue
        if not seen_header:
            problems.append(Problem(number, _("This is not a CODA file: it must start with a header record (0).")))
            break
        if record[:2] == "21":
            current = None
            try:
                amount = (Decimal(record[32:47]) / 1000).quantize(Decimal("0.01"))
                when = _coda_date(record[47:53])
            except (InvalidOperation, ValueError):
                problems.append(Problem(number, _("The amount or the date of this movement cannot be read.")))
                continue
            if record[31] != "0":  # 1 = debit
                continue
            communication = record[62:115]
            if record[61] == "1" and communication[:3] == "101":  # structured (+++123/4567/89012+++)
                digits = communication[3:15]
                communication = f"+++{digits[:3]}/{digits[3:7]}/{digits[7:]}+++"
            current = Line(number, when, amount, "", "", communication.strip(), record[10:31].strip())
            lines.append(current)
        elif record[:2] == "22" and current is not None:
            current.message = f"{current.message} {record[10:63].strip()}".strip()
        elif record[:2] == "23" and current is not None:
            account = record[10:47].strip()
            try:
                current.iban = clean_iban(account.split(" ")[0]) if account else ""
            except ValueError as error:
                problems.append(Problem(number, str(error)))
            current.name = record[47:82].strip()
            current.message = f"{current.message} {record[82:125].strip()}".strip()
    if not seen_header and not problems:
        problems.append(Problem(1, _("This is not a CODA file: it must start with a header record (0).")))
    if problems:
        raise StatementError(problems)
    return lines


# CAMT.053 ------------------------------------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(element: Element | None, *path: str) -> Element | None:
    for step in path:
        if element is None:
            return None
        element = next((child for child in element if _local(child.tag) == step), None)
    return element


def _find_text(element: Element | None, *path: str) -> str:
    found = _find(element, *path)
    return (found.text or "").strip() if found is not None else ""


def parse_camt(data: bytes) -> list[Line]:
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True)
    except ParseError as error:
        raise StatementError([Problem(error.position[0], _("This is not well-formed XML."))]) from error
    except DefusedXmlException as error:
        raise StatementError([Problem(1, _("The file declares entities, which bank statements never do."))]) from error
    if _local(root.tag) != "Document" or _find(root, "BkToCstmrStmt") is None:
        raise StatementError([Problem(1, _("This is not a CAMT.053 bank statement."))])
    # ElementTree keeps no line numbers: find where each entry starts in the text, in document order.
    starts = [_text(data)[: m.start()].count("\n") + 1 for m in re.finditer(r"<(?:\w+:)?Ntry[\s>]", _text(data))]
    problems: list[Problem] = []
    lines: list[Line] = []
    entries = [e for e in root.iter() if _local(e.tag) == "Ntry"]
    for index, entry in enumerate(entries):
        number = starts[index] if index < len(starts) else 0
        if _find_text(entry, "CdtDbtInd") != "CRDT":
            continue
        amount_element = _find(entry, "Amt")
        try:
            amount = Decimal((amount_element.text or "").strip()) if amount_element is not None else None
        except InvalidOperation:
            amount = None
        if amount is None or amount <= 0:
            problems.append(Problem(number, _("The amount of this entry cannot be read.")))
            continue
        if amount_element is not None and amount_element.get("Ccy", "EUR") != "EUR":
            problems.append(Problem(number, _("Only amounts in euro can be imported.")))
            continue
        booked = _find_text(entry, "BookgDt", "Dt") or _find_text(entry, "BookgDt", "DtTm")[:10]
        booked = booked or _find_text(entry, "ValDt", "Dt")
        try:
            when = date.fromisoformat(booked)
        except ValueError:
            problems.append(Problem(number, _("The date of this entry cannot be read.")))
            continue
        details = _find(entry, "NtryDtls", "TxDtls")
        parties = _find(details, "RltdPties")
        name = _find_text(parties, "Dbtr", "Nm") or _find_text(parties, "Dbtr", "Pty", "Nm")
        iban_text = _find_text(parties, "DbtrAcct", "Id", "IBAN")
        remittance = _find(details, "RmtInf")
        message = " ".join(
            (child.text or "").strip()
            for child in (remittance.iter() if remittance is not None else [])
            if _local(child.tag) in {"Ustrd", "Ref"}
        ).strip()
        message = message or _find_text(entry, "AddtlNtryInf")
        try:
            iban = clean_iban(iban_text)
        except ValueError as error:
            problems.append(Problem(number, str(error)))
            continue
        reference = _find_text(entry, "AcctSvcrRef") or _find_text(details, "Refs", "AcctSvcrRef")
        lines.append(Line(number, when, amount, name, iban, message, reference))
    if problems:
        raise StatementError(problems)
    return lines


# CSV -----------------------------------------------------------------------------------------------------

COLUMNS = {
    "date": {"date", "datum", "booking date", "boekingsdatum", "date comptable", "valutadatum"},
    "amount": {"amount", "bedrag", "montant"},
    "name": {"name", "naam", "nom", "naam tegenpartij", "counterparty", "nom de la contrepartie"},
    "iban": {"iban", "rekening tegenpartij", "counterparty account", "compte contrepartie", "tegenrekening"},
    "message": {"message", "mededeling", "communication", "description", "omschrijving"},
}


def _csv_amount(value: str) -> Decimal:
    value = value.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if "," in value and "." in value:
        value = (
            value.replace(".", "").replace(",", ".") if value.rfind(",") > value.rfind(".") else value.replace(",", "")
        )
    elif "," in value:
        value = value.replace(",", ".")
    return Decimal(value)


def _csv_date(value: str) -> date:
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    raise ValueError(value)


def parse_csv(data: bytes) -> list[Line]:
    text = _text(data)
    first = text.splitlines()[0] if text.splitlines() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in next(rows, [])]
    where: dict[str, int] = {}
    for key, names in COLUMNS.items():
        for index, heading in enumerate(header):
            if heading in names:
                where[key] = index
                break
    missing = [key for key in ("date", "amount") if key not in where]
    if missing:
        raise StatementError(
            [
                Problem(
                    1,
                    _("The first line must name the columns; missing: %(columns)s.") % {"columns": ", ".join(missing)},
                )
            ]
        )
    problems: list[Problem] = []
    lines: list[Line] = []
    for row in rows:
        number = rows.line_num
        if not any(cell.strip() for cell in row):
            continue

        def cell(key: str, row: list[str] = row) -> str:
            index = where.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

        try:
            amount = _csv_amount(cell("amount"))
        except (InvalidOperation, ValueError):
            problems.append(Problem(number, _("The amount %(value)s cannot be read.") % {"value": cell("amount")}))
            continue
        try:
            when = _csv_date(cell("date"))
        except ValueError:
            problems.append(Problem(number, _("The date %(value)s cannot be read.") % {"value": cell("date")}))
            continue
        try:
            iban = clean_iban(cell("iban"))
        except ValueError as error:
            problems.append(Problem(number, str(error)))
            continue
        if amount <= 0:
            continue  # a debit: not a gift
        lines.append(Line(number, when, amount, cell("name"), iban, cell("message"), ""))
    if problems:
        raise StatementError(problems)
    return lines
