"""A table of several delegations: the transcript with each speaker marked, a row per party."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from rehearse.content.tables import TableSpec
from rehearse.engine.table import TableSession, TableTurn
from rehearse.engine.turns import describe_move
from rehearse.errors import RehearseError
from rehearse.ui.widgets.message_input import MessageInput
from rehearse.ui.widgets.transcript import Transcript


def party_rows(table: TableSession) -> Text:
    """Return a compact row of meters per party, and where the table stands."""
    text = Text()
    for pid, neg in table.parties.items():
        party = table.spec.parties[pid]
        text.append(f"@{pid}", style="bold")
        text.append(f"  {neg.state if neg.outcome == 'ongoing' else neg.outcome}\n", style="dim")
        trust, tension = neg.meters.get("trust", 0), neg.meters.get("tension", 0)
        text.append(" trust ")
        text.append(f"{trust:>3}", style="bold green")
        text.append("  tension ")
        text.append(f"{tension:>3}", style="bold red")
        met = len(neg.ledger) >= party.minimum
        text.append(f"  {len(neg.ledger)}/{party.minimum}\n\n", style="green" if met else "")
    text.append("Table: ", style="bold")
    text.append(table.state)
    return text


class TableScreen(Screen[None]):
    """Play a table: address a party with @id or its name; the chair answers the table."""

    CSS_PATH = "table.tcss"
    BINDINGS = [
        Binding("f6", "hint", "Hint"),
        Binding("ctrl+q", "app.quit", "Quit"),
    ]

    def __init__(self, spec: TableSpec, seed: int = 0, save_dir: Path | None = None) -> None:
        super().__init__()
        self.table = TableSession(spec, seed)
        self.save_dir = save_dir
        self.path: Path | None = None
        self._handle: IO[str] | None = None

    def compose(self) -> ComposeResult:
        """Lay out the transcript, the message box and the parties."""
        spec = self.table.spec
        with Horizontal(id="table-layout"):
            with Vertical(id="table-main"):
                yield Static(Text(f"{spec.title}  ·  {spec.user_role}"), id="table-heading")
                yield Transcript(id="transcript")
                yield MessageInput(spec.parties[spec.chair].persona, id="message")
            yield Static(party_rows(self.table), id="table-parties")
        yield Footer()

    def on_mount(self) -> None:
        """Show the briefing and who sits at the table; open the save file."""
        spec = self.table.spec
        transcript = self.query_one(Transcript)
        for paragraph in spec.briefing.split("\n\n"):
            transcript.add_note(" ".join(paragraph.split()), "brief")
        names = "; ".join(f"@{pid} {p.name} ({p.persona.leader})" for pid, p in spec.parties.items())
        transcript.add_note(f"At the table: {names}. In the chair: {spec.parties[spec.chair].name}.", "brief")
        if self.save_dir is not None:
            from rehearse.records.table_file import open_table_file

            try:
                self.path, self._handle = open_table_file(self.save_dir, spec, self.table.seed)
            except RehearseError as exc:
                self.notify(f"{exc}; this table is not being saved.", severity="warning", markup=False)
        self.query_one(MessageInput).focus()

    def on_unmount(self) -> None:
        """Close the save file (every turn is already on disk)."""
        if self._handle is not None:
            self._handle.close()

    def on_message_input_said(self, message: MessageInput.Said) -> None:
        """Play the message at the table and show every reply."""
        box = self.query_one(MessageInput)
        if self.table.outcome != "ongoing":
            self.notify("The table has ended.", markup=False)
            return
        try:
            turn = self.table.say(message.text)
        except RehearseError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        box.value = ""
        self._show(turn)
        if self._handle is not None:
            import json

            from rehearse.records.table_file import turn_record

            self._handle.write(json.dumps(turn_record(turn), ensure_ascii=False) + "\n")
            self._handle.flush()

    def _show(self, turn: TableTurn) -> None:
        spec = self.table.spec
        transcript = self.query_one(Transcript)
        transcript.mount_lines(
            [("you", Text.assemble(("You", "bold"), f" → {turn.party}  ", turn.say))]
            + (
                [("them", Text.assemble((f"{spec.parties[turn.party].name}  ", "bold"), turn.turn.reply))]
                if turn.turn is not None
                else []
            )
            + [
                ("reaction", Text.assemble((f"{spec.parties[r.party].name}  ", "bold italic"), r.text))
                for r in turn.reactions
            ]
            + ([("note", Text(turn.notice))] if turn.notice else [])
        )
        if turn.turn is not None:
            read = describe_move(spec.parties[turn.party].persona, turn.turn.move)
            self.query_one("#table-heading", Static).update(
                Text(f"@{turn.party} read your message as {read}")
            )
        self.query_one("#table-parties", Static).update(party_rows(self.table))

    def action_hint(self) -> None:
        """Put the best next move at the table, addressed to its party, in the message box."""
        found = self.table.hint()
        if found is None:
            self.notify("The table has ended: no more suggestions.", markup=False)
            return
        text, why = found
        box = self.query_one(MessageInput)
        box.value = text
        box.cursor_position = len(text)
        self.notify(why, title="Hint", markup=False)
