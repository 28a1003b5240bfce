"""Saved dialogues (docs/dialogues.md): JSON Lines written turn by turn, read back tolerantly."""

from __future__ import annotations

import json
import re
import stat
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from rehearse.content.playbook import Playbook
from rehearse.engine.negotiation import Turn
from rehearse.errors import DialogueFileError
from rehearse.records.record_checks import header_problem, rewind_problem, turn_problem

FORMAT = "rehearse-dialogue"
VERSION = 1
MAX_DIALOGUE_BYTES = 64 * 1024 * 1024
"""The largest dialogue file read (a 10-turn session is about 20 KB; 40,000 turns about 31 MiB)."""


def turn_fields(turn: Turn) -> dict[str, Any]:
    """Return what a turn came to, as saved: the fields ``replay --check`` compares."""
    return {
        "move": turn.move.as_dict(),
        "reply": turn.reply,
        "state": turn.state,
        "outcome": turn.outcome,
        "meters": turn.meters,
    }


def turn_record(persona: Playbook, turn: Turn) -> dict[str, Any]:
    """Return the JSON object saved for one turn (contract fields first, then extras)."""
    record: dict[str, Any] = {"turn": turn.number, "say": turn.say, **turn_fields(turn)}
    if turn.corrected:
        record["corrected"] = True
        record["read_as"] = turn.read_as.as_dict()
    if turn.played:
        record["played"] = turn.played
    record.update(
        reasons=[str(r) for r in turn.reasons],
        confidence=turn.confidence,
        evidence=list(turn.evidence),
        situation=turn.situation,
        table=turn.table.as_dict() if turn.table else None,
        ledger=[exchange.as_dict() for exchange in turn.ledger],
    )
    return record


class DialogueWriter:
    """Appends a session to a new dialogue file, flushing after every line; never overwrites."""

    def __init__(self, path: Path, handle: IO[str]) -> None:
        self.path = path
        self._handle = handle

    @classmethod
    def create(cls, folder: Path, persona: Playbook, seed: int, version: str, **extra: Any) -> DialogueWriter:
        """Create a new dialogue file in ``folder`` and write its header."""
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DialogueFileError(f"cannot create the save folder '{folder}': {exc.strerror}") from None
        started = datetime.now(UTC).astimezone()
        stem = f"{persona.id}-{started:%Y%m%d-%H%M%S}-seed{seed}"
        for attempt in range(1000):
            path = folder / (f"{stem}.jsonl" if attempt == 0 else f"{stem}-{attempt}.jsonl")
            try:
                handle = path.open("x", encoding="utf-8")
                break
            except FileExistsError:
                continue
            except OSError as exc:
                raise DialogueFileError(f"cannot save the dialogue in '{folder}': {exc.strerror}") from None
        else:  # pragma: no cover - a thousand sessions in one second
            raise DialogueFileError(f"too many dialogues named {stem} in '{folder}'")
        writer = cls(path, handle)
        header = {
            "format": FORMAT,
            "version": VERSION,
            "persona": persona.id,
            "playbook_sha256": persona.sha256,
            "seed": seed,
            "started": started.isoformat(timespec="seconds"),
            "rehearse": version,
            **extra,
        }
        writer.write(header)
        return writer

    def write(self, record: dict[str, Any]) -> None:
        """Append one record and flush it to the operating system."""
        try:
            self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._handle.flush()
        except OSError as exc:
            raise DialogueFileError(f"cannot write to '{self.path}': {exc.strerror}") from None

    def write_turn(self, persona: Playbook, turn: Turn, hinted: bool = False) -> None:
        """Append a completed turn (``hinted``: its message was a hint's text)."""
        record = turn_record(persona, turn)
        if hinted:
            record["hint"] = True
        self.write(record)

    def write_rewind(self, to_turn: int) -> None:
        """Record that the user took the session back to just after ``to_turn``."""
        self.write({"event": "rewind", "to_turn": to_turn})

    def close(self) -> None:
        """Close the file (every line is already flushed)."""
        if not self._handle.closed:
            self._handle.close()


@dataclass
class Dialogue:
    """A saved dialogue read back: its header, its turn records, rewinds and any problems found."""

    path: Path
    header: dict[str, Any]
    turns: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)
    """Turn records and rewind events in the order they were written."""

    def effective_turns(self) -> list[dict[str, Any]]:
        """Return the session as it stood at the end: turns taken back by rewinds are left out."""
        return effective_turns(self.entries)


