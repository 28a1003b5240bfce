"""Saved table sessions: one JSON line a table turn, after a header naming the table and seed.

Like a bilateral dialogue, a take-back is saved as ``{"event": "rewind", "to_turn": N}`` and a
corrected reading as the turn written again, with ``"corrected": true``; reading the file back
gives the turns standing at the end (see ``effective_turns``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from rehearse.content.tables import TableSpec
from rehearse.engine.table import TableSession, TableTurn
from rehearse.errors import DialogueFileError
from rehearse.records.dialogue_file import Dialogue, _read_text, effective_turns, read_dialogue, taken_back
from rehearse.records.record_checks import whole

TABLE_FORMAT = "rehearse-table-dialogue"


def turn_record(turn: TableTurn, parties: TableSession | None = None) -> dict[str, Any]:
    """Return the JSON object saved for one table turn: the party addressed, its turn, every reply.

    With ``parties`` (the table just after the turn), every party's stage and meters are saved too.
    """
    record: dict[str, Any] = {"turn": turn.number, "say": turn.say, "party": turn.party}
    if turn.turn is not None:
        record.update(
            move=turn.turn.move.as_dict(),
            reply=turn.turn.reply,
            state=turn.turn.state,
            meters=turn.turn.meters,
            reasons=[str(r) for r in turn.turn.reasons],
        )
        if turn.turn.corrected:
            record.update(corrected=True, read_as=turn.turn.read_as.as_dict())
    record["reactions"] = [
        {"party": r.party, "reply": r.text, "changes": dict(r.changes)} for r in turn.reactions
    ]
    record.update(table_state=turn.state, outcome=turn.outcome, notice=turn.notice)
    if parties is not None:
        record["parties"] = party_snapshot(parties)
    return record


def party_snapshot(table: TableSession) -> dict[str, dict[str, Any]]:
    """Return every party's stage, outcome, meters and exchanges agreed, as saved after a turn."""
    return {
        pid: {
            "state": neg.state,
            "outcome": neg.outcome,
            "meters": dict(neg.meters),
            "agreed": len(neg.ledger),
        }
        for pid, neg in table.parties.items()
    }


def content_hashes(spec: TableSpec) -> dict[str, Any]:
    """Return the sha256 of the table file and of each party's playbook, as saved in the header."""
    try:
        table = hashlib.sha256(spec.path.read_bytes()).hexdigest()
    except OSError:
        table = ""
    return {
        "table_sha256": table,
        "personas_sha256": {pid: party.persona.sha256 for pid, party in spec.parties.items()},
    }


