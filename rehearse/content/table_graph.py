"""`rehearse graph TABLE`: a table of delegations as Mermaid or Graphviz dot text.

Each party is a node (its name, leader and the exchanges it needs before the joint statement; the
chair and the trainee's side marked); each link is an edge from the party addressed to the party
that reacts, numbered in table order and labelled with its move kinds, items and meter effects.
Given the turns of a saved table session, the links that fired are marked (✔ and the count in
Mermaid, red in dot). ``party_graph`` draws one party's own machine (the persona graph) as seated
at the table, with the path that party took in a saved session.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from rehearse.content.checker import suggest
from rehearse.content.graph import path_pairs, to_dot, to_mermaid
from rehearse.content.tables import Link, TableSpec
from rehearse.errors import RehearseError
from rehearse.moves import MOVE_KINDS

ANY = "*"
YOU = "@trainee"
"""The trainee's node in dot (no party id starts with '@')."""
CHAIR_STYLE = "#fff3cd"
PARTY_STYLE = "#e3f2fd"
YOU_STYLE = "#e8f5e9"
FIRED = "#d32f2f"


def link_label(link: Link) -> str:
    """Return what makes a link fire and what it does: 'reciprocal, concession on exercise_limits: trust +2'."""
    kinds = ", ".join(k for k in MOVE_KINDS if k in link.kinds) or "any move"
    items = f" on {', '.join(sorted(link.items))}" if link.items else ""
    effects = ", ".join(f"{meter} {delta:+d}" for meter, delta in link.effects) or "no meter change"
    return f"{kinds}{items}: {effects}"


def party_lines(spec: TableSpec, pid: str) -> list[str]:
    """Return a party's node text: its name, leader, what it needs, and whether it chairs."""
    party = spec.parties[pid]
    needs = (
        f"needs {party.minimum} exchange{'s' if party.minimum != 1 else ''}"
        if party.minimum
        else "needs none (may leave)"
    )
    lines = [f"{party.name} (@{pid})", party.persona.leader, needs]
    if pid == spec.chair:
        lines.append("in the chair")
    return lines


def fired_links(spec: TableSpec, turns: Iterable[Mapping[str, Any]]) -> Counter[int]:
    """Return how often each link (by index in ``spec.links``) fired in saved table turns.

    Each saved reaction is matched to the first link still unmatched in that turn, in table order,
    that draws it: the same target and the same words if the table has not changed since, else the
    same target and a link that fires on the saved move.
    """
    fired: Counter[int] = Counter()
    for record in turns:
        reactions = record.get("reactions")
        if not isinstance(reactions, list):
            continue
        party = str(record.get("party", ""))
        raw = record.get("move")
        move: Mapping[str, Any] = raw if isinstance(raw, dict) else {}
        kind = str(move.get("kind", ""))
        items = frozenset(
            str(i) for key in ("gives", "asks") if isinstance(move.get(key), list) for i in move[key]
        )
        used: set[int] = set()
        for reaction in reactions:
            if not isinstance(reaction, dict):
                continue
            index = _match(spec, party, kind, items, reaction, used)
            if index is not None:
                used.add(index)
                fired[index] += 1
    return fired


def _match(
    spec: TableSpec, party: str, kind: str, items: frozenset[str], reaction: dict[str, Any], used: set[int]
) -> int | None:
    target = str(reaction.get("party", ""))
    said = reaction.get("reply")
    candidates = [i for i, link in enumerate(spec.links) if i not in used and link.target == target]
    for index in candidates:
        if said == _rendered(spec, spec.links[index]):
            return index
    for index in candidates:
        if spec.links[index].fires(party, kind, items):
            return index
    return None


def _rendered(spec: TableSpec, link: Link) -> str:
    party = spec.parties.get(link.target)
    if party is None:
        return link.say
    return link.say.replace("{leader}", party.persona.leader).replace("{name}", party.name)


def party_path(spec: TableSpec, pid: str, turns: Iterable[Mapping[str, Any]]) -> set[tuple[str, str]]:
    """Return the (from, to) state pairs one party went through in saved table turns."""
    states = [str(t.get("state", "")) for t in turns if t.get("party") == pid and "state" in t]
    return path_pairs(states, spec.parties[pid].persona.initial)


def party_graph(
    spec: TableSpec, pid: str, fmt: str = "mermaid", turns: Iterable[Mapping[str, Any]] | None = None
) -> str:
    """Return one party's machine as seated at the table, its path in ``turns`` marked."""
    if pid not in spec.parties:
        raise RehearseError(f"table '{spec.id}' has no party '{pid}'{suggest(pid, spec.parties)}")
    persona = spec.parties[pid].persona
    taken = party_path(spec, pid, turns) if turns is not None else None
    text = (to_mermaid if fmt == "mermaid" else to_dot)(persona, taken)
    comment = f"{spec.parties[pid].name} (@{pid}, persona {persona.id}) at the table {spec.id}"
    first, rest = text.split("\n", 1)
    note = f"    %% {comment}" if fmt == "mermaid" else f"  // {comment}"
    return f"{first}\n{note}\n{rest}"


