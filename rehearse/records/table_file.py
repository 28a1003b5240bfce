"""Saved table sessions: one JSON line a table turn, after a header naming the table and seed."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from rehearse.content.tables import TableSpec
from rehearse.engine.table import TableTurn
from rehearse.errors import DialogueFileError

TABLE_FORMAT = "rehearse-table-dialogue"


def turn_record(turn: TableTurn) -> dict[str, Any]:
    """Return the JSON object saved for one table turn: the party addressed, its turn, every reply."""
    record: dict[str, Any] = {"turn": turn.number, "say": turn.say, "party": turn.party}
    if turn.turn is not None:
        record.update(
            move=turn.turn.move.as_dict(),
            reply=turn.turn.reply,
            state=turn.turn.state,
            meters=turn.turn.meters,
            reasons=[str(r) for r in turn.turn.reasons],
        )
    record["reactions"] = [
        {"party": r.party, "reply": r.text, "changes": dict(r.changes)} for r in turn.reactions
    ]
    record.update(table_state=turn.state, outcome=turn.outcome, notice=turn.notice)
    return record


def open_table_file(folder: Path, spec: TableSpec, seed: int) -> tuple[Path, IO[str]]:
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
            }
            handle.write(json.dumps(header) + "\n")
            handle.flush()
            return path, handle
    except OSError as exc:
        raise DialogueFileError(f"cannot save the table session in '{folder}': {exc.strerror}") from None
    raise DialogueFileError(f"too many table sessions named {spec.id} in '{folder}'")
