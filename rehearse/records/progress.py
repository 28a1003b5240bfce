"""What `rehearse progress` shows, computed headless: per persona, scores over time; drills; what next.

The terminal screen (``rehearse.ui.screens.progress``) and the HTML page (``progress_html``) both
draw from :func:`summarize`, so they always say the same.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from rehearse.records.charts import svg_chart
from rehearse.records.history import DrillRecord, HistoryEntry, drill_records, next_drills, read_history


@dataclass(frozen=True)
class PersonaProgress:
    """One persona's sessions over time."""

    persona: str
    entries: list[HistoryEntry]

    @property
    def scores(self) -> list[int]:
        """Return the scores, oldest first."""
        return [e.score for e in self.entries]

    def line(self) -> str:
        """Return a one-line summary: sessions, agreements, best, last, hints and corrections."""
        agreed = sum(e.outcome == "agreement" for e in self.entries)
        last = self.entries[-1]
        hints = sum(e.hints for e in self.entries)
        corrections = sum(e.corrections for e in self.entries)
        return (
            f"{len(self.entries)} session{'s' if len(self.entries) != 1 else ''}, {agreed} agreed; "
            f"best {max(self.scores)}, last {last.score} ({last.outcome}, {last.date[:10]}); "
            f"{hints} hint{'s' if hints != 1 else ''} used, {corrections} correction"
            f"{'s' if corrections != 1 else ''}"
        )


@dataclass(frozen=True)
class Progress:
    """Everything `rehearse progress` shows."""

    personas: list[PersonaProgress]
    drills: list[DrillRecord]
    next: list[tuple[str, str]]
    skipped: int = 0
    shipped: dict[str, str] = field(default_factory=dict)


def shipped_drills() -> dict[str, str]:
    """Return the shipped drills' ids with their persona (or table), read from their top-level keys."""
    from rehearse.content.shelf import shelved_drills

    return {d.id: d.persona or d.table or "" for d in shelved_drills()}


def summarize(path: Path, shipped: dict[str, str] | None = None) -> Progress:
    """Read the history at ``path`` and summarize it per persona, with drills and what to do next."""
    entries, skipped = read_history(path)
    by_persona: dict[str, list[HistoryEntry]] = {}
    for entry in entries:
        by_persona.setdefault(entry.persona, []).append(entry)
    drills = drill_records(entries)
    available = shipped_drills() if shipped is None else shipped
    personas = [PersonaProgress(p, e) for p, e in sorted(by_persona.items())]
    suggested = next_drills(drills, available, practiced=by_persona)
    return Progress(personas, drills, suggested, skipped, available)


def progress_html(progress: Progress) -> str:
    """Return the progress as one self-contained HTML page, with an SVG chart of scores per persona."""
    e = html.escape
    sections = []
    for persona in progress.personas:
        svg = svg_chart(
            "line",
            f"{persona.persona}: score by session",
            [("score", persona.scores)],
            x_labels=[entry.date[:10] for entry in persona.entries],
        )
        sections.append(f"<h2>{e(persona.persona)}</h2><p>{e(persona.line())}</p>{svg}")
    drills = "".join(
        f"<tr><td>{e(d.drill)}</td><td>{e(d.persona)}</td><td>{d.passed} of {d.plays}</td>"
        f"<td>{'passed' if d.last_passed else 'failed'}</td><td>{e(d.last_date[:10])}</td></tr>"
        for d in progress.drills
    )
    next_items = "".join(f"<li><b>{e(d)}</b>: {e(why)}</li>" for d, why in progress.next)
    empty = "<p>No finished sessions yet.</p>" if not progress.personas else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>rehearse: progress</title>
<style>body {{ font-family: system-ui, sans-serif; max-width: 50em; margin: 2em auto; line-height: 1.45; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #bbb; padding: 0.2em 0.6em; }}
svg {{ max-width: 100%; height: auto; }}</style></head><body>
<h1>Progress</h1>{empty}{"".join(sections)}
<h2>Drills played live</h2>
<table><tr><th>drill</th><th>persona</th><th>passed</th><th>last</th><th>when</th></tr>{drills}</table>
<h2>Next</h2><ul>{next_items or "<li>nothing to suggest</li>"}</ul>
</body></html>
"""