def _node_ids(spec: TableSpec) -> dict[str, str]:
    """Return a safe node id for each party ('end', hyphens and clashes are not Mermaid ids)."""
    ids: dict[str, str] = {}
    for pid in spec.parties:
        base = "p_" + re.sub(r"[^a-z0-9_]", "_", pid)
        ids[pid] = base if base not in ids.values() else f"{base}_{len(ids)}"
    ids[ANY] = "any_party"
    ids[YOU] = "trainee"
    return ids


def table_mermaid(spec: TableSpec, fired: Mapping[int, int] | None = None) -> str:
    """Return the table as a Mermaid flowchart."""

    def text(lines: Iterable[str]) -> str:
        return "<br/>".join(
            line.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;") for line in lines
        )

    ids = _node_ids(spec)
    lines = ["flowchart LR", f"    %% table {spec.id}: {spec.title.replace(chr(10), ' ')}"]
    lines.append(f'    {ids[YOU]}(["{text(["you, the trainee", spec.user_role])}"])')
    for pid in spec.parties:
        lines.append(f'    {ids[pid]}["{text(party_lines(spec, pid))}"]')
    if any(link.source == ANY for link in spec.links):
        lines.append(f'    {ids[ANY]}{{{{"any party addressed"}}}}')
    for index, link in enumerate(spec.links):
        count = (fired or {}).get(index, 0)
        mark = f" ✔{f' ×{count}' if count > 1 else ''}" if count else ""
        label = text([f"{index + 1}. {link_label(link)}{mark}"])
        lines.append(f'    {ids[link.source]} -->|"{label}"| {ids[link.target]}')
    lines.append(f'    {ids[YOU]} -.->|"to the whole table"| {ids[spec.chair]}')
    lines.append(f"    classDef party fill:{PARTY_STYLE}")
    lines.append(f"    classDef chair fill:{CHAIR_STYLE},stroke-width:3px")
    lines.append(f"    classDef trainee fill:{YOU_STYLE}")
    others = [ids[pid] for pid in spec.parties if pid != spec.chair]
    if others:
        lines.append(f"    class {','.join(others)} party")
    lines.append(f"    class {ids[spec.chair]} chair")
    lines.append(f"    class {ids[YOU]} trainee")
    if fired:
        for index in sorted(i for i, n in fired.items() if n):
            lines.append(f"    linkStyle {index} stroke:{FIRED},stroke-width:3px")
        reacted = sorted({ids[spec.links[i].target] for i, n in fired.items() if n})
        lines.append(f"    classDef taken stroke:{FIRED},stroke-width:3px")
        lines.append(f"    class {','.join(reacted)} taken")
    return "\n".join(lines) + "\n"


def table_dot(spec: TableSpec, fired: Mapping[int, int] | None = None) -> str:
    """Return the table as Graphviz dot."""

    def quote(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    lines = [
        f"digraph {quote(spec.id)} {{",
        "  rankdir=LR;",
        f"  label={quote(spec.title)};",
        '  node [shape=box, style="rounded,filled"];',
        f"  {quote(YOU)} [label={quote(chr(10).join(['you, the trainee', spec.user_role]))}, "
        f"shape=ellipse, fillcolor={quote(YOU_STYLE)}];",
    ]
    for pid in spec.parties:
        chair = pid == spec.chair
        fill = CHAIR_STYLE if chair else PARTY_STYLE
        pen = ", penwidth=3" if chair else ""
        lines.append(
            f"  {quote(pid)} [label={quote(chr(10).join(party_lines(spec, pid)))}, fillcolor={quote(fill)}{pen}];"
        )
    if any(link.source == ANY for link in spec.links):
        lines.append(f'  {quote(ANY)} [label="any party addressed", shape=hexagon, fillcolor="#eeeeee"];')
    for index, link in enumerate(spec.links):
        count = (fired or {}).get(index, 0)
        mark = f" (fired {count}x)" if count else ""
        style = f", color={quote(FIRED)}, fontcolor={quote(FIRED)}, penwidth=2.5" if count else ""
        label = f"{index + 1}. {link_label(link)}{mark}"
        lines.append(f"  {quote(link.source)} -> {quote(link.target)} [label={quote(label)}{style}];")
    lines.append(f'  {quote(YOU)} -> {quote(spec.chair)} [label="to the whole table", style=dashed];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def table_graph(
    spec: TableSpec, fmt: str = "mermaid", turns: Iterable[Mapping[str, Any]] | None = None
) -> str:
    """Return the table as Mermaid or dot, the links that fired in ``turns`` (saved records) marked."""
    fired = fired_links(spec, turns) if turns is not None else None
    return (table_mermaid if fmt == "mermaid" else table_dot)(spec, fired)
