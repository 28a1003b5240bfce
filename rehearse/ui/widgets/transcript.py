"""The transcript: the user's and the delegation's lines, told apart, wrapping at any width."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from rehearse.engine.negotiation import Turn


class Line(Static):
    """One line of the transcript (never parsed as markup)."""


class Transcript(VerticalScroll):
    """A scrolling record of the session, newest line at the bottom."""

    can_focus = False

    def on_mount(self) -> None:
        """Stay anchored to the newest line as lines arrive and wrap (until the user scrolls up)."""
        self.anchor()

    def add_turn(self, turn: Turn, delegation: str) -> None:
        """Append the user's message and the delegation's reply."""
        you = Text.assemble(("You  ", "bold"), turn.say)
        them = Text.assemble((f"{delegation}  ", "bold"), turn.reply)
        self.mount(Line(you, classes="you"), Line(them, classes="them"))
        self.scroll_end(animate=False)

    def add_note(self, text: str, kind: str = "note") -> None:
        """Append a line from rehearse itself (banner, notice)."""
        self.mount(Line(Text(text), classes=kind))
        self.scroll_end(animate=False)

    def reset(self, turns: list[Turn], delegation: str) -> None:
        """Show exactly these turns (after a rewind)."""
        self.remove_children()
        for turn in turns:
            self.add_turn(turn, delegation)
