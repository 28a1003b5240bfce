"""`rehearse export` of a saved table session: Markdown, an HTML page, a table drill or labelled lines.

Everything read from the file is untrusted: the Markdown escapes it with ``md_text``, the page with
``html.escape``, the drill and the corpus quote it as YAML. A file damaged in places exports what
can be read (the reader's warnings go to stderr).
"""

from __future__ import annotations

import html
from typing import Any

import yaml

from rehearse.content.playbook import Playbook
from rehearse.content.table_drills import TABLE_STATES
from rehearse.content.tables import TableSpec, resolve_table
from rehearse.engine.table import TABLE, TableSession, TableTurn
from rehearse.errors import DialogueFileError, RehearseError
from rehearse.moves import MOVE_KINDS, OUTCOMES
from rehearse.records.export import (
    FORMATS,
    corpus_line,
    corrected_note,
    item_ids,
    item_labels,
    md_text,
    meter_chart,
)
from rehearse.records.table_file import TableDialogue, table_of


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _move(record: dict[str, Any]) -> dict[str, Any]:
    return _dict(record.get("move"))


def _records(items: object) -> list[dict[str, Any]]:
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _outcome(records: list[dict[str, Any]]) -> str:
    return str(records[-1].get("outcome", "ongoing")) if records else "ongoing"


def _changes(reaction: dict[str, Any]) -> str:
    return ", ".join(f"{k} {v:+d}" for k, v in _dict(reaction.get("changes")).items() if type(v) is int)


def _md_note(record: dict[str, Any]) -> str:
    note = corrected_note(record)
    return f" {md_text(note)}" if note else ""


def table_markdown(dialogue: TableDialogue) -> str:
    """Return a saved table session as a Markdown record: each message, who answered, the reactions."""
    header, records = dialogue.header, dialogue.turns
    lines = [
        f"# Table {md_text(header.get('table'))}",
        "",
        f"Seed {md_text(header.get('seed'))}, started {md_text(header.get('started'))}.",
        "",
        "## Turns",
        "",
    ]
    for record in records:
        lines += [
            f"### Turn {md_text(record.get('turn'))}: to {md_text(record.get('party'))}",
            "",
            f"**You:** {md_text(record['say'])}",
            "",
        ]
        if isinstance(record.get("reply"), str):
            lines += [
                f"**{md_text(record.get('party'))}:** {md_text(record['reply'])}",
                "",
                f"- read as **{md_text(_move(record).get('kind'))}**{_md_note(record)}",
            ]
        for reaction in _records(record.get("reactions")):
            lines.append(f"- *{md_text(reaction.get('party'))}:* {md_text(reaction.get('reply', ''))}")
        if record.get("notice"):
            lines.append(f"- **{md_text(record['notice'])}**")
        lines.append("")
    if dialogue.taken_back:
        lines += ["## Taken back", "", "Messages the trainee played and then took back (/undo):", ""]
        for record in dialogue.taken_back:
            lines.append(
                f"- turn {md_text(record.get('turn'))}, to {md_text(record.get('party'))}: "
                f"{md_text(record.get('say', ''))} (read as **{md_text(_move(record).get('kind'))}**)"
            )
        lines.append("")
    lines += [f"## Outcome: {md_text(_outcome(records))}", ""]
    return "\n".join(lines)


def _name(spec: TableSpec | None, party: object, capital: bool = False) -> str:
    """Return how the table names a party ('the whole table' for a message to everyone)."""
    pid = str(party)
    name = (
        "the whole table" if pid == TABLE else spec.parties[pid].name if spec and pid in spec.parties else pid
    )
    return name[:1].upper() + name[1:] if capital else name


