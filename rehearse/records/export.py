"""`rehearse export`: a saved dialogue as Markdown, HTML, a drill or labelled corpus utterances.

The HTML is one self-contained page with a meter chart; the drill expects what happened. Files are
written atomically.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from rehearse.content.playbook import Playbook
from rehearse.engine.ledger import Exchange
from rehearse.engine.turns import roadmap_lines
from rehearse.errors import DialogueFileError
from rehearse.records.coaching import coaching, coaching_html, coaching_markdown
from rehearse.records.dialogue_file import FORMAT, Dialogue, taken_back

FORMATS = ("md", "html", "drill", "corpus")


def item_labels(persona: Playbook, ids: list[str]) -> str:
    """Return the labels of these item ids as a list in words ('nothing' when there are none)."""
    from rehearse.content.templates import and_list

    return and_list(persona.items[i].label if i in persona.items else i for i in ids)


def _roadmap(persona: Playbook, turns: list[dict[str, Any]]) -> list[str]:
    ledger = turns[-1].get("ledger", []) if turns else []
    return roadmap_lines(persona, [Exchange.from_dict(e) for e in ledger if isinstance(e, dict)])


def corrected_note(record: dict[str, Any]) -> str:
    """Return ' (corrected by the trainee; first read as X)' for a corrected turn record, else ''."""
    read_as = record.get("read_as")
    if record.get("corrected") is not True:
        return ""
    first = read_as.get("kind") if isinstance(read_as, dict) else None
    return f" (corrected by the trainee; first read as {first})" if first else " (corrected by the trainee)"


def _outcome(turns: list[dict[str, Any]]) -> str:
    return str(turns[-1].get("outcome", "ongoing")) if turns else "ongoing"


def to_markdown(dialogue: Dialogue, persona: Playbook) -> str:
    """Return the dialogue as a Markdown record for a debrief."""
    turns = dialogue.effective_turns()
    header = dialogue.header
    lines = [
        f"# {persona.title}",
        "",
        f"*{persona.user_role}* Persona `{persona.id}`, seed {header.get('seed')}, started {header.get('started')}.",
        "",
        "## Briefing",
        "",
        persona.briefing,
        "",
        "## Turns",
        "",
    ]
    for record in turns:
        move = record.get("move", {})
        meters = ", ".join(f"{k} {v}" for k, v in record.get("meters", {}).items())
        lines += [
            f"### Turn {record.get('turn')}",
            "",
            f"**You:** {md_text(record.get('say', ''))}",
            "",
            f"**{persona.name}:** {md_text(record.get('reply', ''))}",
            "",
            f"- read as **{move.get('kind')}**; offers {item_labels(persona, move.get('gives', []))}; "
            f"asks {item_labels(persona, move.get('asks', []))}{corrected_note(record)}",
            f"- stage {record.get('state')}; {meters}",
        ]
        lines += [f"- {reason}" for reason in record.get("reasons", [])]
        lines.append("")
    back = taken_back(dialogue.entries)
    if back:
        lines += ["## Taken back", "", "Moves the trainee played and then took back (Ctrl+Z or /undo):", ""]
        for record in back:
            kind = record.get("move", {}).get("kind") if isinstance(record.get("move"), dict) else None
            lines.append(
                f"- turn {record.get('turn')}: {md_text(str(record.get('say', '')))} (read as **{kind}**; "
                f"{md_text(str(record.get('reply', '')))})"
            )
        lines.append("")
    lines += ["## Roadmap", ""]
    lines += [f"- {line}" for line in _roadmap(persona, turns)] or ["Nothing agreed."]
    lines += ["", f"## Outcome: {_outcome(turns)}", ""]
    lines += coaching_markdown(coaching(dialogue, persona), md_text)
    return "\n".join(lines)


def meter_chart(persona: Playbook, turns: list[dict[str, Any]], width: int = 640, height: int = 180) -> str:
    """Return an inline SVG line chart of the meters over the turns."""
    colours = {"trust": "#2e7d32", "tension": "#c62828"}
    series = {
        name: [value] + [int(t.get("meters", {}).get(name, value)) for t in turns]
        for name, value in persona.meters.items()
    }
    count = max(len(next(iter(series.values()))) - 1, 1)
    pad = 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Meters over the turns" class="chart">',
        f'<rect x="{pad}" y="10" width="{width - 2 * pad}" height="{height - 40}" fill="none" stroke="#999"/>',
    ]
    for level in (0, 50, 100):
        y = 10 + (height - 40) * (1 - level / 100)
        parts.append(f'<text x="4" y="{y + 4:.0f}" font-size="10">{level}</text>')
    step = max(1, count // 10 + (1 if count % 10 else 0)) if count > 10 else 1
    for turn in [*range(0, count, step), count]:  # the turn axis, the last turn always labelled
        x = pad + (width - 2 * pad) * turn / count
        parts.append(f'<text x="{x:.1f}" y="{height - 18}" font-size="10" text-anchor="middle">{turn}</text>')
    parts.append(f'<text x="{width - pad}" y="{height - 4}" font-size="10" text-anchor="end">turn</text>')
    for index, (name, values) in enumerate(series.items()):
        points = " ".join(
            f"{pad + (width - 2 * pad) * i / count:.1f},{10 + (height - 40) * (1 - v / 100):.1f}"
            for i, v in enumerate(values)
        )
        colour = colours.get(name, "#1565c0")
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts.append(
            f'<text x="{pad + 90 * index}" y="{height - 8}" font-size="12" fill="{colour}">{html.escape(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _taken_back_html(dialogue: Dialogue) -> str:
    """Return the moves taken back as an HTML section ('' when there are none)."""
    back = taken_back(dialogue.entries)
    if not back:
        return ""
    e = html.escape
    items = "".join(
        f"<li>turn {e(str(r.get('turn')))}: {e(str(r.get('say', '')))} "
        f"(read as <b>{e(str((r.get('move') or {}).get('kind')))}</b>)</li>"
        for r in back
    )
    return f"<h2>Taken back</h2><ul>{items}</ul>\n"


def to_html(dialogue: Dialogue, persona: Playbook) -> str:
    """Return the dialogue as one self-contained HTML page, readable printed."""
    turns = dialogue.effective_turns()
    e = html.escape
    rows = []
    for record in turns:
        move = record.get("move", {})
        reasons = "".join(f"<li>{e(r)}</li>" for r in record.get("reasons", []))
        meters = ", ".join(f"{e(str(k))} {v}" for k, v in record.get("meters", {}).items())
        rows.append(
            f'<section class="turn"><h3>Turn {record.get("turn")}</h3>'
            f'<p class="you"><b>You:</b> {e(str(record.get("say", "")))}</p>'
            f'<p class="them"><b>{e(persona.name)}:</b> {e(str(record.get("reply", "")))}</p>'
            f'<p class="read">Read as <b>{e(str(move.get("kind")))}</b>; offers {e(item_labels(persona, move.get("gives", [])))}; '
            f"asks {e(item_labels(persona, move.get('asks', [])))}{e(corrected_note(record))}. Stage {e(str(record.get('state')))}; {meters}.</p>"
            f"<ul>{reasons}</ul></section>"
        )
    roadmap = (
        "".join(f"<li>{e(line)}</li>" for line in _roadmap(persona, turns)) or "<li>Nothing agreed.</li>"
    )
    briefing = "".join(f"<p>{e(p)}</p>" for p in persona.briefing.split("\n\n"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(persona.title)}</title>
<style>
body {{ font-family: Georgia, serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #111; }}
h1 {{ font-size: 1.6rem; }} .meta {{ color: #555; }}
.turn {{ border-top: 1px solid #ccc; padding: .3rem 0; break-inside: avoid; }}
.you {{ color: #0d47a1; }} .read {{ color: #444; font-size: .9rem; }}
.chart {{ width: 100%; height: auto; }}
@media print {{ body {{ margin: 0; max-width: none; }} a {{ color: inherit; }} }}
</style></head><body>
<h1>{e(persona.title)}</h1>
<p class="meta">{e(persona.user_role)} Persona {e(persona.id)}, seed {e(str(dialogue.header.get("seed")))},
started {e(str(dialogue.header.get("started")))}. Outcome: <b>{e(_outcome(turns))}</b>.</p>
<h2>Briefing</h2>{briefing}
<h2>Meters</h2>{meter_chart(persona, turns)}
<h2>Turns</h2>{"".join(rows)}
{_taken_back_html(dialogue)}{coaching_html(coaching(dialogue, persona), html.escape)}<h2>Roadmap</h2><ul>{roadmap}</ul>
</body></html>
"""


