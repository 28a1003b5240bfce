"""The read-back line under the message box: how the draft will be read, or why sending it asks first."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

ASK_HINT = "Enter sends anyway, Esc to edit"


def risk_sentence(risks: Sequence[str]) -> str:
    """Return the risks as one sentence starting with a capital letter."""
    joined = "; ".join(risks)
    return joined[:1].upper() + joined[1:]


class ReadBackLine(Static):
    """Two lines of fixed height: 'reading: …' while typing, '⚠ …' when a send needs a second look."""

    def show_reading(self, words: str) -> None:
        """Show how the draft will be read (never parsed as markup)."""
        self.set_class(False, "warning")
        self.update(Text.assemble(("reading: ", "bold"), words))

    def show_risks(self, risks: Sequence[str], words: str) -> None:
        """Show why the draft was not sent, how it is read, and the keys to send it anyway or edit it."""
        self.set_class(True, "warning")
        self.update(Text.assemble(("⚠ ", "bold"), risk_sentence(risks), f"; read as {words} — {ASK_HINT}"))

    def clear(self) -> None:
        """Show nothing (an empty draft)."""
        self.set_class(False, "warning")
        self.update("")

    @property
    def plain(self) -> str:
        """Return the text shown, without styles."""
        return str(self.render())