def open_table_file(folder: Path, spec: TableSpec, seed: int, **extra: Any) -> tuple[Path, IO[str]]:
    """Create a new table session file in ``folder`` (never overwriting one) and write its header."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).astimezone()
        for attempt in range(100):
            path = (
                folder
                / f"{spec.id}-{stamp:%Y%m%d-%H%M%S}-seed{seed}{'-' + str(attempt) if attempt else ''}.jsonl"
            )
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            except FileExistsError:
                continue
            handle = os.fdopen(fd, "w", encoding="utf-8")
            header = {
                "format": TABLE_FORMAT,
                "version": 1,
                "table": spec.id,
                "seed": seed,
                "started": stamp.isoformat(),
                "table_file": str(spec.path.resolve()),
                **content_hashes(spec),
                **extra,
            }
            handle.write(json.dumps(header, ensure_ascii=False) + "\n")
            handle.flush()
            return path, handle
    except OSError as exc:
        raise DialogueFileError(f"cannot save the table session in '{folder}': {exc.strerror}") from None
    raise DialogueFileError(f"too many table sessions named {spec.id} in '{folder}'")


class RecordedTable:
    """A table session plus its file (None when saving is off): every turn, take-back and correction."""

    def __init__(self, spec: TableSpec, seed: int = 0, save_dir: Path | None = None, **header: Any) -> None:
        self.table = TableSession(spec, seed)
        self.drill: str | None = header.get("drill")
        self.drill_passed: bool | None = None
        """For a live table drill: whether its objectives are met (the screen keeps it up to date)."""
        self.path: Path | None = None
        self._handle: IO[str] | None = None
        if save_dir is not None:
            self.path, self._handle = open_table_file(save_dir, spec, seed, **header)
        self.hinted: set[int] = set()
        """Turns whose message was the hint's text."""
        self.offered = ""

    def _write(self, record: dict[str, Any]) -> None:
        if self._handle is None:
            return
        try:
            self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._handle.flush()
        except (OSError, ValueError) as exc:
            raise DialogueFileError(
                f"cannot write to '{self.path}': {getattr(exc, 'strerror', exc)}"
            ) from None

    def say(self, text: str) -> TableTurn:
        """Play a message and save the turn; if it cannot be saved, take it back and say so."""
        turn = self.table.say(text)
        hinted = bool(self.offered) and text.strip() == self.offered.strip()
        record = turn_record(turn, self.table)
        if hinted:
            record["hint"] = True
        try:
            self._write(record)
        except DialogueFileError as exc:
            self.table.rewind(turn.number - 1)
            raise DialogueFileError(f"{exc}; the message was not played, so nothing is lost") from None
        self.offered = ""
        if hinted:
            self.hinted.add(turn.number)
        return turn

    def correct(self, kind: str, gives: Iterable[str] = (), asks: Iterable[str] = ()) -> TableTurn:
        """Re-play the last message as read the trainee's way, and save the corrected turn."""
        before = self.table.turns[-1] if self.table.turns else None
        turn = self.table.correct(kind, gives, asks)
        record = turn_record(turn, self.table)
        if turn.number in self.hinted:
            record["hint"] = True  # the message was still the hint's text
        try:
            self._write(record)
        except DialogueFileError as exc:
            if before is not None:
                self.table.restore_last(before)
            raise DialogueFileError(f"{exc}; the correction was not made, so nothing is lost") from None
        return turn

    def undo(self) -> bool:
        """Take back the last message (replaying the rest); return False when there is none."""
        turns = len(self.table.turns)
        if turns == 0:
            return False
        self._write({"event": "rewind", "to_turn": turns - 1})  # saved first: if it fails, nothing changes
        self.table.rewind(turns - 1)
        self.hinted.discard(turns)
        return True

    def close(self) -> None:
        """Close the file; a finished table (or a live table drill) adds a line to the progress history."""
        if self._handle is None or self._handle.closed:
            return
        self._handle.close()
        table = self.table
        if (table.outcome == "ongoing" and self.drill is None) or not table.turns:
            return
        from rehearse.locations import history_file
        from rehearse.records.history import HistoryEntry, append_entry, now

        entry = HistoryEntry(
            persona=table.spec.id,
            date=now(),
            outcome=table.outcome,
            score=table_score(table),
            turns=len(table.turns),
            hints=len(self.hinted),
            corrections=sum(1 for t in table.turns if t.turn is not None and t.turn.corrected),
            drill=self.drill,
            passed=self.drill_passed if self.drill is not None else None,
            file=str(self.path),
        )
        with contextlib.suppress(DialogueFileError):  # the session is saved; the history line is a bonus
            append_entry(history_file(), entry)


def table_score(table: TableSession) -> int:
    """Return a table's score out of 100: the statement adopted, each party's step and its trust."""
    return score_of_table(
        table.outcome,
        {pid: len(neg.ledger) for pid, neg in table.parties.items()},
        {pid: party.minimum for pid, party in table.spec.parties.items()},
        {pid: neg.meters.get("trust", 0) for pid, neg in table.parties.items()},
    )


def score_of_table(
    outcome: str, agreed: dict[str, int], minimums: dict[str, int], trust: dict[str, int]
) -> int:
    """Return the table score from what was saved (the debrief's rule: its parts added up)."""
    from rehearse.engine.table_debrief import table_score_parts

    return sum(points for _, points, _ in table_score_parts(outcome, agreed, minimums, trust))


