"""The shipped drills, bilateral and table ones, read from their top-level keys alone (fast).

The picker lists them under their delegation or table, and ``rehearse progress`` suggests the ones
to do next; neither needs a drill validated to name it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ShelvedDrill:
    """A shipped drill file: its id, title, and the persona or table it is played against."""

    path: Path
    id: str
    title: str
    persona: str | None
    table: str | None


def shelved_drills() -> list[ShelvedDrill]:
    """Return the shipped drills (``dialogues/drills`` and its ``tables`` folder), sorted by file."""
    from rehearse.content.yamlsource import read_yaml_file
    from rehearse.errors import RehearseError
    from rehearse.locations import dialogues_dir

    found: list[ShelvedDrill] = []
    drills = dialogues_dir() / "drills"
    for path in sorted(drills.glob("*.yaml")) + sorted((drills / "tables").glob("*.yaml")):
        try:
            data, _ = read_yaml_file(path)
        except RehearseError:
            continue
        if not isinstance(data, dict):
            continue
        persona, table = data.get("persona"), data.get("table")
        if not isinstance(persona, str) and not isinstance(table, str):
            continue
        drill_id = str(data.get("drill") or path.stem)
        found.append(
            ShelvedDrill(
                path,
                drill_id,
                str(data.get("title") or drill_id),
                persona if isinstance(persona, str) else None,
                table if isinstance(table, str) and not isinstance(persona, str) else None,
            )
        )
    return found
