"""`rehearse replay --check` for saved table sessions: replay every message, compare every reply."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rehearse.errors import DialogueFileError, RehearseError
from rehearse.records.check import CheckResult, Divergence
from rehearse.records.table_file import is_table_dialogue, read_table_dialogue, table_of, turn_record

__all__ = ["check_table_dialogue", "is_table_dialogue"]


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
    seed = header.get("seed", 0)
    table = TableSession(spec, seed if isinstance(seed, int) and not isinstance(seed, bool) else 0)
    result = CheckResult(path, table_id, warnings=warnings)
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
                played = table.correct(str(move.get("kind", "")), _ids(move, "gives"), _ids(move, "asks"))
        except RehearseError as exc:
            result.divergences.append(Divergence(record["turn"], "turn", "played", str(exc)))
            break
        today = turn_record(played)
        result.turns += 1
        for key in ("party", "move", "reply", "reactions", "table_state", "outcome"):
            if record.get(key) != today.get(key):
                result.divergences.append(Divergence(record["turn"], key, record.get(key), today.get(key)))
    return result


def _ids(move: dict[str, Any], key: str) -> list[str]:
    found = move.get(key)
    return [str(i) for i in found] if isinstance(found, list) else []
