"""An attacker who tries to work out hidden counts from what a protected table publishes.

It knows everything a reader of the published table knows: every published figure, which
figures are hidden, how the table is built (a row total is its row's sum; the total row is the
rows' sum when the table is additive; in a non-additive table each row is a part of its column's
total and the rows together cover it), that counts are whole numbers, and that zeros are
published (so every hidden count is at least 1). For each hidden figure it solves two integer
programs (scipy's HiGHS): the least and the greatest value consistent with all of that.

It is written apart from likeverd.statistics.disclosure (no code shared) so that a mistake in
the protection's own check does not hide from the test.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from likeverd.statistics.tables import Table

# Far above any count in the tests: an unknown nothing bounds (a lone hidden cell of a table
# without totals) reaches it, which the tests read as "anything".
CEILING = 10**6


@dataclass(frozen=True)
class Interval:
    low: int
    high: int

    @property
    def pinned(self) -> bool:
        return self.low == self.high


def figures(table: Table) -> dict[tuple[int, int], int | None]:
    """Every figure of the table by (line, column); the total row is line len(rows)."""
    lines = list(table.rows) + ([table.total] if table.total is not None else [])
    return {(i, j): value for i, line in enumerate(lines) for j, value in enumerate(line.values)}


def intervals(table: Table) -> dict[tuple[int, int], Interval]:
    """For each hidden figure, the least and greatest value the published figures allow."""
    known = figures(table)
    hidden = sorted(cell for cell, value in known.items() if value is None)
    if not hidden:
        return {}
    index = {cell: k for k, cell in enumerate(hidden)}
    rows: list[list[float]] = []
    lower: list[float] = []
    upper: list[float] = []

    def relation(terms: list[tuple[int, tuple[int, int]]], low: float, high: float) -> None:
        """sum(sign * figure) between low and high, published figures moved to the bounds."""
        coefficients = [0.0] * len(hidden)
        constant = 0.0
        for sign, cell in terms:
            value = known[cell]
            if value is None:
                coefficients[index[cell]] += sign
            else:
                constant += sign * value
        if any(coefficients):
            rows.append(coefficients)
            lower.append(low - constant)
            upper.append(high - constant)

    height = len(table.rows)
    lines = height + (1 if table.total is not None else 0)
    width = len(table.columns)
    parts = width - 1 if table.row_totals else width
    if table.row_totals:
        for i in range(lines):
            relation([(1, (i, j)) for j in range(parts)] + [(-1, (i, parts))], 0, 0)
    if table.total is not None:
        for j in range(width):
            column = [(1, (i, j)) for i in range(height)]
            if table.additive:
                relation([*column, (-1, (height, j))], 0, 0)
            else:
                relation([*column, (-1, (height, j))], 0, np.inf)
                for i in range(height):
                    relation([(1, (i, j)), (-1, (height, j))], -np.inf, 0)

    constraints = [LinearConstraint(np.array(rows), lower, upper)] if rows else []
    bounds = Bounds(np.ones(len(hidden)), np.full(len(hidden), CEILING))
    integrality = np.ones(len(hidden))
    found: dict[tuple[int, int], Interval] = {}
    for cell, k in index.items():
        ends = []
        for direction in (1.0, -1.0):
            objective = np.zeros(len(hidden))
            objective[k] = direction
            result = milp(objective, constraints=constraints, bounds=bounds, integrality=integrality)
            assert result.success, f"no table fits the published figures: {result.message}"
            ends.append(round(result.x[k]))
        found[cell] = Interval(ends[0], ends[1])
    return found
