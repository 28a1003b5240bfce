"""`rehearse replay --check` for saved table sessions: replay every message, compare every reply."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rehearse.errors import DialogueFileError, RehearseError
from rehearse.records.check import CheckResult, Divergence
from rehearse.records.export import item_ids
from rehearse.records.table_file import (
    content_hashes,
    is_table_dialogue,
    read_table_dialogue,
    table_of,
    turn_record,
)

__all__ = ["check_table_dialogue", "is_table_dialogue"]

COMPARED = (
    "party",
    "move",
    "reply",
    "state",
    "meters",
    "reactions",
    "notice",
    "table_state",
    "outcome",
    "parties",
)
"""The fields of a saved table turn that must come out the same today."""


def _changed(header: dict[str, Any], today: dict[str, Any]) -> str:
    """Return what changed since the session was saved (the table file, which personas), or ''."""
    what = []
    if isinstance(header.get("table_sha256"), str) and header["table_sha256"] != today["table_sha256"]:
        what.append("the table file")
    saved = header.get("personas_sha256")
    if isinstance(saved, dict):
        what += [
            f"@{pid}'s playbook" for pid, sha in today["personas_sha256"].items() if saved.get(pid) != sha
        ]
    return ", ".join(what)


def check_table_dialogue(path: Path) -> CheckResult:
    """Re-run one table session with today's table and personas, and compare every saved turn."""
    from rehearse.engine.table import TableSession

    dialogue = read_table_dialogue(path)
    header, records, warnings = dialogue.header, dialogue.turns, dialogue.warnings
    table_id = str(header.get("table", ""))
    try:
        spec = table_of(dialogue)
    except DialogueFileError as exc:
        raise DialogueFileError(f"cannot check it: {exc}") from None
    table = TableSession(spec, dialogue.seed)
    result = CheckResult(path, table_id, warnings=warnings)
    result.changed = _changed(header, content_hashes(spec))
    for record in records:
        if table.outcome != "ongoing":
            result.divergences.append(
                Divergence(record["turn"], "turn", "played", "the table had already ended")
            )
            break
        try:
            played = table.say(record["say"])
            move = record.get("move")
            if record.get("corrected") and isinstance(move, dict):
                played = table.correct(
                    str(move.get("kind", "")), item_ids(move.get("gives")), item_ids(move.get("asks"))
                )
        except RehearseError as exc:
            result.divergences.append(Divergence(record["turn"], "turn", "played", str(exc)))
            break
        today = turn_record(played, table)
        result.turns += 1
        for key in COMPARED:
            if key in record and record.get(key) != today.get(key):  # "parties" is absent in older files
                result.divergences.append(Divergence(record["turn"], key, record.get(key), today.get(key)))
    return result
