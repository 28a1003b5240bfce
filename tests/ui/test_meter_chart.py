"""Meter charts: one column a turn on a fixed 0-100 scale, the last column the last value, a turn axis."""

from __future__ import annotations

from rehearse.ui.widgets.meter_chart import chart_rows, column_values, turn_axis


def test_the_last_column_is_the_last_value_even_when_it_is_the_highest() -> None:
    values = [35, 40, 48, 55, 62, 70, 100]
    rows = chart_rows(values, 40, 3)
    assert all(line[-1] == "█" for line in rows)  # full height, no dip
    assert rows[-1][0] == "█" and rows[0][0] == " "  # 35 fills the bottom row only


def test_many_turns_in_few_columns_keep_the_first_and_last_values() -> None:
    values = list(range(0, 101, 2))
    columns = column_values(values, 20)
    assert len(columns) == 20 and columns[-1] == 100 and columns[0] <= 4
    assert columns == sorted(columns)


def test_the_axis_labels_the_first_and_last_turns_under_their_columns() -> None:
    axis = turn_axis(6, 42)
    assert axis.startswith("0") and axis.rstrip().endswith("6")
    assert axis.index("3") == 18  # turn 3 starts at column 3 * 42 / 7
    crowded = turn_axis(40, 20)
    labels = [int(word) for word in crowded.split()]
    assert len(crowded) == 20 and labels[0] == 0 and labels[-1] == 40
    assert labels == sorted(labels) and len(labels) >= 3  # labels never run into each other
