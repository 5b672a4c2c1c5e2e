"""CSV files that staff open in a spreadsheet: cells that cannot run as formulas, one way to send them.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel and LibreOffice as
a formula (CSV injection): a donor's name or a label typed by anyone could then run one on a treasurer's machine.
``spreadsheet_safe`` puts a quote in front of such text, as OWASP advises; numbers and dates are left alone.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | Decimal | date | datetime | None


def spreadsheet_safe(value: Cell) -> str | int | float | Decimal:
    """The value as a spreadsheet should receive it: text that could start a formula gets a leading quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, date | datetime):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([spreadsheet_safe(value) for value in row])
    return out.getvalue()


def csv_download(header: Sequence[str], rows: Iterable[Sequence[Cell]], *, filename: str) -> HttpResponse:
    """A CSV attachment (UTF-8 with a byte-order mark, so that spreadsheets read accents right)."""
    response = HttpResponse("\ufeff" + csv_text(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
