"""`rehearse graph`: a persona's machine as Mermaid or Graphviz dot text.

Each pair of states gets one edge labelled with the move kinds that lead along it; given a
dialogue, the transitions it actually took are marked.
"""

from __future__ import annotations

from collections.abc import Iterable

from rehearse.content.playbook import Playbook

OUTCOME_STYLE = {"agreement": "#c8e6c9", "derailed": "#ffcdd2", "ongoing": "#e3f2fd"}


def _edges(playbook: Playbook) -> list[tuple[str, str, str]]:
    """Return (source, destination, label) once for each pair of states, in playbook order.

    Parallel rules are merged into one edge whose label lists their move kinds ("threat, demand"),
    so a machine of six states draws at most 36 edges instead of one a rule.
    """
    kinds: dict[tuple[str, str], list[str]] = {}
    for rule in (*playbook.rules, *playbook.checks):
        trigger = rule.trigger.removeprefix("move_") if rule.trigger != "check" else "after turn"
        for source in rule.sources:
            found = kinds.setdefault((source, rule.dest or source), [])
            if trigger not in found:
                found.append(trigger)
    return [(source, dest, ", ".join(labels)) for (source, dest), labels in kinds.items()]


def path_pairs(states: Iterable[str], initial: str) -> set[tuple[str, str]]:
    """Return the (from, to) state pairs a dialogue went through."""
    pairs = set()
    previous = initial
    for state in states:
        pairs.add((previous, state))
        previous = state
    return pairs


def to_mermaid(playbook: Playbook, taken: set[tuple[str, str]] | None = None) -> str:
    """Return the machine as a Mermaid state diagram."""
    lines = ["stateDiagram-v2", f"    [*] --> {playbook.initial}"]
    for name, state in playbook.states.items():
        lines.append(f"    {name} : {name} ({state.outcome})")
        if state.outcome != "ongoing":
            lines.append(f"    {name} --> [*]")
    for source, dest, label in _edges(playbook):
        mark = " ✔" if taken and (source, dest) in taken else ""
        lines.append(f"    {source} --> {dest} : {label.replace(':', ' ')}{mark}")
    for name, state in playbook.states.items():
        lines.append(f"    classDef {state.outcome} fill:{OUTCOME_STYLE[state.outcome]}")
        lines.append(f"    class {name} {state.outcome}")
    if taken:
        visited = sorted({s for pair in taken for s in pair})
        lines.append("    classDef taken stroke:#d32f2f,stroke-width:3px")
        lines.append(f"    class {','.join(visited)} taken")
    return "\n".join(lines) + "\n"


def to_dot(playbook: Playbook, taken: set[tuple[str, str]] | None = None) -> str:
    """Return the machine as Graphviz dot."""

    def quote(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [
        f"digraph {quote(playbook.id)} {{",
        "  rankdir=LR;",
        '  node [shape=box, style="rounded,filled"];',
    ]
    lines.append("  start [shape=point];")
    lines.append(f"  start -> {quote(playbook.initial)};")
    for name, state in playbook.states.items():
        lines.append(
            f"  {quote(name)} [label={quote(f'{name} ({state.outcome})')}, fillcolor={quote(OUTCOME_STYLE[state.outcome])}];"
        )
    for source, dest, label in _edges(playbook):
        style = ', color="#d32f2f", penwidth=2.5' if taken and (source, dest) in taken else ""
        lines.append(f"  {quote(source)} -> {quote(dest)} [label={quote(label)}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
