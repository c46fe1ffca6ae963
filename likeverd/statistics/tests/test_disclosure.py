"""Disclosure control: small counts are hidden, and no hidden count can be worked out again.

The property tests build random tables (one or several columns, with or without a total row and
row totals, additive or counting a unit in several rows), protect them, and then let an attacker
(tests/attacker.py: integer programs over everything the table publishes) try to pin each hidden
small count to one value. It must fail every time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from likeverd.statistics.disclosure import protect, threshold
from likeverd.statistics.tables import Row, Table
from likeverd.statistics.tests.attacker import figures, intervals

ROOT = Path(__file__).resolve().parents[3]


def table(
    values: list[list[int]],
    *,
    total: bool = True,
    row_totals: bool = False,
    additive: bool = True,
    total_values: list[int] | None = None,
) -> Table:
    """A table of counts; totals are computed (rows' sums) unless total_values gives them."""
    if row_totals:
        values = [[*line, sum(line)] for line in values]
    width = len(values[0])
    columns = tuple(f"Column {j}" for j in range(width - 1 if row_totals else width))
    if row_totals:
        columns += ("Total",)
    rows = tuple(Row(label=f"Row {i}", values=tuple(line), key=f"r{i}") for i, line in enumerate(values))
    total_row = None
    if total:
        sums = total_values or [sum(line[j] for line in values) for j in range(width)]
        total_row = Row(label="Total", values=tuple(sums))
    return Table(
        id="cases_by_test",
        title="Cases",
        columns=columns,
        rows=rows,
        total=total_row,
        additive=additive,
        row_totals=row_totals,
    )


def column(*counts: int) -> Table:
    return table([[count] for count in counts])


def values(protected: Table) -> list[int | None]:
    return [row.values[0] for row in protected.rows]


# Examples a reader can follow -------------------------------------------------------------------


def test_a_lone_small_count_in_a_column_takes_the_next_smallest_with_it() -> None:
    protected = protect(column(1, 10, 12, 20), threshold=5)

    # 1 alone would be the total (43) less the rest: 10 goes too, and then 1 could be anything
    # from 1 to 10.
    assert values(protected) == [None, None, 12, 20]
    assert protected.total is not None
    assert protected.total.values == (43,)
    assert protected.suppressed


def test_two_small_counts_in_a_column_hide_each_other() -> None:
    protected = protect(column(2, 3, 12, 20), threshold=5)

    assert values(protected) == [None, None, 12, 20]
    assert intervals(protected)[0, 0].high == 4


def test_two_ones_are_not_enough_when_zeros_are_published() -> None:
    # Both hidden counts are at least 1 (zeros are shown), so hidden 1 and 1 adding up to 2 are
    # both 1: a third count goes.
    protected = protect(column(1, 1, 0, 12, 20), threshold=5)

    assert values(protected) == [None, None, 0, None, 20]
    assert not intervals(protected)[0, 0].pinned


def test_zeros_are_published_and_never_hidden() -> None:
    protected = protect(column(0, 3, 0, 7, 9), threshold=5)

    assert values(protected) == [0, None, 0, None, 9]


def test_a_small_total_is_hidden_too() -> None:
    protected = protect(column(3, 0, 0), threshold=5)

    assert values(protected) == [None, 0, 0]
    assert protected.total is not None
    assert protected.total.values == (None,)


def test_a_table_with_row_totals_hides_in_rows_and_columns() -> None:
    protected = protect(table([[2, 10, 11], [9, 12, 14], [8, 6, 15]], row_totals=True), threshold=5)

    assert protected.rows[0].values[0] is None
    assert not intervals(protected)[0, 0].pinned


def test_a_table_without_small_counts_comes_back_unchanged() -> None:
    original = table([[5, 0, 12], [7, 9, 30]], row_totals=True)

    assert protect(original, threshold=5) is original
    assert not protect(original, threshold=5).suppressed


def test_threshold_one_hides_nothing() -> None:
    original = column(1, 2, 3)

    assert protect(original, threshold=1) == original


def test_money_tables_are_not_counts_of_people_and_are_left_alone() -> None:
    income = Table(
        id="income",
        title="Income",
        columns=("Amount",),
        rows=(Row(label="Grant", values=(3,)),),
        unit="NOK",
        chart="none",
    )

    assert protect(income, threshold=5) is income


def test_protecting_twice_changes_nothing_more() -> None:
    once = protect(table([[1, 8], [9, 2], [30, 40]]), threshold=5)

    assert protect(once, threshold=5) == once


def test_a_threshold_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="positive whole number"):
        protect(column(1, 2), threshold=0)


def test_each_ground_table_hides_a_lone_small_ground() -> None:
    # 40 cases, some with two grounds: the rows add up to more than the total.
    protected = protect(table([[3], [25], [30]], additive=False, total_values=[40]), threshold=5)

    assert values(protected)[0] is None
    assert values(protected).count(None) >= 2
    assert not intervals(protected)[0, 0].pinned


