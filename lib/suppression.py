"""Small-cell suppression for published counts, complementary so that hidden cells stay hidden.

A report that says "3 clients from Namur" can point at a person; so can one that says "40 in Wallonia, 37 outside
Namur": subtracting published figures gives the hidden 3 back. `suppress` takes the cells of a table of counts in any
number of dimensions (sub-branch x region x month, say), adds every margin (the totals along each dimension, under
the `TOTAL` key, up to the grand total), and hides:

1. every entry from 1 to ``threshold - 1`` (primary suppression; a zero is shown: "nobody" names nobody);
2. then more entries (complementary suppression) until no hidden entry can be computed from the shown ones by any
   combination of the table's additive relations (each line of the table, cells plus their total, adds up).

Step 2 is checked by linear algebra, not a rule of thumb: each line with a hidden entry gives a linear equation
over the hidden entries; an entry is recoverable exactly when its unit vector lies in the span of those equations,
which a row reduction decides (modulo a large prime, see `_P`). While one is recoverable, the smallest shown entry
of one of its lines is hidden too. (A rule like "never one hidden cell per line" is not enough: two blocks of hidden
cells joined by a single cell leave that cell recoverable.) What this does not cover: bounds. An attacker who knows
counts are not negative can sometimes narrow a hidden cell to a range; it never pins it down unless the range is a
single value, which the check above would have found.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Final


class _Total:
    _instance: _Total | None = None

    def __new__(cls) -> _Total:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "TOTAL"

    def __reduce__(self) -> str:
        return "TOTAL"


TOTAL: Final = _Total()

Key = tuple[Hashable, ...]

# The row reduction runs modulo this prime (2**61 - 1) instead of over the rationals: the same answer unless the
# prime divides one of the matrix's minors, which for matrices of 0 and ±1 is a chance of the order of 1e-18,
# and a thousand times faster. The tests check the result with exact rational arithmetic.
_P = 2**61 - 1


@dataclass(frozen=True)
class SuppressedTable:
    axes: tuple[tuple[Hashable, ...], ...]
    threshold: int
    _values: Mapping[Key, int]
    hidden: frozenset[Key]

    def get(self, key: Key) -> int | None:
        """The published value of a cell or margin (`TOTAL` in any position), None when it is hidden."""
        if key not in self._values:
            raise KeyError(key)
        return None if key in self.hidden else self._values[key]

    def keys(self) -> Iterator[Key]:
        """Every entry, margins included, in the axes' order with totals last."""
        return iter(product(*((*tuple(axis), TOTAL) for axis in self.axes)))

    def published(self) -> dict[Key, int | None]:
        return {key: self.get(key) for key in self.keys()}

    @property
    def primary(self) -> frozenset[Key]:
        return frozenset(key for key in self.hidden if 0 < self._values[key] < self.threshold)

    @property
    def complementary(self) -> frozenset[Key]:
        return self.hidden - self.primary


def _lines(axes: Sequence[Sequence[Hashable]]) -> list[tuple[list[Key], Key]]:
    """Every line of the table: the entries along one dimension, and the entry that is their total."""
    lines = []
    extended = [(*tuple(axis), TOTAL) for axis in axes]
    for dim, axis in enumerate(axes):
        others = [extended[i] if i != dim else (None,) for i in range(len(axes))]
        for fixed in product(*others):
            members = [(*fixed[:dim], value, *fixed[dim + 1 :]) for value in axis]
            total = (*fixed[:dim], TOTAL, *fixed[dim + 1 :])
            lines.append((members, total))
    return lines


