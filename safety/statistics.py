"""Statistics for advocacy: reports per kind, region and month, small cells suppressed (``lib.suppression``).

Counts from 1 to 4 are hidden, and so are enough other cells and totals that none of them can be worked out by
subtraction. Rows whose published count is zero are left out (a zero names nobody and is published anyway).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from accounts.models import Organisation
from lib.suppression import TOTAL, suppress
from safety.models import IncidentKind
from safety.selectors import report_counts

THRESHOLD = 5


@dataclass(frozen=True)
class Row:
    kind: str
    region: str
    month: str
    count: int | None  # None: hidden

    @property
    def is_total(self) -> bool:
        return "" in (self.kind, self.region, self.month)


@dataclass(frozen=True)
class Table:
    rows: list[Row]
    total: int | None
    threshold: int


def _text(value: Hashable) -> str:
    return "" if value is TOTAL else str(value)


def table_for(organisation: Organisation) -> Table:
    cells = report_counts(organisation)
    if not cells:
        return Table(rows=[], total=0, threshold=THRESHOLD)
    axes: list[Sequence[Hashable]] = [
        list(IncidentKind.values),
        sorted({str(key[1]) for key in cells}),
        sorted({str(key[2]) for key in cells}),
    ]
    table = suppress(cells, threshold=THRESHOLD, axes=axes)
    rows = []
    for key, value in table.published().items():
        if value == 0:
            continue
        rows.append(Row(kind=_text(key[0]), region=_text(key[1]), month=_text(key[2]), count=value))
    return Table(rows=rows, total=table.get((TOTAL, TOTAL, TOTAL)), threshold=THRESHOLD)
