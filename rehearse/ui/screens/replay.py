"""Replaying a saved dialogue: step through the turns, see the session as it was, branch off."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Static

from rehearse.content.playbook import Playbook
from rehearse.records.dialogue_file import Dialogue, effective_turns
from rehearse.records.view import record_view
from rehearse.ui.messages import BranchRequested, Correction
from rehearse.ui.screens.stepping import STEP_BINDINGS, SteppingScreen
from rehearse.ui.widgets.side_panel import SidePanel
from rehearse.ui.widgets.transcript import Line, Transcript


def move_kind(record: dict[str, Any]) -> str:
    """Return the kind of move a saved turn record was played as ('?' when unreadable)."""
    move = record.get("move")
    return str(move.get("kind", "?")) if isinstance(move, dict) else "?"


def correction(record: dict[str, Any]) -> Correction:
    """Return the correction a saved turn record was played with."""
    move = record.get("move")
    move = move if isinstance(move, dict) else {}

    def ids(key: str) -> tuple[str, ...]:
        found = move.get(key)
        return tuple(str(i) for i in found) if isinstance(found, list) else ()

    return Correction(str(move.get("kind", "")), ids("gives"), ids("asks"))


class ReplayScreen(SteppingScreen):
    """Step through a saved dialogue; the side panel shows everything as it was after each step."""

    CSS_PATH = "negotiation.tcss"
    BINDINGS = [
        *STEP_BINDINGS,
        Binding("f3", "toggle_panel", "Side panel"),
        Binding("escape", "app.pop_screen", "Back", show=False),
        Binding("ctrl+q", "app.quit", "Quit"),
    ]

    def __init__(self, dialogue: Dialogue, persona: Playbook) -> None:
        super().__init__(dialogue.entries)
        self.dialogue = dialogue
        self.persona = persona

    def compose(self) -> ComposeResult:
        """Lay out transcript and side panel, as in a live session."""
        with Horizontal(id="layout"):
            with Vertical(id="main"):
                yield Static(Text(f"Replay · {self.dialogue.path.name} · {self.persona.title}"), id="heading")
                yield Transcript(id="transcript")
                yield Static(id="status")
            yield SidePanel(id="side")
        yield Footer()

    def on_mount(self) -> None:
        """Show the end of the dialogue, with any warnings from reading it."""
        for warning in self.dialogue.warnings:
            self.notify(warning, severity="warning", markup=False)
        if self.app.size.width < 90:
            self.query_one(SidePanel).display = False
        self._show()

    def _show(self) -> None:
        shown = self.entries[: self.position]
        transcript = self.query_one(Transcript)
        transcript.remove_children()
        lines: list[Line] = []
        for entry in shown:
            if "event" in entry:
                lines.append(
                    Line(
                        Text(f"⟲ taken back: the session returned to turn {entry.get('to_turn')}"),
                        classes="note",
                    )
                )
            else:
                corrected = entry.get("corrected") is True
                if corrected:
                    kind = move_kind(entry)
                    lines.append(
                        Line(Text(f"✎ turn {entry.get('turn')} replayed read as {kind}"), classes="note")
                    )
                lines.append(
                    Line(
                        Text.assemble(
                            (f"You ({entry.get('turn')})", "bold"),
                            (" (corrected)" if corrected else "", "italic"),
                            "  ",
                            str(entry.get("say", "")),
                        ),
                        classes="you",
                    )
                )
                lines.append(
                    Line(
                        Text.assemble((f"{self.persona.name}  ", "bold"), str(entry.get("reply", ""))),
                        classes="them",
                    )
                )
        if lines:
            transcript.mount_all(lines)
        transcript.scroll_end(animate=False)
        turns = effective_turns(shown)
        self.query_one(SidePanel).show(record_view(self.persona, turns, len(turns)))
        status = Text(f"step {self.position} of {len(self.entries)}", style="bold")
        if turns:
            last = turns[-1]
            status.append(f" · turn {last.get('turn')} · {last.get('state')} · ")
            status.append(" · ".join(f"{k} {v}" for k, v in last.get("meters", {}).items()))
            status.append(f" · {last.get('outcome')}")
        status.append("   ←/→ step · Space play · B branch", style="dim")
        self.query_one("#status", Static).update(status)

    def action_branch(self) -> None:
        """Continue live from this point in a new dialogue that records where it branched from."""
        turns = effective_turns(self.entries[: self.position])
        seed = self.dialogue.header.get("seed", 0)
        messages = [str(t.get("say", "")) for t in turns]
        corrections = {i: correction(t) for i, t in enumerate(turns) if t.get("corrected") is True}
        self.post_message(
            BranchRequested(
                self.dialogue.path,
                self.persona,
                seed if isinstance(seed, int) else 0,
                messages,
                corrections,
            )
        )

    def action_toggle_panel(self) -> None:
        """Show or hide the side panel."""
        panel = self.query_one(SidePanel)
        panel.display = not panel.display
