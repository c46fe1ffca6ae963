"""Disclosure control: small counts are hidden, and enough others that the totals do not give them away.

Every count table that leaves an office (the network's figures, published reports, open data) goes
through `protect(table, threshold=threshold())`. The method and its limits are in
docs/adr/0016-disclosure-control.md; in short:

- Primary suppression: every published count from 1 to `threshold - 1` becomes None: a cell, a
  row total, a column total (the `total` row) or the grand total. Zeros are published: a zero
  says that no one is in the cell, which tells nothing about any person, and hiding zeros would
  only blur the figures. So an attacker knows that every hidden count is at least 1, and the
  check below assumes it.
- Secondary suppression: the published figures tie cells together (a row's cells add up to its
  row total, a column's to the total row when the table is additive). A hidden cell that these
  equations still fix to one value is hidden in name only. Think of the table with its margins as
  a bipartite graph (one node per row including the total row, one per column including the row
  total column) with an edge for every figure that is not published. The published equations
  allow a hidden value to change exactly when the edge lies on a cycle along which every value can
  move one step (no hidden count below 1, no cell of a non-additive table above its published
  column total). `_Grid.can_move` checks that exactly; while a primary cell cannot move, the smallest
  published count that frees it is hidden too (cells before totals), to a fixed point.
- Non-additive tables (each ground of a case counted, so the total row is not the rows' sum): an
  attacker learns less there (a row is at most its column's total, the rows together at least
  it), but may know the overlap from elsewhere (the combinations table). So they are protected
  as if the total row were the rows' sum with the overlap fixed, and a move only counts when
  every row stays within its column's total (checked at each turn of the cycle, then on the
  whole move): that hides at least as much as the attacker's real knowledge needs.

Pure functions on `Table` values; no database.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from likeverd.statistics.tables import Row, Table

# A position in the table with its margins: (row, column). Row len(rows) is the total row; column
# `width` (the interior columns) is the row-total column, present or not.
Cell = tuple[int, int]
# The graph of the equations: a node per row and per column (margins included).
ROW, COLUMN = "row", "column"
Node = tuple[str, int]
Arcs = dict[Node, set[Node]]


def threshold() -> int:
    """The smallest count that may be published (LIKEVERD_DISCLOSURE_THRESHOLD, default 5)."""
    value = getattr(settings, "DISCLOSURE_THRESHOLD", 5)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ImproperlyConfigured(
            f"DISCLOSURE_THRESHOLD={value!r} is not a positive whole number. Fix: set "
            "LIKEVERD_DISCLOSURE_THRESHOLD to the smallest count that may be published, such as 5."
        )
    return value


class _Grid:
    """A table with its margins, as the attacker sees it: published values and unknowns."""

    def __init__(self, table: Table) -> None:
        self.height = len(table.rows)
        columns = len(table.columns)
        self.width = columns - 1 if table.row_totals else columns
        self.additive = table.additive
        # Every figure of the table, published or not, by position; absent margins are missing.
        self.values: dict[Cell, int | None] = {}
        lines = list(table.rows) + ([table.total] if table.total is not None else [])
        for i, row in enumerate(lines):
            for j, value in enumerate(row.values[: self.width]):
                self.values[i, j] = value
            if table.row_totals:
                self.values[i, self.width] = row.values[self.width]
        # Hidden figures: those already None, those this module hides.
        self.hidden: set[Cell] = {cell for cell, value in self.values.items() if value is None}

    def is_margin(self, cell: Cell) -> bool:
        """A row or column total: its equation counts it with the opposite sign of the cells."""
        return (cell[0] == self.height) != (cell[1] == self.width)

    def unknown(self, cell: Cell) -> bool:
        return cell not in self.values or cell in self.hidden

    def _bounds(self, cell: Cell) -> tuple[bool, bool]:
        """Whether the attacker's constraints let this unknown grow, and shrink, by one."""
        value = self.values.get(cell)
        if value is None:  # an absent margin, or a value hidden before: no bound known
            return True, True
        up = True
        i, j = cell
        if not self.additive and i < self.height:
            # Each row is part of the units its column's total counts: at most that total.
            column_total = self.values.get((self.height, j))
            if column_total is not None and not self.unknown((self.height, j)):
                up = value < column_total
        # Zeros are published, so every hidden count is at least 1.
        return up, value > 1

    def signed(self, cell: Cell) -> tuple[bool, bool]:
        """Whether the figure may rise and fall by one in the signed sense: a margin's equation
        counts it negatively, so a total that may fall is a signed rise."""
        up, down = self._bounds(cell)
        return (down, up) if self.is_margin(cell) else (up, down)

    def arcs(self) -> Arcs:
        """The residual graph: row node to column node where an unknown may rise (signed), column
        node to row node where it may fall. A hidden value can change exactly when its edge lies
        on a directed cycle of this graph."""
        arcs: Arcs = {}
        for i in range(self.height + 1):
            for j in range(self.width + 1):
                if self.unknown((i, j)):
                    up, down = self.signed((i, j))
                    if up:
                        arcs.setdefault((ROW, i), set()).add((COLUMN, j))
                    if down:
                        arcs.setdefault((COLUMN, j), set()).add((ROW, i))
        return arcs

    def ways(self, cell: Cell, arcs: Arcs) -> list[tuple[set[Node], set[Node]]]:
        """For each way `cell` could move (rise, fall), the nodes its cycle could reach forward
        from the cell's far end and the nodes from which it could get back to the near end."""
        up, down = self.signed(cell)
        row, column = (ROW, cell[0]), (COLUMN, cell[1])
        backwards = _reversed(arcs)
        found = []
        # Rising closes a cycle row -> column ~> row; falling column -> row ~> column. The edge
        # itself is left out of the rest of the cycle.
        if up:
            found.append((_reach(arcs, column, (column, row)), _reach(backwards, row, (row, column))))
        if down:
            found.append((_reach(arcs, row, (row, column)), _reach(backwards, column, (column, row))))
        return found

    def can_move(self, cell: Cell, arcs: Arcs) -> bool:
        """True when the published figures allow this hidden value to be one more or one less:
        a cycle through its edge along which every figure can move one step, checked whole."""
        up, down = self.signed(cell)
        row, column = (ROW, cell[0]), (COLUMN, cell[1])
        return (up and self._cycle((row, column), arcs)) or (down and self._cycle((column, row), arcs))

    def _cycle(self, first: tuple[Node, Node], arcs: Arcs) -> bool:
        """A walk that starts along `first` and comes back to its start, every turn at a column
        allowed, and the whole step a table the attacker cannot rule out. Breadth first over arcs,
        so in an additive table the walk is a shortest, simple cycle, and the search is exact."""
        edge = {first[0], first[1]}
        parents: dict[tuple[Node, Node], tuple[Node, Node] | None] = {first: None}
        queue = deque([first])
        while queue:
            arc = queue.popleft()
            before, node = arc
            for following in arcs.get(node, ()):
                step = (node, following)
                if following == before or step in parents or {node, following} == edge:
                    continue
                if node[0] == COLUMN and not self._turn(before, node, following):
                    continue
                parents[step] = arc
                if following != first[0]:
                    queue.append(step)
                elif following[0] == ROW or self._turn(node, following, first[1]):
                    walk = [step]
                    while (previous := parents[walk[-1]]) is not None:
                        walk.append(previous)
                    if self._possible(walk):
                        return True
        return False

    def _change(self, arc: tuple[Node, Node]) -> tuple[Cell, int]:
        """The figure an arc moves, and by how much (rows to columns raise it, signed)."""
        (side, index), (_, other) = arc
        cell = (index, other) if side == ROW else (other, index)
        step = 1 if side == ROW else -1
        return cell, -step if self.is_margin(cell) else step

    def _turn(self, into: Node, column: Node, out: Node) -> bool:
        """Whether passing through a column (one figure moving in, another out) keeps every row of
        a non-additive table within its column's total; always so in an additive table."""
        if self.additive:
            return True
        moved = dict([self._change((into, column)), self._change((column, out))])
        return self._within_total(column[1], moved)

    def _within_total(self, j: int, moved: dict[Cell, int]) -> bool:
        total = self.values.get((self.height, j))
        if total is None:  # no total row (or one hidden before): nothing bounds the rows
            return True
        total += moved.get((self.height, j), 0)
        for i in range(self.height):
            value = self.values.get((i, j))
            if value is not None and value + moved.get((i, j), 0) > total:
                return False
        return True

    def _possible(self, walk: list[tuple[Node, Node]]) -> bool:
        """Whether moving every figure of the walk one step gives a table the published figures and
        the attacker's knowledge allow: hidden counts at least 1, rows within their totals."""
        moved: dict[Cell, int] = {}
        for arc in walk:
            cell, step = self._change(arc)
            moved[cell] = moved.get(cell, 0) + step
        for cell, step in moved.items():
            value = self.values.get(cell)
            if value is not None and step and value + step < 1:
                return False
        if self.additive:
            return True
        return all(self._within_total(j, moved) for j in {cell[1] for cell in moved})

    def candidates(self, near: Cell | None) -> list[Cell]:
        """Published non-zero figures that could be hidden next, smallest first, cells before totals
        (and row or column totals before the grand total); only those in `near`'s row or column."""
        found = [
            cell
            for cell, value in self.values.items()
            if cell not in self.hidden
            and value
            and (near is None or cell[0] == near[0] or cell[1] == near[1])
        ]
        return sorted(found, key=lambda cell: (self.values[cell], self._rank(cell), cell))

    def _rank(self, cell: Cell) -> int:
        return (cell[0] == self.height) + (cell[1] == self.width)


