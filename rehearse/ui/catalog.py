"""What the picker offers: the shipped tables and drills, read from their files' top-level keys."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rehearse.errors import RehearseError

if TYPE_CHECKING:
    from rehearse.content.drills import Drill


def bundled_tables() -> list[tuple[Path, str]]:
    """Return the shipped tables as (file, title), read from their top-level keys."""
    from rehearse.content.tables import tables_dir
    from rehearse.content.yamlsource import read_yaml_file

    found = []
    for path in sorted(tables_dir().glob("*.yaml")):
        try:
            data, _ = read_yaml_file(path)
        except RehearseError:
            continue
        if isinstance(data, dict) and isinstance(data.get("table"), str):
            found.append((path, str(data.get("title") or data["table"])))
    return found


def bundled_drills() -> dict[str, list[tuple[Path, str]]]:
    """Return the shipped drills by persona id (table drills by 'table:ID'), as (file, title)."""
    from rehearse.content.shelf import shelved_drills

    found: dict[str, list[tuple[Path, str]]] = {}
    for drill in shelved_drills():
        key = drill.persona if drill.persona is not None else f"table:{drill.table}"
        found.setdefault(key, []).append((drill.path, drill.title))
    return found


def objectives_text(drill: Drill) -> str:
    """Return the drill's objectives as lines for the briefing."""
    from rehearse.content.templates import and_list, count_of

    persona = drill.persona
    from rehearse.ui.screens.briefing import reflow

    o = drill.live
    lines = [f"Drill: {drill.title}", reflow(drill.briefing), "", "Objectives:"]
    if o.outcome:
        lines.append(f"  ☐ reach {o.outcome}")
    if o.secure:
        lines.append(f"  ☐ secure {and_list(persona.items[i].label for i in sorted(o.secure))}")
    if o.concede_at_most is not None:
        allowed = and_list(persona.items[i].label for i in sorted(o.concede_at_most))
        lines.append(f"  ☐ concede nothing beyond {allowed}")
    if o.within_turns:
        lines.append(f"  ☐ within {count_of(o.within_turns, 'turn')}")
    if drill.handover:
        lines.append(
            f"\nThe first {drill.handover} turn(s) are scripted and played for you; then it is your turn."
        )
    else:
        lines.append("\nYou play from the first turn.")
    return "\n".join(lines)