@dataclass
class TableDialogue:
    """A saved table session read back: its header, turn records and rewinds, and lines skipped."""

    path: Path
    header: dict[str, Any]
    entries: list[dict[str, Any]] = field(default_factory=list)
    """Turn records and rewind events in the order they were written."""
    warnings: list[str] = field(default_factory=list)

    @property
    def seed(self) -> int:
        """Return the seed the session was played with (0 when the header's is unusable)."""
        return whole(self.header.get("seed"))

    @property
    def turns(self) -> list[dict[str, Any]]:
        """Return the turns standing at the end (taken-back ones left out, corrections applied)."""
        return effective_turns(self.entries)

    @property
    def taken_back(self) -> list[dict[str, Any]]:
        """Return the turns a take-back dropped, in the order they were played."""
        return taken_back(self.entries)


def is_table_dialogue(path: Path) -> bool:
    """Return whether a saved file is a table session (its header says so); only regular files are opened."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO or a device would block or never end
            return False
        with path.open(encoding="utf-8") as handle:
            first = handle.readline(4096)
        header = json.loads(first)
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(header, dict) and header.get("format") == TABLE_FORMAT


def table_of(dialogue: TableDialogue) -> TableSpec:
    """Load the table a saved session was played at: the file it names, else the shipped table of its id.

    The file wins when it still exists and has the same id, so a copied table that kept the id is
    checked against the copy that was played, not the shipped one.
    """
    from rehearse.content.tables import load_table, resolve_table
    from rehearse.errors import RehearseError

    table_id = str(dialogue.header.get("table", ""))
    named = dialogue.header.get("table_file")
    candidates: list[Path] = []
    if isinstance(named, str) and named and resolve_table(named) is not None:
        candidates.append(Path(named))
    shipped = resolve_table(table_id)
    if shipped is not None:
        candidates.append(shipped)
    problems = []
    for found in candidates:
        try:
            spec = load_table(found)
        except RehearseError as exc:
            problems.append(f"cannot load {found}: {exc}")
            continue
        if spec.id == table_id:
            return spec
        problems.append(f"{found} is now the table '{spec.id}', not '{table_id}'")
    if not candidates:
        where = f" and its file {named} is gone" if isinstance(named, str) and named else ""
        problems.append(f"no shipped table has the id '{table_id}'{where}")
    raise DialogueFileError(f"{dialogue.path}: unknown table: {'; '.join(problems)}")


def read_session(path: Path) -> Dialogue | TableDialogue:
    """Read a saved session of either kind: a table session, else a bilateral dialogue."""
    return read_table_dialogue(path) if is_table_dialogue(path) else read_dialogue(path)


def read_table_dialogue(path: Path) -> TableDialogue:
    """Read a saved table session; lines that cannot be used are skipped with a warning."""
    lines = _read_text(path).split("\n")
    try:
        header = json.loads(lines[0])
    except ValueError:
        raise DialogueFileError(f"'{path}' is not a rehearse table session") from None
    if not isinstance(header, dict) or header.get("format") != TABLE_FORMAT:
        raise DialogueFileError(f"'{path}' is not a rehearse table session")
    dialogue = TableDialogue(path, header)
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            dialogue.warnings.append(f"{path}:{number}: RH201 unreadable line skipped")
            continue
        if not isinstance(record, dict):
            dialogue.warnings.append(f"{path}:{number}: RH202 not a table turn record; skipped")
        elif record.get("event") == "rewind":
            to_turn = record.get("to_turn")
            if isinstance(to_turn, int) and not isinstance(to_turn, bool) and to_turn >= 0:
                dialogue.entries.append(record)
            else:
                dialogue.warnings.append(f"{path}:{number}: RH202 a rewind without a turn; skipped")
        elif isinstance(record.get("say"), str) and isinstance(record.get("turn"), int):
            dialogue.entries.append(record)
        else:
            dialogue.warnings.append(f"{path}:{number}: RH202 not a table turn record; skipped")
    return dialogue
