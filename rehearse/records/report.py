"""`rehearse report DIR`: the trainer's view of a class, from every saved dialogue and drill report.

Files are read one at a time and only running totals are kept (per trainee and persona: counts,
outcomes, score sums and the scores for the chart), so memory stays flat however many sessions
there are. A dialogue is scored from what it saved (the same rule as the debrief, without
replaying it). Cut-off or invalid files are listed and skipped.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rehearse.content.playbook import Playbook
from rehearse.engine.ledger import Exchange
from rehearse.errors import RehearseError
from rehearse.records.charts import svg_chart
from rehearse.records.dialogue_file import read_dialogue
from rehearse.records.record_checks import whole
from rehearse.records.table_file import is_table_dialogue

NO_NAME = "(no name)"


@dataclass
class Tally:
    """Running totals for one trainee and one persona."""

    sessions: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    score_sum: int = 0
    turns: int = 0
    hints: int = 0
    corrections: int = 0
    scores: list[int] = field(default_factory=list)

    @property
    def mean(self) -> float:
        """Return the mean score."""
        return self.score_sum / self.sessions if self.sessions else 0.0


@dataclass
class ClassReport:
    """Everything the report shows."""

    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)
    derailments: Counter[str] = field(default_factory=Counter)
    misreadings: Counter[str] = field(default_factory=Counter)
    drills: dict[str, Counter[str]] = field(default_factory=dict)  # trainee -> passed/failed
    skipped: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0

    def trainees(self) -> list[str]:
        """Return the trainees, sorted."""
        return sorted({t for t, _ in self.tallies} | set(self.drills))


def report_files(root: Path) -> list[Path]:
    """Return the dialogues (``*.jsonl``) and drill reports (``*.xml``) under ``root``, sorted."""
    return sorted(p for p in root.rglob("*") if p.suffix in (".jsonl", ".xml") and p.is_file())


def trainee_of(root: Path, path: Path, header: dict[str, Any] | None = None) -> str:
    """Return who a file belongs to: the dialogue's ``trainee``, else the first folder under the root."""
    if header and isinstance(header.get("trainee"), str) and header["trainee"].strip():
        return str(header["trainee"]).strip()
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else NO_NAME