def _meter_series(spec: TableSpec, pid: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return one ``{"meters": ...}`` a turn for a party: saved with the turn, else carried and nudged."""
    meters = dict(spec.parties[pid].persona.meters)
    series = []
    for record in records:
        found = _dict(_dict(_dict(record.get("parties")).get(pid)).get("meters"))
        if not found and record.get("party") == pid:
            found = _dict(record.get("meters"))
        if found:  # saved with the turn (every party since the snapshot; the addressed one before)
            meters.update({k: v for k, v in found.items() if k in meters and type(v) is int})
        for reaction in [] if found else _records(record.get("reactions")):
            for k, v in _dict(reaction.get("changes")).items() if reaction.get("party") == pid else ():
                if k in meters and type(v) is int:
                    meters[k] = min(100, max(0, meters[k] + v))
        series.append({"meters": dict(meters)})
    return series


def _persona(spec: TableSpec, party: object) -> Playbook:
    """Return the persona that read a message to ``party`` (the chair's for the whole table)."""
    pid = str(party)
    return spec.parties[pid if pid in spec.parties else spec.chair].persona


def _turn_html(record: dict[str, Any], spec: TableSpec | None, session: TableSession | None) -> str:
    e = html.escape
    party, corrected = record.get("party"), record.get("corrected") is True
    to_table = party == TABLE or (session is not None and session.address(str(record["say"]))[0] == TABLE)
    to = _name(spec, party)
    if to_table and party != TABLE:
        to = f"the whole table; the chair, {to}, answers"
    on = (("corrected reading", corrected), ("hint", record.get("hint") is True))
    tags = "".join(f' <span class="tag">{tag}</span>' for tag, shown in on if shown)
    out = [
        f'<h3>Turn {e(str(record.get("turn")))} <span class="to">to {e(to)}</span>{tags}</h3>',
        f'<p class="you"><b>You → {e(_name(spec, TABLE if to_table else party))}:</b> {e(str(record["say"]))}</p>',
    ]
    if isinstance(record.get("reply"), str):
        move, items = _move(record), ""
        if spec is not None:
            persona = _persona(spec, party)
            gives, asks = (
                item_labels(persona, item_ids(move.get("gives"))),
                item_labels(persona, item_ids(move.get("asks"))),
            )
            items = f"; offers {gives}; asks {asks}"
        meters = "".join(f", {k} {v}" for k, v in _dict(record.get("meters")).items())[1:]
        out += [
            f'<p class="them"><b>{e(_name(spec, party, True))}:</b> {e(record["reply"])}</p>',
            f'<p class="read">Read as <b>{e(str(move.get("kind")))}</b>{e(items + corrected_note(record))}.'
            f" Stage {e(str(record.get('state')))}{';' if meters else ''}{e(meters)}.</p>",
        ]
    for reaction in _records(record.get("reactions")):
        changes = f" ({_changes(reaction)})" if _changes(reaction) else ""
        out.append(
            f'<p class="reaction">↳ <b>{e(_name(spec, reaction.get("party"), True))}:</b> '
            f"{e(str(reaction.get('reply', '')))}{e(changes)}</p>"
        )
    if record.get("notice"):
        out.append(f'<p class="notice">{e(str(record["notice"]))}</p>')
    return f'<section class="turn{" corrected" if corrected else ""}">{"".join(out)}</section>'


def _seated_html(spec: TableSpec, records: list[dict[str, Any]]) -> str:
    """Return who sat at the table and where each party stood at the end."""
    e = html.escape
    last = _dict(records[-1].get("parties")) if records else {}
    rows = []
    for pid, party in spec.parties.items():
        at_end = _dict(last.get(pid))
        meters = _dict(at_end.get("meters"))
        cells = [
            f"{_name(spec, pid, True)}{' (chair)' if pid == spec.chair else ''}",
            party.persona.leader,
            f"{at_end.get('agreed', '?')} (needs {party.minimum})",
            str(at_end.get("state", "?")),
            *(str(meters.get(m, "?")) for m in ("trust", "tension")),
        ]
        rows.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("Party", "Led by", "Steps agreed", "Stage", "Trust", "Tension"))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def table_html(dialogue: TableDialogue, spec: TableSpec | None) -> str:
    """Return a saved table session as one self-contained HTML page (no script, nothing fetched)."""
    e = html.escape
    header, records = dialogue.header, dialogue.turns
    session = TableSession(spec, 0) if spec else None
    title = spec.title if spec else f"Table {header.get('table')}"
    turns = "".join(_turn_html(r, spec, session) for r in records)
    back = "".join(
        f"<li>turn {e(str(r.get('turn')))}, to {e(_name(spec, r.get('party')))}: {e(str(r.get('say', '')))} "
        f"(read as <b>{e(str(_move(r).get('kind')))}</b>; {e(str(r.get('reply', r.get('notice', ''))))})</li>"
        for r in dialogue.taken_back
    )
    charts = seated = ""
    if spec is not None:
        figures = "".join(
            f"<figure><figcaption>{e(_name(spec, pid, True))}</figcaption>"
            f"{meter_chart(party.persona, _meter_series(spec, pid, records), 260, 140)}</figure>"
            for pid, party in spec.parties.items()
        )
        charts = f'<h2>Meters</h2><div class="charts">{figures}</div>'
        seated = f"<h2>At the table</h2><p>{e(spec.user_role)}</p>{_seated_html(spec, records)}"
    last = records[-1] if records else {}
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>
body {{ font-family: Georgia, serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #111; }}
h1 {{ font-size: 1.6rem; }} .meta, .to, .tag {{ color: #555; font-weight: normal; }}
.to {{ font-size: .9rem; }} .tag {{ font-size: .8rem; border: 1px solid #999; border-radius: 3px; padding: 0 .3rem; }}
.turn {{ border-top: 1px solid #ccc; padding: .3rem 0; break-inside: avoid; }}
.corrected {{ border-left: 3px solid #ef6c00; padding-left: .6rem; }}
.you {{ color: #0d47a1; }} .read {{ color: #444; font-size: .9rem; }}
.reaction {{ color: #666; font-size: .9rem; margin: .2rem 0 .2rem 1rem; }}
.notice {{ font-weight: bold; color: #4a148c; }}
table {{ border-collapse: collapse; font-size: .9rem; }} td, th {{ border-bottom: 1px solid #ddd; padding: .2rem .5rem; text-align: left; }}
.charts {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .5rem; }}
figure {{ margin: 0; }} figcaption {{ font-size: .9rem; }} .chart {{ width: 100%; height: auto; }}
@media print {{ body {{ margin: 0; max-width: none; }} }}
</style></head><body>
<h1>{e(title)}</h1>
<p class="meta">Table {e(str(header.get("table")))}, seed {e(str(header.get("seed")))}, started {e(str(header.get("started")))}.
Outcome: <b>{e(_outcome(records))}</b>.</p>
{seated}{charts}
<h2>Turns</h2>{turns or "<p>No message was played.</p>"}
{f"<h2>Taken back</h2><ul>{back}</ul>" if back else ""}
<h2>Outcome: {e(_outcome(records))}</h2>
<p>{e(str(last.get("notice") or f"The table is {last.get('table_state', 'talking')} after {len(records)} turns."))}</p>
</body></html>
"""


def _replay(spec: TableSpec, seed: int, records: list[dict[str, Any]]) -> list[TableTurn | None]:
    """Play the standing messages at today's table as a drill does (no correction); None once it ended."""
    table = TableSession(spec, seed)
    played: list[TableTurn | None] = []
    for record in records:
        try:
            played.append(table.say(str(record["say"])) if table.outcome == "ongoing" else None)
        except RehearseError:
            played.append(None)
    return played


def _kind(value: object) -> str:
    return str(value) if value in MOVE_KINDS else "?"


def _expect(
    spec: TableSpec, party: object, kind: object, reacted: list[object], *at: object
) -> dict[str, Any]:
    """Return a table drill's expectation, leaving out whatever a damaged file got wrong."""
    expect: dict[str, Any] = {}
    if party == TABLE or party in spec.parties:
        expect["party"] = party
    if kind in MOVE_KINDS:
        expect["kind"] = kind
    if all(p in spec.parties for p in reacted):
        expect["reactions"] = sorted({str(p) for p in reacted})
    state, outcome = at
    if state in TABLE_STATES:
        expect["table"] = state
    if outcome in OUTCOMES:
        expect["outcome"] = outcome
    return expect


def _saved_expect(spec: TableSpec, record: dict[str, Any]) -> dict[str, Any]:
    reacted = [r.get("party") for r in _records(record.get("reactions"))]
    kind = _move(record).get("kind") if isinstance(record.get("reply"), str) else None
    return _expect(spec, record.get("party"), kind, reacted, record.get("table_state"), record.get("outcome"))


def _played_expect(spec: TableSpec, turn: TableTurn) -> dict[str, Any]:
    kind = turn.turn.move.kind if turn.turn is not None else None
    return _expect(spec, turn.party, kind, [r.party for r in turn.reactions], turn.state, turn.outcome)


def _flow(expect: dict[str, Any]) -> str:
    """Return an expectation on one line, for a comment."""
    return yaml.safe_dump(expect, default_flow_style=True, sort_keys=False, width=10_000).strip()


def table_drill(dialogue: TableDialogue, spec: TableSpec, drill_id: str) -> str:
    """Return a table drill that expects what happened; from a corrected reading on, what a replay does.

    A drill plays messages, never corrections: a corrected turn expects the reader's reading today
    (marked ``# corrected reading``) and the turns after it expect the table as it goes on from
    there, so the drill passes on today's table.
    """
    records = dialogue.turns
    seed = dialogue.seed  # as replay --check reads a damaged header
    if not 0 <= seed < 2**31:
        raise DialogueFileError(f"a drill's seed is 0 to {2**31 - 1}; this session's seed {seed} is not")
    replayed = _replay(spec, seed, records)
    first = next((i for i, r in enumerate(records) if r.get("corrected") is True), len(records))
    steps, marks = [], []
    for index, (record, today) in enumerate(zip(records, replayed, strict=True)):
        saved = _saved_expect(spec, record)
        played = _played_expect(spec, today) if today is not None else {}
        expect, mark = (saved, "") if index < first else (played, "")
        if index < first and today is not None and played != saved:
            mark = f"# today's table plays this as {_flow(played)}: see rehearse replay --check"
        elif index >= first and today is None:
            mark = "# not reached: without the corrected reading the table has already ended here"
        elif record.get("corrected") is True:
            read_as = record.get("read_as")
            mark = (
                f"# corrected reading: the trainee corrected it to {_kind(_move(record).get('kind'))} (first"
                f" read {_kind(_dict(read_as).get('kind'))}); a drill cannot replay a"
                " correction, so this expects the reader's reading"
            )
        elif index > first and played != saved:
            mark = f"# in the session, after the corrected reading: {_flow(saved)}"
        marks.append(mark)
        steps.append({"say": record["say"], "expect": expect} if expect else {"say": record["say"]})
    ended = next((t for t in reversed(replayed) if t is not None), None)
    outcome = ended.outcome if first < len(records) and ended is not None else _outcome(records)
    shipped, here = resolve_table(spec.id), spec.path.resolve()  # a table file not shipped: its path
    drill: dict[str, Any] = {
        "drill": drill_id,
        "table": spec.id if shipped and shipped.resolve() == here else str(here),
        "seed": seed,
        "title": f"Replay of {dialogue.path.name}",
        "briefing": f"Frozen from a saved session at the table: {spec.title}. {spec.user_role}",
        "turns": steps,
    }
    if outcome in OUTCOMES:
        drill["objectives"] = {"outcome": outcome}
    text = yaml.safe_dump(drill, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)
    found = iter(marks)
    lines = []
    for line in text.splitlines():
        if line.startswith(("- say:", "- {say:")):  # a step with no expectation is one flow line
            mark = next(found, "")
            lines += [mark] if mark else []
        lines.append(line)
    return "\n".join(lines) + "\n"


def table_corpus(dialogue: TableDialogue, spec: TableSpec) -> str:
    """Return each standing message as a labelled utterance for the persona of the party it went to."""
    session = TableSession(spec, 0)
    lines = [
        f"# Labelled utterances from the table session {dialogue.path.name} (table {spec.id}).",
        "# persona: whom the message went to (the chair's for the whole table); the address is left out.",
        "# kind: reciprocal | demand | threat | concession | question | accept | reject | other",
        "# gives: items the user offers; asks: items the user requests from that persona.",
        "# Check each label (uncorrected turns carry the reader's reading), then split the lines by",
        "# persona into tests/corpus/<persona>_tuning<N>.yaml.",
    ]
    for record in dialogue.turns:
        move, say, persona = record.get("move"), record["say"], _persona(spec, record.get("party"))
        if not isinstance(move, dict) or not say.strip():
            continue  # a party that had left, or the joint statement: nothing was read
        known = all(i in persona.items for k in ("gives", "asks") for i in item_ids(move.get(k)))
        if move.get("kind") not in MOVE_KINDS or not known:
            dialogue.warnings.append(
                f"{dialogue.path}: turn {record.get('turn')}: labels unknown to persona {persona.id}"
                " (a damaged line, or the persona changed); left out of the corpus"
            )
            continue
        text = " ".join(session.address(say)[1].split()) or " ".join(say.split())
        line = f"- {{persona: {persona.id}, {corpus_line(move, text).removeprefix('- {')}"  # ids are checked
        if record.get("corrected") is True:
            line += f"  # corrected by the trainee; the reader read {_kind(_dict(record.get('read_as')).get('kind'))}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def render_table_export(dialogue: TableDialogue, fmt: str) -> str:
    """Return the export of a saved table session in one of FORMATS (a table it needs must load)."""
    if fmt == "md":
        return table_markdown(dialogue)
    if fmt not in FORMATS:
        raise DialogueFileError(f"unknown export format '{fmt}' (choose {', '.join(FORMATS)})")
    try:
        spec = table_of(dialogue)
    except DialogueFileError as exc:
        if fmt != "html":
            raise DialogueFileError(f"cannot export it as a {fmt}: {exc}") from None
        dialogue.warnings.append(f"{exc}; the page names parties by id and has no meter charts")
        return table_html(dialogue, None)
    if fmt == "html":
        return table_html(dialogue, spec)
    return table_drill(dialogue, spec, dialogue.path.stem) if fmt == "drill" else table_corpus(dialogue, spec)