UNSURE = 0.6


def _drill_mark(record: dict[str, Any]) -> str:
    """Return a comment marking a turn whose reading a trainer should check, or ''."""
    read_as = record.get("read_as")
    if record.get("corrected") is True and isinstance(read_as, dict):
        return (
            f"# misread: the reader read this as {read_as.get('kind')}; the trainee corrected it,"
            " so this turn fails until the reader reads it as corrected"
        )
    confidence = record.get("confidence")
    if isinstance(confidence, (int, float)) and not isinstance(confidence, bool) and confidence < UNSURE:
        return f"# unsure reading (confidence {confidence:.2f}): check kind, gives and asks before keeping it"
    return ""


def to_drill(dialogue: Dialogue, persona: Playbook, drill_id: str) -> str:
    """Return a drill (docs/drills.md) that expects what happened; misread or unsure turns are marked."""
    turns = dialogue.effective_turns()
    steps = []
    for record in turns:
        move = record.get("move", {})
        steps.append(
            {
                "say": record.get("say", ""),
                "expect": {
                    "kind": move.get("kind"),
                    "gives": list(move.get("gives", [])),
                    "asks": list(move.get("asks", [])),
                    "state": record.get("state"),
                    "outcome": record.get("outcome"),
                },
            }
        )
    drill = {
        "drill": drill_id,
        "persona": persona.id,
        "seed": dialogue.header.get("seed", 0),
        "title": f"Replay of {dialogue.path.name}",
        "briefing": f"Frozen from a saved session against the {persona.name}. {persona.user_role}",
        "handover": 0,
        "turns": steps,
        "objectives": {"outcome": _outcome(turns)},
    }
    text: str = yaml.safe_dump(drill, sort_keys=False, allow_unicode=True, width=100)
    marks = iter([_drill_mark(record) for record in turns])
    lines = []
    for line in text.splitlines():
        if line.startswith("- say:"):
            mark = next(marks, "")
            if mark:
                lines.append(mark)
        lines.append(line)
    return "\n".join(lines) + "\n"


