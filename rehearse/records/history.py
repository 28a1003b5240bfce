"""The trainee's progress over time: one JSON line per finished session or live drill.

The history lives in the user data folder (``history.jsonl``). Each line says which persona, when,
the outcome, the score, the turns, the hints used and the corrections made, and for a live drill
its id and whether its objectives were met. Reading it skips lines it cannot use, so a cut-off or
edited file never stops ``rehearse progress``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from rehearse.errors import DialogueFileError

MAX_HISTORY_BYTES = 64 * 1024 * 1024
"""A history file larger than this is not read (a year of daily sessions is far smaller)."""


@dataclass(frozen=True)
class HistoryEntry:
    """One finished session or live drill."""

    persona: str
    date: str
    outcome: str
    score: int
    turns: int
    hints: int = 0
    corrections: int = 0
    drill: str | None = None
    passed: bool | None = None
    file: str | None = None


def now() -> str:
    """Return the current time as saved in the history (UTC, to the second)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def append_entry(path: Path, entry: HistoryEntry) -> None:
    """Add one line to the history file (created with its folder; readable by the user only)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
    except OSError as exc:
        raise DialogueFileError(f"cannot add to the progress history {path}: {exc.strerror or exc}") from None


def read_history(path: Path) -> tuple[list[HistoryEntry], int]:
    """Return the usable entries, oldest first, and how many lines were skipped."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_HISTORY_BYTES:
            return [], 0
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return [], 0
    entries: list[HistoryEntry] = []
    skipped = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        entry = _entry(line)
        if entry is None:
            skipped += 1
        else:
            entries.append(entry)
    entries.sort(key=lambda e: e.date)
    return entries, skipped


def _entry(line: str) -> HistoryEntry | None:
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    texts = ("persona", "date", "outcome")
    numbers = ("score", "turns", "hints", "corrections")
    if not all(isinstance(data.get(k), str) for k in texts):
        return None
    if not all(isinstance(data.get(k, 0), int) and not isinstance(data.get(k, 0), bool) for k in numbers):
        return None
    drill = data.get("drill")
    passed = data.get("passed")
    file = data.get("file")
    return HistoryEntry(
        data["persona"],
        data["date"],
        data["outcome"],
        data["score"],
        data["turns"],
        data.get("hints", 0),
        data.get("corrections", 0),
        drill if isinstance(drill, str) else None,
        passed if isinstance(passed, bool) else None,
        file if isinstance(file, str) else None,
    )


@dataclass(frozen=True)
class DrillRecord:
    """How a drill went, over all its live plays."""

    drill: str
    persona: str
    plays: int
    passed: int
    last_passed: bool
    last_date: str


def drill_records(entries: Iterable[HistoryEntry]) -> list[DrillRecord]:
    """Return each drill played live, with its plays, passes and last result."""
    by_drill: dict[str, list[HistoryEntry]] = {}
    for entry in entries:
        if entry.drill:
            by_drill.setdefault(entry.drill, []).append(entry)
    records = []
    for drill, plays in sorted(by_drill.items()):
        last = plays[-1]
        records.append(
            DrillRecord(
                drill,
                last.persona,
                len(plays),
                sum(bool(p.passed) for p in plays),
                bool(last.passed),
                last.date,
            )
        )
    return records


def next_drills(
    records: list[DrillRecord], shipped: dict[str, str], practiced: Iterable[str] = (), count: int = 3
) -> list[tuple[str, str]]:
    """Return (drill, why) to do next: failed ones first, then ones never done, then the least recent.

    ``shipped`` maps each available drill id to its persona; drills never done for the personas in
    ``practiced`` come before the others.
    """
    done = {r.drill: r for r in records}
    mine = set(practiced)
    failed = [
        (r.drill, f"failed last time ({r.passed} of {r.plays} passed)") for r in records if not r.last_passed
    ]
    fresh = sorted((d for d in shipped if d not in done), key=lambda d: (shipped[d] not in mine, d))
    never = [(d, f"not done yet ({shipped[d]})") for d in fresh]
    passed = sorted((r for r in records if r.last_passed), key=lambda r: r.last_date)
    stale = [(r.drill, f"passed, last done {r.last_date[:10]}") for r in passed]
    return (failed + never + stale)[:count]
