"""`rehearse replay --check` for saved table sessions: replay every message, compare every reply."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

from rehearse.errors import DialogueFileError, RehearseError
from rehearse.records.check import CheckResult, Divergence
from rehearse.records.dialogue_file import _read_text
from rehearse.records.table_file import TABLE_FORMAT, turn_record


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


def read_table_dialogue(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]], list[str]]:
    """Return a table session's header, its turn records, and warnings for lines skipped."""
    lines = _read_text(path).split("\n")
    try:
        header = json.loads(lines[0])
    except ValueError:
        raise DialogueFileError(f"'{path}' is not a rehearse table session") from None
    if not isinstance(header, dict) or header.get("format") != TABLE_FORMAT:
        raise DialogueFileError(f"'{path}' is not a rehearse table session")
    records, warnings = [], []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            warnings.append(f"{path}:{number}: RH201 unreadable line skipped")
            continue
        if (
            isinstance(record, dict)
            and isinstance(record.get("say"), str)
            and isinstance(record.get("turn"), int)
        ):
            records.append(record)
        else:
            warnings.append(f"{path}:{number}: RH202 not a table turn record; skipped")
    return header, records, warnings


def check_table_dialogue(path: Path) -> CheckResult:
    """Re-run one table session with today's table and personas, and compare every saved turn."""
    from rehearse.content.tables import load_table, resolve_table
    from rehearse.engine.table import TableSession

    header, records, warnings = read_table_dialogue(path)
    table_id = str(header.get("table", ""))
    found = resolve_table(table_id)
    if found is None:
        raise DialogueFileError(f"{path}: cannot check it: unknown table '{table_id}'")
    try:
        spec = load_table(found)
    except RehearseError as exc:
        raise DialogueFileError(f"{path}: cannot check it: {exc}") from None
    seed = header.get("seed", 0)
    table = TableSession(spec, seed if isinstance(seed, int) and not isinstance(seed, bool) else 0)
    result = CheckResult(path, table_id, warnings=warnings)
    for record in records:
        if table.outcome != "ongoing":
            result.divergences.append(
                Divergence(record["turn"], "turn", "played", "the table had already ended")
            )
            break
        today = turn_record(table.say(record["say"]))
        result.turns += 1
        for key in ("party", "move", "reply", "reactions", "table_state", "outcome"):
            if record.get(key) != today.get(key):
                result.divergences.append(Divergence(record["turn"], key, record.get(key), today.get(key)))
    return result


def table_markdown(path: Path) -> str:
    """Return a saved table session as a Markdown record: each message, who answered, the reactions."""
    from rehearse.records.export import md_text

    header, records, _ = read_table_dialogue(path)
    lines = [
        f"# Table `{header.get('table')}`",
        "",
        f"Seed {header.get('seed')}, started {header.get('started')}.",
        "",
        "## Turns",
        "",
    ]
    for record in records:
        lines += [
            f"### Turn {record.get('turn')}: to {record.get('party')}",
            "",
            f"**You:** {md_text(record['say'])}",
            "",
        ]
        if isinstance(record.get("reply"), str):
            move: dict[str, Any] = record["move"] if isinstance(record.get("move"), dict) else {}
            lines += [
                f"**{record.get('party')}:** {md_text(record['reply'])}",
                "",
                f"- read as **{move.get('kind')}**",
            ]
        for reaction in record.get("reactions") or []:
            if isinstance(reaction, dict):
                lines.append(f"- *{reaction.get('party')}:* {md_text(str(reaction.get('reply', '')))}")
        if record.get("notice"):
            lines.append(f"- **{md_text(str(record['notice']))}**")
        lines.append("")
    last = records[-1] if records else {}
    lines += [f"## Outcome: {last.get('outcome', 'ongoing')}", ""]
    return "\n".join(lines)
