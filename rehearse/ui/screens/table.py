"""A table of several delegations: the transcript with each speaker marked, a row per party."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static

from rehearse.engine.turns import describe_move
from rehearse.errors import RehearseError
from rehearse.records.table_file import RecordedTable, party_snapshot, table_score, turn_record
from rehearse.ui.widgets.message_input import MessageInput
from rehearse.ui.widgets.readback import ReadBackLine
from rehearse.ui.widgets.table_view import party_rows, turn_lines
from rehearse.ui.widgets.transcript import Transcript

if TYPE_CHECKING:
    from rehearse.content.table_drills import TableDrill
    from rehearse.engine.drill_runner import ObjectiveResult
    from rehearse.engine.table import TableSession
    from rehearse.moves import Move


COMPACT_BELOW = 100
"""Under this many columns the parties' rows are compact (two lines a party, a narrower panel)."""
DEBOUNCE = 0.15
"""Seconds after the last keystroke before the draft is read back."""


def table_read_back(table: TableSession, draft: str) -> str:
    """Return who a draft would go to and how that party would read it, in words."""
    from rehearse.engine.preview import read_back
    from rehearse.engine.table import TABLE

    party, body = table.address(draft)
    speaker = table.spec.chair if party == TABLE else party
    neg = table.parties[speaker]
    if neg.outcome != "ongoing":
        return f"@{speaker} is no longer in the talks"
    where = f"the table (chair @{speaker})" if party == TABLE else f"@{speaker}"
    return f"{where} → {read_back(neg, body if body.strip() else draft)}"


def table_objectives_text(drill: TableDrill) -> str:
    """Return a table drill's briefing and the objectives played for live."""
    from rehearse.content.templates import count_of
    from rehearse.ui.screens.briefing import reflow

    outcome, within = drill.live
    lines = [f"Drill: {drill.title}", reflow(drill.briefing), "", "Objectives:"]
    if outcome:
        lines.append(
            "  ☐ adopt the joint statement" if outcome == "agreement" else f"  ☐ the table {outcome}"
        )
    if within:
        lines.append(f"  ☐ within {count_of(within, 'turn')}")
    played = f"The first {drill.handover} turn(s) are scripted and played for you; then it is your turn."
    lines.append("\n" + (played if drill.handover else "You play from the first turn."))
    return "\n".join(lines)


