"""Replaying a saved table session: step through it, see every party as it stood, branch off."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Static

from rehearse.records.dialogue_file import effective_turns
from rehearse.records.table_file import TableDialogue
from rehearse.ui.messages import TableBranchRequested
from rehearse.ui.screens.stepping import STEP_BINDINGS, SteppingScreen
from rehearse.ui.screens.table import COMPACT_BELOW
from rehearse.ui.widgets.table_view import party_rows, turn_lines
from rehearse.ui.widgets.transcript import Line, Transcript

if TYPE_CHECKING:
    from rehearse.content.tables import TableSpec


class TableReplayScreen(SteppingScreen):
    """Step through a saved table; the side panel shows every party as it was after each step."""

    CSS_PATH = "table.tcss"
    BINDINGS = [
        *STEP_BINDINGS,
        Binding("escape", "app.pop_screen", "Back", show=False),
        Binding("ctrl+q", "app.quit", "Quit"),
    ]

    def __init__(self, dialogue: TableDialogue, spec: TableSpec | None) -> None:
        super().__init__(dialogue.entries)
        self.dialogue = dialogue
        self.spec = spec
        """The table as it is today (None when it can no longer be loaded: names show as ids)."""

    def compose(self) -> ComposeResult:
        """Lay out the transcript, the step line and the parties."""
        title = self.spec.title if self.spec is not None else str(self.dialogue.header.get("table", "?"))
        with Horizontal(id="table-layout"):
            with Vertical(id="table-main"):
                yield Static(Text(f"Replay · {self.dialogue.path.name} · {title}"), id="table-heading")
                yield Transcript(id="transcript")
                yield Static(id="table-status")
            yield Static(id="table-parties")
        yield Footer()

    def on_mount(self) -> None:
        """Show the start of the session, with any warnings from reading it."""
        for warning in self.dialogue.warnings:
            self.notify(warning, severity="warning", markup=False)
        if self.spec is None:
            self.notify(
                "The table of this session cannot be loaded today: parties show by id, and it cannot be branched.",
                severity="warning",
                markup=False,
            )
        self._show()

    def _names(self) -> dict[str, str]:
        if self.spec is None:
            return {}
        return {pid: party.name for pid, party in self.spec.parties.items()}

    def _show(self) -> None:
        shown = self.entries[: self.position]
        transcript = self.query_one(Transcript)
        transcript.remove_children()
        names = self._names()
        lines: list[Line] = []
        for entry in shown:
            if "event" in entry:
                note = f"⟲ taken back: the table returned to turn {entry.get('to_turn')}"
                lines.append(Line(Text(note), classes="note"))
            else:
                lines += [Line(text, classes=kind) for kind, text in turn_lines(entry, names)]
        if lines:
            transcript.mount_all(lines)
        transcript.scroll_end(animate=False)
        turns = effective_turns(shown)
        self.query_one("#table-parties", Static).update(self._rows(turns[-1] if turns else None))
        status = Text(f"step {self.position} of {len(self.entries)}", style="bold")
        if turns:
            last = turns[-1]
            status.append(
                f" · turn {last.get('turn')} · table {last.get('table_state')} · {last.get('outcome')}"
            )
        status.append("   ←/→ step · Space play · B branch", style="dim")
        self.query_one("#table-status", Static).update(status)

    def _rows(self, last: dict[str, Any] | None) -> Text:
        compact = self.app.size.width < COMPACT_BELOW
        self.query_one("#table-parties", Static).set_class(compact, "compact")
        minimums = {pid: p.minimum for pid, p in self.spec.parties.items()} if self.spec else {}
        if last is None:
            if self.spec is None:
                return Text("Before the first turn.")
            start = {
                pid: {"state": p.persona.initial, "meters": dict(p.persona.meters), "agreed": 0}
                for pid, p in sorted(self.spec.parties.items())
            }
            return party_rows(start, minimums, "talking", compact)
        parties = last.get("parties")
        if not isinstance(parties, dict):
            return Text("This file does not record every party's meters (saved by an older version).")
        return party_rows(
            {str(k): v for k, v in parties.items() if isinstance(v, dict)},
            minimums,
            str(last.get("table_state", "?")),
            compact,
        )

    def action_branch(self) -> None:
        """Continue live from this point at a new table that records where it branched from."""
        if self.spec is None:
            self.notify("This table cannot be loaded today, so it cannot be branched.", markup=False)
            return
        turns = effective_turns(self.entries[: self.position])
        self.post_message(
            TableBranchRequested(
                self.dialogue.path,
                self.spec,
                self.dialogue.seed,
                turns,
            )
        )