def _recoverable(hidden: Iterable[Key], lines: list[tuple[list[Key], Key]]) -> list[Key]:
    """The hidden entries that the table's additive relations determine, given every shown entry."""
    unknowns = sorted(hidden, key=repr)
    index = {key: i for i, key in enumerate(unknowns)}
    rows: list[dict[int, int]] = []
    for members, total in lines:
        row: dict[int, int] = {}
        for key in members:
            if key in index:
                row[index[key]] = row.get(index[key], 0) + 1
        if total in index:
            row[index[total]] = row.get(index[total], 0) - 1
        row = {c: v % _P for c, v in row.items() if v % _P}
        if row:
            rows.append(row)
    # Reduced row echelon form on sparse rows, modulo a large prime (see _P).
    pivots: dict[int, dict[int, int]] = {}
    for row in rows:
        for col in sorted(c for c in row if c in pivots):
            factor = row.get(col)
            if factor:
                for c, v in pivots[col].items():
                    row[c] = (row.get(c, 0) - factor * v) % _P
                row = {c: v for c, v in row.items() if v}
        if not row:
            continue
        col = min(row)
        inverse = pow(row[col], _P - 2, _P)
        row = {c: v * inverse % _P for c, v in row.items()}
        for other in pivots.values():
            factor = other.get(col)
            if factor:
                for c, v in row.items():
                    other[c] = (other.get(c, 0) - factor * v) % _P
                for c in [c for c, v in other.items() if not v]:
                    del other[c]
        pivots[col] = row
    return [unknowns[col] for col, row in pivots.items() if len(row) == 1]


def _next_to_hide(
    target: Key, hidden: set[Key], lines_of: Mapping[Key, list[list[Key]]], values: Mapping[Key, int]
) -> Key:
    """A shown entry to hide so that `target` stops being recoverable: from the target's own lines if they
    have one, else from the lines of the hidden entries that share a line with it, and so on outwards."""
    seen = {target}
    frontier = [target]
    while frontier:
        candidates = {
            key for entry in frontier for line in lines_of.get(entry, []) for key in line if key not in hidden
        }
        if candidates:
            # Hide as little as possible: a count over zero before a zero, a cell before a margin, the smallest.
            return min(candidates, key=lambda key: (values[key] == 0, TOTAL in key, values[key], repr(key)))
        frontier = [key for entry in frontier for line in lines_of.get(entry, []) for key in line if key not in seen]
        seen.update(frontier)
    raise AssertionError(f"no entry left to hide near {target!r}")  # cannot happen: see _recoverable


def suppress(
    cells: Mapping[Key, int],
    *,
    threshold: int = 5,
    axes: Sequence[Sequence[Hashable]] | None = None,
) -> SuppressedTable:
    """Suppress small counts in a table given by its cells (keys are tuples of one value per dimension).

    `axes` fixes the values of each dimension and their order (cells missing from `cells` count as zero);
    without it, each dimension's values are the ones the cells use, sorted.
    """
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    if axes is None:
        if not cells:
            raise ValueError("an empty table needs its axes")
        width = len(next(iter(cells)))
        axes = [sorted({key[d] for key in cells}, key=repr) for d in range(width)]
    axes_t = tuple(tuple(axis) for axis in axes)
    values: dict[Key, int] = {key: 0 for key in product(*((*axis, TOTAL) for axis in axes_t))}
    dims = len(axes_t)
    for key, count in cells.items():
        if len(key) != dims or any(key[d] not in axes_t[d] for d in range(dims)):
            raise ValueError(f"cell {key!r} is outside the table's axes")
        if count < 0:
            raise ValueError(f"cell {key!r} has a negative count")
        for mask in product((False, True), repeat=dims):
            values[tuple(TOTAL if m else v for m, v in zip(mask, key, strict=True))] += count
    hidden = {key for key, value in values.items() if 0 < value < threshold}
    lines = _lines(axes_t)
    lines_of: dict[Key, list[list[Key]]] = {}
    for members, total in lines:
        entries = [*members, total]
        for key in entries:
            lines_of.setdefault(key, []).append(entries)
    while hidden:
        exposed = _recoverable(hidden, lines)
        if not exposed:
            break
        # One entry per exposed entry in a round (an entry already shielded this round is skipped), so that
        # large tables need few rounds; the next round checks the result exactly again.
        shielded: set[Key] = set()
        for target in exposed:
            if target in shielded:
                continue
            added = _next_to_hide(target, hidden, lines_of, values)
            hidden.add(added)
            shielded.update(key for line in lines_of.get(added, []) for key in line)
    return SuppressedTable(axes=axes_t, threshold=threshold, _values=values, hidden=frozenset(hidden))