def item_ids(value: object) -> list[str]:
    """Return a saved list of item ids, sorted (anything else gives no ids)."""
    return sorted(str(i) for i in value) if isinstance(value, list) else []


def corpus_line(move: dict[str, Any], text: str) -> str:
    """Return one labelled utterance as a YAML flow line: text, kind, gives and asks."""
    kind = str(move.get("kind", "other"))
    gives = ", ".join(item_ids(move.get("gives")))
    asks = ", ".join(item_ids(move.get("asks")))
    return (
        f"- {{text: {json.dumps(text, ensure_ascii=False)}, kind: {kind}, gives: [{gives}], asks: [{asks}]}}"
    )


def to_corpus(dialogue: Dialogue, persona: Playbook) -> str:
    """Return the session's messages as labelled utterances (a corrected turn's correction wins)."""
    lines = [
        f"# Labelled utterances for persona {persona.id}, from {dialogue.path.name}.",
        "# kind: reciprocal | demand | threat | concession | question | accept | reject | other",
        "# gives: items the user offers; asks: items the user requests from the persona.",
        "# Check each label before adding these to a corpus: uncorrected turns carry the reader's reading.",
    ]
    for record in dialogue.effective_turns():
        move = record.get("move")
        text = record.get("say")
        if not isinstance(move, dict) or not isinstance(text, str) or not text.strip():
            continue
        line = corpus_line(move, " ".join(text.split()))
        read_as = record.get("read_as")
        if record.get("corrected") is True and isinstance(read_as, dict):
            line += f"  # corrected by the trainee; the reader read {read_as.get('kind')}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def render_export(dialogue: Dialogue, persona: Playbook, fmt: str) -> str:
    """Return the export of a dialogue in one of FORMATS."""
    if fmt == "md":
        return to_markdown(dialogue, persona)
    if fmt == "html":
        return to_html(dialogue, persona)
    if fmt == "drill":
        return to_drill(dialogue, persona, dialogue.path.stem)
    if fmt == "corpus":
        return to_corpus(dialogue, persona)
    raise DialogueFileError(f"unknown export format '{fmt}' (choose {', '.join(FORMATS)})")


def _umask() -> int:
    """Return the process's file-creation mask."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~!])")
"""What Markdown would read as formatting, a link or HTML in the middle of a line."""


def md_text(text: object) -> str:
    """Return text typed by a user or a reply as Markdown that shows it literally (no links, no HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename; never over a dialogue."""
    if path.exists():
        if not path.is_file():  # a folder, a FIFO (opening it would block) or a device
            raise DialogueFileError(f"'{path}' is not a regular file; choose another output file")
        try:
            with path.open(encoding="utf-8") as handle:
                first = handle.readline(4096)
        except (OSError, UnicodeDecodeError):
            first = ""
        if "rehearse-table-dialogue" in first:
            raise DialogueFileError(f"'{path}' is a saved table session; choose another output file")
        if FORMAT in first:
            raise DialogueFileError(f"'{path}' is a saved dialogue; choose another output file")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(temp, 0o666 & ~_umask())  # as any new file (mkstemp makes it private)
        os.replace(temp, path)
    except OSError as exc:
        raise DialogueFileError(f"cannot write '{path}': {exc.strerror}") from None