class TableScreen(Screen[None]):
    """Play a table: address a party with @id or its name; the chair answers the table."""

    CSS_PATH = "table.tcss"
    BINDINGS = [
        Binding("ctrl+z", "undo", "Take back"),
        Binding("f2", "debrief", "Debrief"),
        Binding("f4", "correct", "Correct reading"),
        Binding("f6", "hint", "Hint"),
        Binding("ctrl+n", "app.new_session", "New", show=False),
        Binding("ctrl+q", "app.quit", "Quit"),
    ]

    def __init__(self, recorded: RecordedTable, drill: TableDrill | None = None) -> None:
        super().__init__()
        self.recorded = recorded
        self.drill = drill
        self._debounce: Timer | None = None

    @property
    def table(self) -> TableSession:
        """Return the table being played."""
        return self.recorded.table

    @property
    def path(self) -> Path | None:
        """Return the file the table is saved to (None when saving is off)."""
        return self.recorded.path

    def compose(self) -> ComposeResult:
        """Lay out the transcript, the message box and the parties."""
        spec = self.table.spec
        with Horizontal(id="table-layout"):
            with Vertical(id="table-main"):
                yield Static(Text(f"{spec.title}  ·  {spec.user_role}"), id="table-heading")
                yield Transcript(id="transcript")
                yield MessageInput(spec.parties[spec.chair].persona, id="message")
                yield ReadBackLine(id="readback")
            yield Static(id="table-parties")
        yield Footer()

    def on_mount(self) -> None:
        """Show the briefing, who sits at the table and any scripted turns; focus the message box."""
        self._rebuild()
        self.query_one(MessageInput).focus()
        if self.table.outcome != "ongoing":
            self._end()

    def on_resize(self) -> None:
        """Redraw the parties' rows for the new width."""
        self._refresh()

    def on_unmount(self) -> None:
        """Grade a live drill as the table stands now, and close the save file (every turn is on disk)."""
        graded = self._graded()
        if graded is not None:  # graded again: a take-back after the end must not keep a "passed"
            self.recorded.drill_passed = all(o.met for o in graded)
        self.recorded.close()

    def _names(self) -> dict[str, str]:
        return {pid: party.name for pid, party in self.table.spec.parties.items()}

    def _rebuild(self) -> None:
        """Show the briefing and every standing turn (after a take-back or a correction too)."""
        spec = self.table.spec
        transcript = self.query_one(Transcript)
        transcript.remove_children()
        if self.drill is not None:
            transcript.add_note(f"Drill: {self.drill.title}", "brief")
        for paragraph in spec.briefing.split("\n\n"):
            transcript.add_note(" ".join(paragraph.split()), "brief")
        names = "; ".join(f"@{pid} {p.name} ({p.persona.leader})" for pid, p in spec.parties.items())
        transcript.add_note(f"At the table: {names}. In the chair: {spec.parties[spec.chair].name}.", "brief")
        names_by_id = self._names()
        for turn in self.table.turns:
            transcript.mount_lines(turn_lines(turn_record(turn), names_by_id))
        self._refresh()

    def _refresh(self) -> None:
        """Redraw the rows of the parties, the drill's objectives and the heading."""
        table = self.table
        minimums = {pid: party.minimum for pid, party in table.spec.parties.items()}
        compact = self.app.size.width < COMPACT_BELOW
        self.query_one("#table-parties", Static).set_class(compact, "compact")
        rows = party_rows(party_snapshot(table), minimums, table.state, compact)
        if self.drill is not None:
            rows.append("\n\nDrill objectives\n", style="bold")
            rows.append(self._objectives())
        self.query_one("#table-parties", Static).update(rows)
        last = table.turns[-1] if table.turns else None
        heading = Text(f"{table.spec.title}  ·  {table.spec.user_role}")
        if last is not None and last.turn is not None:
            read = describe_move(table.spec.parties[last.party].persona, last.turn.move)
            corrected = " (as you corrected it)" if last.turn.corrected else ""
            heading = Text(f"@{last.party} read your message as {read}{corrected}   F4 corrects it")
        self.query_one("#table-heading", Static).update(heading)

    def _objectives(self) -> str:
        """Return the drill's live objectives, ticked when met, and the turns left."""
        if self.drill is None:
            return ""
        outcome, within = self.drill.live
        table, lines = self.table, []
        if outcome:
            goal = "adopt the joint statement" if outcome == "agreement" else f"the table {outcome}"
            lines.append(f"{'☑' if table.outcome == outcome else '☐'} {goal}")
        if within:
            used = len(table.turns)
            lines.append(f"{'☑' if used <= within else '☐'} within {within} turns ({used} used)")
        return "\n".join(lines)

    @on(Input.Changed, "#message")
    def _draft_changed(self, event: Input.Changed) -> None:
        """Read the draft back shortly after the last keystroke: who it goes to, how it is read."""
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        if not event.value.strip():
            self.query_one(ReadBackLine).clear()
            return
        self._debounce = self.set_timer(DEBOUNCE, self._read_draft)

    def _read_draft(self) -> None:
        self._debounce = None
        draft = self.query_one(MessageInput).value
        line = self.query_one(ReadBackLine)
        if not draft.strip() or self.table.outcome != "ongoing":
            line.clear()
            return
        try:
            line.show_reading(table_read_back(self.table, draft))
        except RehearseError:
            line.clear()

    def on_message_input_said(self, message: MessageInput.Said) -> None:
        """Play the message at the table and show every reply."""
        box = self.query_one(MessageInput)
        if self.table.outcome != "ongoing":
            self.notify("The table has ended: Ctrl+Z takes back the last message, Ctrl+N starts anew.")
            return
        try:
            turn = self.recorded.say(message.text)
        except RehearseError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        box.value = ""
        self.query_one(Transcript).mount_lines(turn_lines(turn_record(turn), self._names()))
        self._refresh()
        if self.table.outcome != "ongoing":
            self._end()

    def _end(self) -> None:
        """Say how the table ended: the score, each party's step and, in a drill, the objectives."""
        table = self.table
        steps = ", ".join(
            f"@{pid} {len(neg.ledger)}/{table.spec.parties[pid].minimum}"
            for pid, neg in table.parties.items()
        )
        transcript = self.query_one(Transcript)
        transcript.add_note(
            f"The table ended ({table.outcome}) after {len(table.turns)} turns. "
            f"Score {table_score(table)}/100. Exchanges agreed: {steps}. F2 opens the debrief.",
            "note",
        )
        graded = self._graded()
        if graded is not None:
            passed = all(o.met for o in graded)
            self.recorded.drill_passed = passed
            transcript.add_note(f"Drill {'passed' if passed else 'not passed'}: {self._objectives()}", "note")

    def _graded(self) -> list[ObjectiveResult] | None:
        from rehearse.engine.table_drill_runner import grade_table

        if self.drill is None:
            return None
        outcome, within = self.drill.live
        return grade_table(self.table, outcome, within)

    def action_debrief(self) -> None:
        """Open the debrief of the table as it stands: the score, each party, the turning points."""
        from rehearse.engine.table_debrief import table_debrief
        from rehearse.ui.screens.table_debrief import TableDebriefScreen

        self.app.push_screen(
            TableDebriefScreen(table_debrief(self.table), self.table.spec.title, self._graded())
        )

    def action_undo(self) -> None:
        """Take back the last message (the table replays the rest)."""
        try:
            taken = self.recorded.undo()
        except RehearseError as exc:
            self.notify(f"Cannot take it back: {exc}", severity="error", markup=False)
            return
        if not taken:
            self.notify("Nothing to take back yet.", markup=False)
            return
        self._rebuild()
        self.notify(f"Took back your last message; back to turn {len(self.table.turns)}.", markup=False)

    def action_correct(self) -> None:
        """Open the correction of how the last message was read by the party it went to."""
        from rehearse.ui.screens.correction import CorrectionScreen

        last = self.table.turns[-1] if self.table.turns else None
        if last is None or last.turn is None:
            self.notify("Nothing to correct: the last message drew no party's reading.", markup=False)
            return
        persona = self.table.spec.parties[last.party].persona
        shown = dataclasses.replace(last.turn, number=last.number)  # the table's turn number, not the party's
        self.app.push_screen(CorrectionScreen(persona, shown), self._correct)

    def _correct(self, move: Move | None) -> None:
        last = self.table.turns[-1] if self.table.turns else None
        if move is None or last is None or last.turn is None:
            return
        if move == last.turn.move:
            self.notify(f"Turn {last.number} is already read as {move.kind}: nothing replayed.", markup=False)
            return
        try:
            turn = self.recorded.correct(move.kind, move.gives, move.asks)
        except RehearseError as exc:
            self.notify(f"Cannot replay the turn: {exc}", severity="error", markup=False)
            return
        self._rebuild()
        self.notify(f"Turn {turn.number} replayed as {move.kind}.", markup=False)
        if self.table.outcome != "ongoing":
            self._end()

    def action_hint(self) -> None:
        """Put the best next move at the table, addressed to its party, in the message box."""
        if self.drill is not None and not self.drill.hints:
            self.notify("This drill does not allow hints: the moves are yours.", markup=False)
            return
        found = self.table.hint()
        if found is None:
            self.notify("The table has ended: no more suggestions.", markup=False)
            return
        text, why = found
        self.recorded.offered = text
        box = self.query_one(MessageInput)
        box.value = text
        box.cursor_position = len(text)
        self.notify(why, title="Hint", markup=False)