def build_report(
    root: Path,
    personas: Callable[[str], Playbook],
    files: list[Path] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ClassReport:
    """Read every file under ``root`` once (``personas`` loads a persona by id) and total them."""
    report = ClassReport()
    tables: dict[str, dict[str, int]] = {}  # table id -> each party's minimum, loaded once
    for path in files if files is not None else report_files(root):
        report.files += 1
        try:
            if path.suffix == ".xml":
                _add_junit(report, root, path)
            elif is_table_dialogue(path):
                _add_table(report, root, path, tables)
            else:
                _add_dialogue(report, root, path, personas)
        except (RehearseError, ET.ParseError, OSError, ValueError) as exc:
            report.skipped.append((str(path.relative_to(root)), str(exc).splitlines()[0][:200]))
        if progress is not None:
            progress(1)
    return report


def _add_dialogue(report: ClassReport, root: Path, path: Path, personas: Callable[[str], Playbook]) -> None:
    from rehearse.engine.scoring import score_parts

    dialogue = read_dialogue(path)
    persona = personas(str(dialogue.header.get("persona", "")))
    turns = dialogue.effective_turns()
    where = str(path.relative_to(root))
    if not turns:
        raise ValueError(f"no complete turn{': ' + dialogue.warnings[0] if dialogue.warnings else ''}")
    if dialogue.warnings:
        report.skipped.append((where, f"read in part: {dialogue.warnings[0]}"))
    last = turns[-1]
    outcome = str(last.get("outcome", "ongoing"))
    ledger = last.get("ledger")
    agreements = (
        [Exchange.from_dict(e) for e in ledger if isinstance(e, dict)] if isinstance(ledger, list) else []
    )
    start = persona.meters.get("trust", 0)
    meters: dict[str, Any] = last["meters"] if isinstance(last.get("meters"), dict) else {}
    saved_trust = meters.get("trust", start)
    end = saved_trust if isinstance(saved_trust, int) and not isinstance(saved_trust, bool) else start
    score = sum(points for _, points, _ in score_parts(persona, outcome, agreements, start, end))
    _tally(report, (trainee_of(root, path, dialogue.header), persona.id), outcome, score, turns)
    if outcome == "derailed":
        reasons = last.get("reasons") or [str(last.get("situation", "unknown"))]
        report.derailments[f"{persona.id}: {str(reasons[-1]).split(':')[0]}"] += 1
    _misreadings(report, turns)


def _tally(
    report: ClassReport, key: tuple[str, str], outcome: str, score: int, turns: list[dict[str, Any]]
) -> None:
    """Add one session (a dialogue or a table) to the running totals of its trainee and delegation."""
    tally = report.tallies.setdefault(key, Tally())
    tally.sessions += 1
    tally.outcomes[outcome] += 1
    tally.score_sum += score
    tally.scores.append(score)
    tally.turns += len(turns)
    tally.hints += sum(t.get("hint") is True for t in turns)
    tally.corrections += sum(t.get("corrected") is True for t in turns)


def _misreadings(report: ClassReport, turns: list[dict[str, Any]]) -> None:
    """Count the readings trainees corrected ("reciprocal read as demand")."""
    for turn in turns:
        read_as, move = turn.get("read_as"), turn.get("move")
        if turn.get("corrected") is True and isinstance(read_as, dict) and isinstance(move, dict):
            report.misreadings[f"{move.get('kind')} read as {read_as.get('kind')}"] += 1


def _add_table(report: ClassReport, root: Path, path: Path, tables: dict[str, dict[str, int]]) -> None:
    """Add a saved table session: scored from each party's saved steps and trust, as the table scores."""
    from rehearse.records.table_file import read_table_dialogue, score_of_table, table_of

    dialogue = read_table_dialogue(path)
    table_id = str(dialogue.header.get("table", "?"))
    if table_id not in tables:
        tables[table_id] = {pid: p.minimum for pid, p in table_of(dialogue).parties.items()}
    minimums = tables[table_id]
    turns = dialogue.turns
    if not turns:
        raise ValueError(f"no complete turn{': ' + dialogue.warnings[0] if dialogue.warnings else ''}")
    last = turns[-1]
    saved = last.get("parties")
    parties: dict[str, Any] = saved if isinstance(saved, dict) else {}
    agreed = {pid: whole(v.get("agreed")) for pid, v in parties.items() if isinstance(v, dict)}
    trust = {
        pid: whole(v["meters"].get("trust")) if isinstance(v.get("meters"), dict) else 0
        for pid, v in parties.items()
        if isinstance(v, dict)
    }
    outcome = str(last.get("outcome", "ongoing"))
    score = score_of_table(outcome, agreed, minimums, trust)
    _tally(report, (trainee_of(root, path, dialogue.header), table_id), outcome, score, turns)
    if outcome == "derailed":
        report.derailments[f"{table_id}: {last.get('party', '?')} walked out"] += 1
    _misreadings(report, turns)


MAX_XML_BYTES = 16 * 1024 * 1024


def _add_junit(report: ClassReport, root: Path, path: Path) -> None:
    if path.stat().st_size > MAX_XML_BYTES:
        raise ValueError(f"too large: a drill report is read up to {MAX_XML_BYTES:,} bytes")
    tree = ET.parse(path)
    cases = list(tree.iter("testcase"))
    if not cases:
        raise ValueError("not a JUnit report of drills (no test cases)")
    counts = report.drills.setdefault(trainee_of(root, path), Counter())
    for case in cases:
        failed = case.find("failure") is not None or case.find("error") is not None
        counts["failed" if failed else "passed"] += 1


def _rows(report: ClassReport) -> Iterator[tuple[str, str, Tally]]:
    for (trainee, persona), tally in sorted(report.tallies.items()):
        yield trainee, persona, tally


def report_markdown(report: ClassReport) -> str:
    """Return the report as a Markdown summary."""
    lines = ["# Class report", "", f"{report.files} files read, {len(report.skipped)} skipped.", ""]
    lines += [
        "| trainee | persona | sessions | agreements | derailed | mean score | turns | hints | corrections |"
    ]
    lines += ["|---|---|---|---|---|---|---|---|---|"]
    for trainee, persona, t in _rows(report):
        lines.append(
            f"| {_md(trainee)} | {persona} | {t.sessions} | {t.outcomes['agreement']} | {t.outcomes['derailed']} "
            f"| {t.mean:.0f} | {t.turns} | {t.hints} | {t.corrections} |"
        )
    if report.drills:
        lines += ["", "## Drills", "", "| trainee | passed | failed |", "|---|---|---|"]
        lines += [f"| {_md(t)} | {c['passed']} | {c['failed']} |" for t, c in sorted(report.drills.items())]
    lines += ["", "## Most common derailments", ""]
    lines += [f"- {_md(what)}: {n}" for what, n in report.derailments.most_common(5)] or ["- none"]
    lines += ["", "## Most common misreadings (corrected by trainees)", ""]
    lines += [f"- {_md(what)}: {n}" for what, n in report.misreadings.most_common(5)] or ["- none"]
    if report.skipped:
        lines += ["", "## Skipped files", ""]
        lines += [f"- `{_md(path)}`: {_md(why)}" for path, why in report.skipped]
    return "\n".join(lines) + "\n"


def report_html(report: ClassReport) -> str:
    """Return the report as one self-contained HTML page, with an SVG chart of scores per trainee."""
    e = html.escape
    by_trainee: dict[str, list[int]] = {}
    for trainee, _, tally in _rows(report):
        by_trainee.setdefault(trainee, []).extend(tally.scores)
    svg = (
        svg_chart("box", "Scores per trainee (all personas)", list(by_trainee.items()), width=760, height=320)
        if by_trainee
        else "<p>No dialogues.</p>"
    )
    rows = "".join(
        f"<tr><td>{e(trainee)}</td><td>{e(persona)}</td><td>{t.sessions}</td><td>{t.outcomes['agreement']}</td>"
        f"<td>{t.outcomes['derailed']}</td><td>{t.mean:.0f}</td><td>{t.turns}</td><td>{t.hints}</td>"
        f"<td>{t.corrections}</td></tr>"
        for trainee, persona, t in _rows(report)
    )
    drills = "".join(
        f"<tr><td>{e(t)}</td><td>{c['passed']}</td><td>{c['failed']}</td></tr>"
        for t, c in sorted(report.drills.items())
    )
    derail = "".join(f"<li>{e(w)}: {n}</li>" for w, n in report.derailments.most_common(5)) or "<li>none</li>"
    misread = (
        "".join(f"<li>{e(w)}: {n}</li>" for w, n in report.misreadings.most_common(5)) or "<li>none</li>"
    )
    skipped = "".join(f"<li><code>{e(p)}</code>: {e(w)}</li>" for p, w in report.skipped)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>rehearse: class report</title>
<style>body {{ font-family: system-ui, sans-serif; max-width: 60em; margin: 2em auto; line-height: 1.45; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #bbb; padding: 0.2em 0.6em; }}
svg {{ max-width: 100%; height: auto; }}</style></head><body>
<h1>Class report</h1><p>{report.files} files read, {len(report.skipped)} skipped.</p>
{svg}
<h2>Per trainee and persona</h2>
<table><tr><th>trainee</th><th>persona</th><th>sessions</th><th>agreements</th><th>derailed</th>
<th>mean score</th><th>turns</th><th>hints</th><th>corrections</th></tr>{rows}</table>
<h2>Drills</h2><table><tr><th>trainee</th><th>passed</th><th>failed</th></tr>{drills}</table>
<h2>Most common derailments</h2><ul>{derail}</ul>
<h2>Most common misreadings (corrected by trainees)</h2><ul>{misread}</ul>
{"<h2>Skipped files</h2><ul>" + skipped + "</ul>" if skipped else ""}
</body></html>
"""


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
