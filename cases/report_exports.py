"""The funder report as CSV (one line per published figure, every region) and XLSX (one sheet per table,
as shown). Hidden figures are empty with the word "hidden", in the reader's language."""

from __future__ import annotations

import io
import re
from collections.abc import Hashable, Iterator

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from cases.reporting import THRESHOLD, Report
from lib.spreadsheets import Cell, csv_text, spreadsheet_safe
from lib.suppression import TOTAL


def _name(value: Hashable, labels: dict[Hashable, str]) -> str:
    if value is TOTAL:
        return str(_("Total"))
    return _safe(labels.get(value, str(value)))


def _safe(text: str) -> str:
    """A label a spreadsheet would take for a formula (a profile name is typed by staff) gets a quote first."""
    return str(spreadsheet_safe(text))


def report_csv(report: Report) -> str:
    header = ["year", "table", "row", "row_name", "region", "region_name", "column", "column_name", "value", "note"]
    return csv_text(header, _csv_rows(report))


def _csv_rows(report: Report) -> Iterator[list[Cell]]:
    region_names: dict[Hashable, str] = dict(report.regions)
    for table in report.tables:
        if table.layout == "by-region":
            continue  # the same figures as the sub-branch table's region totals
        labels, columns = dict(table.rows), dict(table.columns)
        flat = table.layout == "flat"
        for row, region, column, value in table.published():
            yield [
                report.year,
                table.slug,
                _slug(row),
                _name(row, labels),
                "" if flat else _slug(region),
                "" if flat else _name(region, region_names),
                _slug(column),
                _name(column, columns),
                value,
                _("hidden") if value is None else "",
            ]


def _slug(value: Hashable) -> str:
    return "total" if value is TOTAL else str(value)


def report_xlsx(report: Report, *, organisation_names: str, region_name: str) -> bytes:
    book = Workbook()
    cover = book.active
    assert cover is not None
    cover.title = str(_("About"))[:31]
    cover.append([str(_("Funder report %(year)s") % {"year": report.year})])
    cover["A1"].font = Font(bold=True, size=14)
    cover.append([str(_("Organisations")), organisation_names])
    cover.append([str(_("Region")), region_name])
    cover.append(
        [
            str(
                _(
                    "Figures under %(threshold)s are hidden, and so are some others, so that no hidden figure can be "
                    "worked out from the totals."
                )
                % {"threshold": THRESHOLD}
            )
        ]
    )
    used: set[str] = {cover.title}
    for n, table in enumerate(report.tables, start=1):
        title = re.sub(r"[\[\]:*?/\\]", " ", str(table.title)).replace("  ", " ").strip()[:28]
        if title in used:
            title = f"{title[:25]} {n}"
        used.add(title)
        sheet = book.create_sheet(title)
        sheet.append([str(table.title)])
        sheet["A1"].font = Font(bold=True)
        sheet.append([str(table.explanation)])
        sheet.append(["", *table.column_labels, str(_("Year"))])
        for row in [*table.view(), table.totals()]:
            sheet.append([_safe(row.label), *(_cell(v) for v in row.cells), _cell(row.total)])
        sheet.column_dimensions["A"].width = 40
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value: int | None) -> int | str:
    return str(_("hidden")) if value is None else value