def _reach(arcs: Arcs, start: Node, left_out: tuple[Node, Node]) -> set[Node]:
    """The nodes reachable from `start`, without the one arc `left_out`."""
    seen = {start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for following in arcs.get(node, ()):
            if following not in seen and (node, following) != left_out:
                seen.add(following)
                queue.append(following)
    return seen


def _reversed(arcs: Arcs) -> Arcs:
    backwards: Arcs = {}
    for node, followers in arcs.items():
        for following in followers:
            backwards.setdefault(following, set()).add(node)
    return backwards


def protect(table: Table, *, threshold: int) -> Table:
    """The table with counts from 1 to threshold - 1 hidden (None), and enough other figures hidden
    that no hidden count can be worked out from the published cells and totals.

    A table with nothing to hide comes back unchanged. Money tables (`unit` set) count no people
    and come back unchanged too.
    """
    if isinstance(threshold, bool) or threshold < 1:
        raise ValueError(f"The disclosure threshold must be a positive whole number, not {threshold!r}.")
    if table.unit or not table.rows:
        return table
    grid = _Grid(table)
    primary = {cell for cell, value in grid.values.items() if value is not None and 0 < value < threshold}
    if not primary:
        return table
    grid.hidden |= primary
    # Hiding only adds arcs, so a cell once free stays free: each primary cell is freed in turn.
    for cell in sorted(primary, key=lambda cell: (grid.values[cell], cell)):
        while not grid.can_move(cell, arcs := grid.arcs()):
            if (hide := _next_to_hide(grid, cell, arcs)) is None:
                break
            grid.hidden.add(hide)
    return _rebuilt(table, grid)


def _next_to_hide(grid: _Grid, cell: Cell, arcs: Arcs) -> Cell | None:
    """The published figure to hide so that `cell` can move: the smallest that frees it on its
    own (from its row and column first, then anywhere); failing that, the smallest beside it."""
    ways = grid.ways(cell, arcs)

    def frees(candidate: Cell) -> bool:
        up, down = grid.signed(candidate)
        row, column = (ROW, candidate[0]), (COLUMN, candidate[1])
        added = ([(row, column)] if up else []) + ([(column, row)] if down else [])
        return any(start in ahead and end in behind for ahead, behind in ways for start, end in added)

    for near in (cell, None):
        for candidate in grid.candidates(near):
            # The graph alone says whether hiding it could help; the whole check says if it does.
            if frees(candidate) and (grid.additive or _tried(grid, cell, candidate)):
                return candidate
    fallback = grid.candidates(cell) or grid.candidates(None)
    # Once every non-zero figure is hidden, each hidden count can rise with its row and column
    # totals and the grand total (all hidden or not shown), so this ends with the cell free.
    return fallback[0] if fallback else None


def _tried(grid: _Grid, cell: Cell, candidate: Cell) -> bool:
    grid.hidden.add(candidate)
    freed = grid.can_move(cell, grid.arcs())
    grid.hidden.discard(candidate)
    return freed


def _rebuilt(table: Table, grid: _Grid) -> Table:
    def row(i: int, source: Row) -> Row:
        # A row's values sit at their grid positions (a row total at column `width`).
        values = tuple(None if (i, j) in grid.hidden else value for j, value in enumerate(source.values))
        return replace(source, values=values)

    rows = tuple(row(i, source) for i, source in enumerate(table.rows))
    total = row(grid.height, table.total) if table.total is not None else None
    return table.with_rows(rows, total=total, suppressed=True)
