"""Suppression is tested by attacking it: whatever is published, no hidden entry may be computable."""

import random
from fractions import Fraction

import pytest

from lib.suppression import TOTAL, suppress


def attack_by_subtraction(table) -> dict:
    """What an analyst with a spreadsheet does: in any line with one unknown, subtract. Repeat until stuck."""
    known = {key: value for key, value in table.published().items() if value is not None}
    from lib.suppression import _lines

    lines = _lines(table.axes)
    progress = True
    while progress:
        progress = False
        for members, total in lines:
            unknown = [key for key in [*members, total] if key not in known]
            if len(unknown) != 1:
                continue
            (key,) = unknown
            if key == total:
                known[key] = sum(known[m] for m in members)
            else:
                known[key] = known[total] - sum(known[m] for m in members if m != key)
            progress = True
    return {key: known[key] for key in table.hidden if key in known}


def rank(rows: list[list[Fraction]]) -> int:
    rows = [list(row) for row in rows]
    r = 0
    width = len(rows[0]) if rows else 0
    for col in range(width):
        pivot = next((i for i in range(r, len(rows)) if rows[i][col] != 0), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        for i in range(len(rows)):
            if i != r and rows[i][col] != 0:
                factor = rows[i][col] / rows[r][col]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[r], strict=True)]
        r += 1
    return r


def attack_by_algebra(table) -> list:
    """Any linear combination of the table's relations: an unknown is determined when dropping its column lowers
    the rank by one (dense elimination, written independently of the library's sparse one)."""
    from lib.suppression import _lines

    hidden = sorted(table.hidden, key=repr)
    col = {key: i for i, key in enumerate(hidden)}
    matrix = []
    for members, total in _lines(table.axes):
        row = [Fraction(0)] * len(hidden)
        for key in members:
            if key in col:
                row[col[key]] += 1
        if total in col:
            row[col[total]] -= 1
        if any(row):
            matrix.append(row)
    if not matrix:
        return []
    full = rank(matrix)
    return [key for key, i in col.items() if rank([row[:i] + row[i + 1 :] for row in matrix]) == full - 1]


def test_small_cells_are_hidden_and_zero_is_shown():
    table = suppress({("a", "x"): 3, ("a", "y"): 40, ("b", "x"): 30, ("b", "y"): 12})
    assert table.get(("a", "x")) is None
    assert table.get((TOTAL, TOTAL)) is not None
    table = suppress({("a", "x"): 40, ("a", "y"): 40, ("b", "x"): 0, ("b", "y"): 12})
    assert table.get(("b", "x")) == 0
    assert table.get((TOTAL, TOTAL)) == 92
    assert not table.hidden


def test_the_textbook_attack_fails_on_a_single_small_cell():
    # Without complementary suppression, row total minus the shown cell gives the 3 back.
    cells = {("namur", "jan"): 3, ("namur", "feb"): 20, ("liege", "jan"): 30, ("liege", "feb"): 25}
    table = suppress(cells)
    assert ("namur", "jan") in table.primary
    assert table.complementary, "one more entry per line must be hidden"
    assert attack_by_subtraction(table) == {}
    assert attack_by_algebra(table) == []


def test_two_hidden_blocks_joined_by_one_cell_are_caught():
    # Rows 0-1 x cols 0-1 and rows 2-3 x cols 2-3 are 2x2 blocks of small cells; every line holds two hidden
    # cells, so a "two per line" rule is satisfied, yet the structure of margins can still expose cells.
    cells = {}
    for r in range(4):
        for c in range(4):
            cells[(r, c)] = 2 if (r < 2 and c < 2) or (r >= 2 and c >= 2) else 30
    cells[(1, 2)] = 3  # the bridge between the blocks
    table = suppress(cells)
    assert attack_by_subtraction(table) == {}
    assert attack_by_algebra(table) == []


@pytest.mark.parametrize("seed", range(40))
def test_random_tables_resist_both_attacks(seed):
    rng = random.Random(seed)
    dims = rng.choice([1, 2, 2, 3])
    shape = [rng.randint(1, 5 if dims < 3 else 3) for _ in range(dims)]
    cells = {}
    from itertools import product

    for key in product(*(range(n) for n in shape)):
        cells[key] = rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 15, 40])
    table = suppress(cells, axes=[list(range(n)) for n in shape])
    for entry, value in table.published().items():
        if value is not None and 0 < value < 5:
            pytest.fail(f"small count {value} published at {entry}")
    assert attack_by_subtraction(table) == {}
    assert attack_by_algebra(table) == []


def test_axes_fix_order_and_add_empty_rows():
    table = suppress({("nl", 1): 10}, axes=[["be", "nl"], [1, 2]])
    assert table.get(("be", 1)) == 0
    assert table.get(("nl", TOTAL)) == 10
    assert next(iter(table.keys())) == ("be", 1)


def test_bad_tables_are_refused():
    with pytest.raises(ValueError):
        suppress({})
    with pytest.raises(ValueError):
        suppress({("a",): -1})
    with pytest.raises(ValueError):
        suppress({("z",): 1}, axes=[["a"]])
    with pytest.raises(KeyError):
        suppress({("a",): 9}).get(("b",))
