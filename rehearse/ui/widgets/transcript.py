"""The transcript: the user's and the delegation's lines, told apart, wrapping at any width."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widget import AwaitMount
from textual.widgets import Static

from rehearse.engine.negotiation import Turn


class Line(Static):
    """One line of the transcript (never parsed as markup)."""


class Transcript(VerticalScroll):
    """A scrolling record of the session, newest line at the bottom."""

    can_focus = False

    def add_turn(self, turn: Turn, delegation: str) -> None:
        """Append the user's message (tagged when its reading was corrected) and the delegation's reply."""
        you = Text.assemble(
            ("You", "bold"), (" (corrected)" if turn.corrected else "", "italic"), "  ", turn.say
        )
        them = Text.assemble((f"{delegation}  ", "bold"), turn.reply)
        self._show(self.mount(Line(you, classes="you"), Line(them, classes="them")))

    def mount_lines(self, lines: list[tuple[str, Text]]) -> None:
        """Append lines, each with its class (a table turn: the message, the reply, the reactions)."""
        self._show(self.mount(*(Line(text, classes=kind) for kind, text in lines)))

    def add_note(self, text: str, kind: str = "note") -> None:
        """Append a line from rehearse itself (banner, notice)."""
        self._show(self.mount(Line(Text(text), classes=kind)))

    def _show(self, mounting: AwaitMount) -> None:
        """Scroll to the newest line once it is mounted and laid out (never before: it may wrap)."""

        async def scroll_when_mounted() -> None:
            await mounting
            self.scroll_end(animate=False)

        self.call_later(scroll_when_mounted)

    def reset(self, turns: list[Turn], delegation: str) -> None:
        """Show exactly these turns (after a rewind)."""
        self.remove_children()
        for turn in turns:
            self.add_turn(turn, delegation)