def effective_turns(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the turns standing after these entries (each rewind drops the turns it took back)."""
    return _standing(entries)[0]


def taken_back(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the turns a rewind took back (Ctrl+Z, /undo), in the order they were played.

    A corrected turn replaces its earlier record without a rewind, so it is not taken back.
    """
    return _standing(entries)[1]


def _standing(entries: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return the turns standing and those taken back by rewinds.

    Linear in the entries: each one only cuts the list's tail in place.
    """
    turns: list[dict[str, Any]] = []
    dropped: list[dict[str, Any]] = []
    for entry in entries:
        if "event" in entry:
            to_turn = entry.get("to_turn")
            cut = to_turn if isinstance(to_turn, int) and not isinstance(to_turn, bool) else len(turns)
            dropped += turns[max(cut, 0) :]
            del turns[max(cut, 0) :]
        else:
            number = entry.get("turn")
            at = number - 1 if isinstance(number, int) and not isinstance(number, bool) else len(turns)
            del turns[max(at, 0) :]
            turns.append(entry)
    return turns, dropped


def _read_text(path: Path) -> str:
    """Return a dialogue file's text: regular files only, at most MAX_DIALOGUE_BYTES."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DialogueFileError(f"no dialogue file at '{path}'") from None
    except OSError as exc:
        raise DialogueFileError(f"cannot read '{path}': {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise DialogueFileError(f"'{path}' is not a regular file, so it is not read as a dialogue")
    if info.st_size > MAX_DIALOGUE_BYTES:
        raise DialogueFileError(
            f"'{path}' is {info.st_size:,} bytes; a dialogue is read up to {MAX_DIALOGUE_BYTES:,} bytes"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_DIALOGUE_BYTES + 1)
    except OSError as exc:
        raise DialogueFileError(f"cannot read '{path}': {exc.strerror}") from None
    if len(data) > MAX_DIALOGUE_BYTES:
        raise DialogueFileError(f"'{path}' is larger than {MAX_DIALOGUE_BYTES:,} bytes")
    return data.decode("utf-8", errors="surrogateescape")  # a line that is not UTF-8 is skipped below


_NOT_UTF8 = re.compile("[\udc80-\udcff]")
"""The lone surrogates that bytes which were not UTF-8 decode to (with ``surrogateescape``)."""


def _utf8(line: str) -> bool:
    """Return whether a line decoded cleanly (searched in C, not character by character)."""
    return _NOT_UTF8.search(line) is None


def _json(line: str) -> Any:
    """Parse one JSON line; ValueError for anything unreadable (bad syntax, huge numbers, deep nesting)."""
    try:
        return json.loads(line)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def read_dialogue(path: Path) -> Dialogue:
    """Read a dialogue file; a cut-off or malformed line is reported in ``warnings`` and skipped."""
    text = _read_text(path)
    lines = text.split("\n")
    complete_end = text.endswith("\n")
    if not lines or not lines[0].strip():
        raise DialogueFileError(f"'{path}' is empty, not a rehearse dialogue")
    if not _utf8(lines[0]):
        raise DialogueFileError(f"'{path}' is not UTF-8 text, not a rehearse dialogue")
    try:
        header = _json(lines[0])
    except ValueError:
        raise DialogueFileError(
            f"'{path}' is not a rehearse dialogue (its first line is not a header)"
        ) from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise DialogueFileError(f"'{path}' is not a rehearse dialogue")
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= VERSION:
        shown = version if isinstance(version, (int, str)) and len(str(version)) < 20 else "unknown"
        raise DialogueFileError(
            f"'{path}' uses dialogue format version {shown}; this rehearse reads versions 1 to {VERSION}"
        )
    problem = header_problem(header)
    if problem:
        raise DialogueFileError(f"{path}:1: {problem}")
    dialogue = Dialogue(path, header)
    numbered = [(n, line) for n, line in enumerate(lines[1:], start=2) if line.strip()]
    standing = 0
    for position, (index, line) in enumerate(numbered):
        where = f"{path}:{index}"
        if not _utf8(line):
            dialogue.warnings.append(f"{where}: RH201 a line that is not UTF-8 text was skipped")
            continue
        try:
            record = _json(line)
        except ValueError:
            if position == len(numbered) - 1 and not complete_end:
                dialogue.warnings.append(
                    f"{where}: RH201 the last line was cut off mid-write; it was skipped"
                )
            else:
                dialogue.warnings.append(f"{where}: RH201 unreadable line skipped")
            continue
        if not isinstance(record, dict):
            dialogue.warnings.append(f"{where}: RH202 not a turn record; skipped")
        elif "turn" in record and "say" in record:
            problem = turn_problem(record)
            if problem:
                dialogue.warnings.append(f"{where}: RH202 {problem}; the line was skipped")
                continue
            standing = record["turn"]
            dialogue.turns.append(record)
            dialogue.entries.append(record)
        elif record.get("event") == "rewind":
            problem = rewind_problem(record, standing)
            if problem:
                dialogue.warnings.append(f"{where}: RH202 {problem}; the rewind was skipped")
                continue
            standing = record["to_turn"]
            dialogue.events.append({**record, "after_line": len(dialogue.turns)})
            dialogue.entries.append(record)
    return dialogue