def test_a_hidden_total_cannot_fall_below_a_published_row_of_its_column() -> None:
    # Cases each in one column, some grounds overlapping: the total row is not the rows' sum, and
    # a hidden column total is at least every published row of its column. Found by the property
    # test below: a plan that lowered the hidden total 2 under the published 2 let 1 be pinned.
    protected = protect(
        table([[2, 1], [2, 0]], row_totals=True, additive=False, total_values=[2, 1, 3]), threshold=2
    )

    assert not intervals(protected)[0, 1].pinned


def test_a_lone_ground_of_a_lone_case_stays_hidden() -> None:
    protected = protect(table([[1], [0]], additive=False, total_values=[1]), threshold=5)

    assert values(protected) == [None, 0]
    assert not intervals(protected)[0, 0].pinned


# The setting ------------------------------------------------------------------------------------


def test_threshold_defaults_to_five() -> None:
    assert threshold() == 5


@override_settings(DISCLOSURE_THRESHOLD=10)
def test_threshold_follows_the_setting() -> None:
    assert threshold() == 10


@pytest.mark.parametrize("value", [0, -3, "5", True])
def test_a_threshold_setting_that_is_not_a_positive_whole_number_is_refused(value: object) -> None:
    with override_settings(DISCLOSURE_THRESHOLD=value), pytest.raises(ImproperlyConfigured):
        threshold()


@pytest.mark.parametrize("value", ["0", "five", "2.5", "-1"])
def test_the_installation_refuses_to_start_with_a_bad_threshold(value: str) -> None:
    environment = {**os.environ, "LIKEVERD_LOCAL": "1", "LIKEVERD_DISCLOSURE_THRESHOLD": value}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-c", "import likeverd.config.settings"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "LIKEVERD_DISCLOSURE_THRESHOLD" in result.stderr
    assert "positive whole number" in result.stderr


# Properties: random tables, and an attacker who must fail -----------------------------------------

# Mostly small counts, so that tables have many cells to hide, with some large and some zeros.
counts = st.one_of(st.integers(0, 6), st.integers(0, 40))


@st.composite
def additive_tables(draw: st.DrawFn) -> Table:
    height = draw(st.integers(1, 6))
    width = draw(st.integers(1, 4))
    grid = [[draw(counts) for _ in range(width)] for _ in range(height)]
    row_totals = width > 1 and draw(st.booleans())
    return table(grid, total=draw(st.booleans()), row_totals=row_totals)


@st.composite
def each_unit_in_several_rows(draw: st.DrawFn) -> Table:
    """A non-additive table made from units (cases), each in one column (an outcome) and in one
    or more rows (its grounds), so its figures are ones real cases can give."""
    height = draw(st.integers(1, 5))
    width = draw(st.integers(1, 3))
    units = draw(
        st.lists(
            st.tuples(st.integers(0, width - 1), st.sets(st.integers(0, height - 1), min_size=1)),
            max_size=60,
        )
    )
    grid = [[0] * width for _ in range(height)]
    for column_of, rows_of in units:
        for i in rows_of:
            grid[i][column_of] += 1
    totals = [sum(1 for column_of, _ in units if column_of == j) for j in range(width)]
    row_totals = width > 1 and draw(st.booleans())
    if row_totals:
        totals.append(len(units))
    return table(grid, row_totals=row_totals, additive=False, total_values=totals)


any_table = st.one_of(additive_tables(), each_unit_in_several_rows())
thresholds = st.sampled_from([2, 3, 5, 10])
examples = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@examples
@given(original=any_table, limit=thresholds)
def test_no_hidden_small_count_can_be_worked_out(original: Table, limit: int) -> None:
    protected = protect(original, threshold=limit)
    truth = figures(original)
    small = [cell for cell, value in truth.items() if value is not None and 0 < value < limit]
    assume(small)

    found = intervals(protected)
    for cell in small:
        interval, value = found[cell], truth[cell]
        assert value is not None
        assert interval.low <= value <= interval.high  # the attacker's model is right
        assert not interval.pinned, f"{cell} = {value} is given away: {protected}"


@examples
@given(original=any_table, limit=thresholds)
def test_what_is_published_is_true_and_never_small(original: Table, limit: int) -> None:
    protected = protect(original, threshold=limit)
    truth = figures(original)
    shown = figures(protected)

    assert shown.keys() == truth.keys()
    for cell, value in shown.items():
        if value is not None:
            assert value == truth[cell]  # totals included: a published total is the true one
            assert value == 0 or value >= limit
        else:
            assert truth[cell] != 0  # zeros are never hidden
    assert protected.suppressed == (None in shown.values())
    assert [row.label for row in protected.rows] == [row.label for row in original.rows]


@examples
@given(original=any_table, limit=thresholds)
def test_a_table_without_small_counts_is_unchanged(original: Table, limit: int) -> None:
    assume(all(value == 0 or value >= limit for value in figures(original).values() if value is not None))

    assert protect(original, threshold=limit) is original
