"""A meter's history as columns of blocks, one column (or more) a turn, on a 0 to 100 scale."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

BLOCKS = " ▁▂▃▄▅▆▇█"
"""Eighths of a row, from empty to full."""


def column_values(values: list[int], width: int) -> list[int]:
    """Return one value a column; the first column holds the first value and the last the last.

    With fewer turns than columns each turn spans several columns; with more, a column shows the
    value at the end of its span.
    """
    if not values or width < 1:
        return []
    n = len(values)
    if n >= width:
        return [values[min(n - 1, ((col + 1) * n + width - 1) // width - 1)] for col in range(width)]
    return [values[col * n // width] for col in range(width)]


def turn_column(turn: int, turns: int, width: int) -> int:
    """Return the first column showing ``turn`` (of ``turns`` + 1 values) in ``width`` columns."""
    n = turns + 1
    return (turn * width + n - 1) // n if n < width else turn * width // n


def chart_rows(values: list[int], width: int, rows: int) -> list[str]:
    """Return the chart as ``rows`` lines of block characters, top line first."""
    columns = column_values(values, width)
    levels = rows * 8
    heights = [round(max(0, min(100, v)) / 100 * levels) for v in columns]
    lines = []
    for row in range(rows - 1, -1, -1):
        floor = row * 8
        lines.append("".join(BLOCKS[max(0, min(8, h - floor))] for h in heights))
    return lines


def turn_axis(turns: int, width: int) -> str:
    """Return an axis line labelling turns under their columns ('0', the last turn, some between)."""
    if width < 1:
        return ""
    axis = [" "] * width

    def place(turn: int) -> None:
        label = str(turn)
        start = min(turn_column(turn, turns, width), width - len(label))
        if start >= 0 and all(c == " " for c in axis[max(0, start - 1) : start + len(label) + 1]):
            axis[start : start + len(label)] = label

    place(turns)
    place(0)
    step = max(1, 5 * (turns + 1) // width + 1)
    for turn in range(step, turns, step):
        place(turn)
    return "".join(axis)


class MeterChart(Widget):
    """A meter's values over the turns, with a turn axis under it when ``axis`` is set."""

    DEFAULT_CSS = """
    MeterChart { height: 4; }
    """

    def __init__(
        self,
        values: list[int] | None = None,
        *,
        rows: int = 3,
        axis: bool = True,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.values = list(values or [])
        self.rows = rows
        self.axis = axis

    def set_values(self, values: list[int]) -> None:
        """Show new values."""
        self.values = list(values)
        self.refresh()

    def render(self) -> Text:
        """Draw the columns and the axis at the widget's width."""
        width = self.content_size.width
        lines = chart_rows(self.values, width, self.rows)
        text = Text("\n".join(lines))
        if self.axis and self.values:
            text.append("\n" + turn_axis(len(self.values) - 1, width), style="dim")
        return text
