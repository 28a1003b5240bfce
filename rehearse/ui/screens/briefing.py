"""The briefing shown before a session, dismissed with a key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def reflow(text: str) -> str:
    """Join the lines of each paragraph, so the screen wraps them at its own width."""
    paragraphs = [" ".join(part.split()) for part in text.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


class Briefed(Protocol):
    """What a briefing shows: a playbook, or the cover of a table."""

    @property
    def title(self) -> str: ...  # noqa: D102
    @property
    def user_role(self) -> str: ...  # noqa: D102
    @property
    def briefing(self) -> str: ...  # noqa: D102
    @property
    def delegation(self) -> str: ...  # noqa: D102
    @property
    def leader(self) -> str: ...  # noqa: D102


@dataclass(frozen=True)
class TableCover:
    """The cover of a table, read from its file alone, so it shows before the parties load."""

    title: str
    user_role: str
    briefing: str
    delegation: str
    leader: str


class BriefingScreen(ModalScreen[None]):
    """Who the user plays, the situation, and what moves these talks."""

    CSS_PATH = "briefing.tcss"
    BINDINGS = [
        Binding("enter", "dismiss_briefing", "Begin"),
        Binding("escape", "dismiss_briefing", "Begin", show=False),
        Binding("space", "dismiss_briefing", "Begin", show=False),
    ]

    def __init__(self, persona: Briefed, objectives: str = "") -> None:
        super().__init__()
        self.persona = persona
        self.objectives = objectives

    def compose(self) -> ComposeResult:
        """Lay out the briefing."""
        persona = self.persona
        with Vertical(id="briefing-box"):
            yield Static(Text(persona.title, style="bold"), id="briefing-title")
            yield Static(Text(persona.user_role, style="italic"), id="briefing-role")
            with VerticalScroll(id="briefing-body"):
                if self.objectives:
                    yield Static(Text(self.objectives + "\n"), id="briefing-drill")
                yield Static(Text(reflow(persona.briefing)))
            across = (
                f"At the table: {persona.delegation}; {persona.leader}."
                if isinstance(persona, TableCover)
                else f"Across the table: {persona.delegation}, led by {persona.leader}."
            )
            yield Static(Text(f"{across}\nPress Enter to begin."), id="briefing-hint")

    def action_dismiss_briefing(self) -> None:
        """Close the briefing and start negotiating."""
        self.dismiss(None)
