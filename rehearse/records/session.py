"""A negotiation that saves itself: every turn and rewind goes to the dialogue file as it happens.

Shared by ``rehearse chat`` and the TUI, so both save the same way.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rehearse.content.playbook import Playbook
from rehearse.engine.coach import Hint
from rehearse.engine.negotiation import Negotiation, Turn
from rehearse.errors import DialogueFileError
from rehearse.records.dialogue_file import DialogueWriter
from rehearse.records.history import HistoryEntry, append_entry, now
from rehearse.version import VERSION


class RecordedSession:
    """A Negotiation plus its dialogue file (None when saving is off)."""

    def __init__(self, persona: Playbook, seed: int = 0, save_dir: Path | None = None, **header: Any) -> None:
        self.negotiation = Negotiation(persona, seed=seed)
        self.drill: str | None = header.get("drill")
        self._closed = False
        self.drill_passed: bool | None = None
        """For a live drill: whether its objectives are met (the screen keeps it up to date)."""
        self.writer = (
            DialogueWriter.create(save_dir, persona, seed, VERSION, **header)
            if save_dir is not None
            else None
        )
        self.offered: tuple[str, ...] = ()
        """The texts of the hints shown for the next message."""
        self.hinted: set[int] = set()
        """Turns whose message was a hint's text (the debrief counts them)."""

    @property
    def persona(self) -> Playbook:
        """Return the persona played."""
        return self.negotiation.persona

    @property
    def path(self) -> Path | None:
        """Return the dialogue file, if the session is saved."""
        return self.writer.path if self.writer else None

    def hint(self, n: int = 3) -> list[Hint]:
        """Return up to ``n`` hints for the next message and remember them, to count those used."""
        found = self.negotiation.hint(n)
        self.offered = tuple(h.text for h in found)
        return found

    def say(self, text: str) -> Turn:
        """Play a message and save the turn; if it cannot be saved, take the turn back and say so."""
        turn = self.negotiation.say(text)
        hinted = text.strip() in self.offered
        if self.writer is not None:
            try:
                self.writer.write_turn(self.persona, turn, hinted=hinted)
            except DialogueFileError as exc:
                self.negotiation.rewind(turn.number - 1)
                raise DialogueFileError(f"{exc}; the message was not played, so nothing is lost") from None
        self.offered = ()
        if hinted:
            self.hinted.add(turn.number)
        return turn

    def correct(self, kind: str, gives: Iterable[str] = (), asks: Iterable[str] = ()) -> Turn:
        """Re-run the last turn as read the trainee's way, and save the corrected turn."""
        before = self.negotiation.turns[-1] if self.negotiation.turns else None
        turn = self.negotiation.correct(kind, gives=gives, asks=asks)
        if self.writer is not None and before is not None:
            try:
                self.writer.write_turn(self.persona, turn)
            except DialogueFileError as exc:
                self.negotiation.restore_last(before)
                raise DialogueFileError(f"{exc}; the correction was not made, so nothing is lost") from None
        return turn

    def undo(self) -> bool:
        """Take back the last message (replaying the rest); return False when there is none."""
        turns = len(self.negotiation.turns)
        if turns == 0:
            return False
        if self.writer is not None:
            self.writer.write_rewind(turns - 1)  # saved first: if it cannot be, nothing changes
        self.negotiation.rewind(turns - 1)
        self.hinted.discard(turns)
        self.offered = ()
        return True

    def close(self) -> None:
        """Close the dialogue file; a finished, saved session adds a line to the progress history."""
        if self.writer is None:
            return
        self.writer.close()
        neg = self.negotiation
        if (neg.outcome == "ongoing" and self.drill is None) or not neg.turns:
            return
        from rehearse.engine.scoring import score_parts
        from rehearse.locations import history_file

        start = self.persona.meters.get("trust", 0)
        parts = score_parts(self.persona, neg.outcome, neg.agreements, start, neg.meters.get("trust", start))

        entry = HistoryEntry(
            persona=self.persona.id,
            date=now(),
            outcome=neg.outcome,
            score=sum(points for _, points, _ in parts),  # the debrief's score, without its lookahead
            turns=len(neg.turns),
            hints=len(self.hinted),
            corrections=sum(t.corrected for t in neg.turns),
            drill=self.drill,
            passed=self.drill_passed if self.drill is not None else None,
            file=str(self.writer.path),
        )
        with contextlib.suppress(DialogueFileError):  # the session is saved; the history line is a bonus
            append_entry(history_file(), entry)
