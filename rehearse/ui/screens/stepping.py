"""What the replay screens share: stepping, jumping and playing through a saved session's entries."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

PLAY_INTERVAL = 1.5
"""Seconds between steps when a replay plays by itself."""

STEP_BINDINGS = [
    Binding("right", "step(1)", "Next"),
    Binding("left", "step(-1)", "Back"),
    Binding("home", "jump(0)", "Start"),
    Binding("end", "jump(-1)", "End"),
    Binding("space", "play", "Play/pause"),
    Binding("b", "branch", "Branch from here"),
]


class SteppingScreen(Screen[None]):
    """A screen over saved entries (turns and rewinds) shown up to ``position`` by ``_show``."""

    def __init__(self, entries: list[dict[str, Any]]) -> None:
        super().__init__()
        self.entries = entries
        self.position = 0  # a replay starts at the beginning; End jumps to the last step
        self._timer: Timer | None = None

    def _show(self) -> None:
        """Show the session as it stood after ``position`` entries (each replay screen draws its own)."""
        raise NotImplementedError

    def action_step(self, delta: int) -> None:
        """Move one step forward or back."""
        self.position = max(0, min(len(self.entries), self.position + delta))
        self._show()

    def action_jump(self, where: int) -> None:
        """Go to the start or the end."""
        self.position = len(self.entries) if where < 0 else 0
        self._show()

    def action_play(self) -> None:
        """Play the session from here at a readable pace, or pause it."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
            return
        if self.position >= len(self.entries):
            self.position = 0
            self._show()
        self._timer = self.set_interval(PLAY_INTERVAL, self._tick)

    def _tick(self) -> None:
        if self.position >= len(self.entries):
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
            return
        self.action_step(1)
