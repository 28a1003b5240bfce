"""Checks on every field of a saved dialogue's lines: a line of the wrong shape is reported, never used.

Saved dialogues are edited by hand, cut off, or made by other tools. Each line is checked here,
field by field, before any command reads it; a bad line becomes one warning
(``file:line: RH2xx message``) and is skipped, and the rest of the dialogue is still used.
"""

from __future__ import annotations

import math
from typing import Any

from rehearse.moves import MOVE_KINDS, OUTCOMES

MAX_TURN = 1_000_000
"""The largest turn number a dialogue may hold."""
MAX_SEED = 2**63 - 1
"""Seeds are kept to 64-bit integers."""
MAX_TEXT = 200_000
"""The longest message or reply a saved line may hold (a message is cut at 100,000 when played)."""


def whole(value: object, default: int = 0) -> int:
    """Return a saved whole number, or ``default`` for anything else (a hand-edited file)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _count(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _text(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT


def _ids(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) <= 1000
        and all(isinstance(i, str) and len(i) <= 200 for i in value)
    )


def move_problem(move: Any, name: str = "move") -> str | None:
    """Return what is wrong with a saved move (``{"kind", "gives", "asks"}``), or None."""
    if not isinstance(move, dict):
        return f"'{name}' must be an object with kind, gives and asks"
    if move.get("kind") not in MOVE_KINDS:
        return f"'{name}.kind' must be one of {', '.join(MOVE_KINDS)}"
    for side in ("gives", "asks"):
        if not _ids(move.get(side, [])):
            return f"'{name}.{side}' must be a list of item ids"
    return None


def _exchange_problem(value: Any, name: str) -> str | None:
    if not isinstance(value, dict):
        return f"'{name}' must be an object"
    if not _count(value.get("phase", 1), 0, MAX_TURN) or not _count(value.get("turn", 0), 0, MAX_TURN):
        return f"'{name}' has a phase or turn that is not a whole number in range"
    if not _ids(value.get("user_gives", [])) or not _ids(value.get("persona_gives", [])):
        return f"'{name}' must list item ids under user_gives and persona_gives"
    return None


def turn_problem(record: dict[str, Any]) -> str | None:
    """Return what is wrong with a turn record, or None when every field has its type and range."""
    if not _count(record.get("turn"), 1, MAX_TURN):
        return f"'turn' must be a whole number from 1 to {MAX_TURN:,}"
    if not _text(record.get("say")):
        return "'say' must be text"
    problem = move_problem(record.get("move"))
    if problem:
        return problem
    if not _text(record.get("reply", "")) or not _text(record.get("state", "")):
        return "'reply' and 'state' must be text"
    if record.get("outcome", "ongoing") not in OUTCOMES:
        return f"'outcome' must be one of {', '.join(OUTCOMES)}"
    meters = record.get("meters", {})
    if not isinstance(meters, dict) or not all(
        isinstance(k, str) and _count(v, -1_000_000, 1_000_000) for k, v in meters.items()
    ):
        return "'meters' must map meter names to whole numbers"
    return _extras_problem(record)


def _extras_problem(record: dict[str, Any]) -> str | None:
    for key in ("reasons", "evidence"):
        value = record.get(key, [])
        if not isinstance(value, list) or not all(_text(v) for v in value):
            return f"'{key}' must be a list of text"
    confidence = record.get("confidence", 1.0)
    if (
        not isinstance(confidence, (int, float))
        or isinstance(confidence, bool)
        or not math.isfinite(confidence)
    ):
        return "'confidence' must be a number"
    for key in ("situation", "played"):
        if not _text(record.get(key, "")):
            return f"'{key}' must be text"
    if record.get("table") is not None:
        problem = _exchange_problem(record["table"], "table")
        if problem:
            return problem
    ledger = record.get("ledger", [])
    if not isinstance(ledger, list):
        return "'ledger' must be a list of exchanges"
    for index, entry in enumerate(ledger):
        problem = _exchange_problem(entry, f"ledger[{index}]")
        if problem:
            return problem
    if "corrected" in record and not isinstance(record["corrected"], bool):
        return "'corrected' must be true or false"
    if record.get("corrected") is True:
        return move_problem(record.get("read_as"), "read_as")
    return None


def rewind_problem(record: dict[str, Any], turns: int) -> str | None:
    """Return what is wrong with a rewind event, given how many turns stand before it, or None."""
    if not _count(record.get("to_turn"), 0, turns):
        return f"'to_turn' must be a whole number from 0 to {turns} (the turns before it)"
    return None


def header_problem(header: dict[str, Any]) -> str | None:
    """Return what is wrong with a dialogue header's fields (beyond its format and version), or None."""
    persona = header.get("persona")
    if not isinstance(persona, str) or not persona or len(persona) > 4096:
        return "the header's 'persona' must be a persona id or path"
    if not _count(header.get("seed", 0), -MAX_SEED, MAX_SEED):
        return "the header's 'seed' must be a whole number (64-bit)"
    return None
