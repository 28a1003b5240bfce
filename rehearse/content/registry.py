"""Finding personas: bundled playbooks by id, or any playbook file by path."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rehearse.content.checker import suggest
from rehearse.content.loader import load_playbook
from rehearse.content.playbook import Playbook
from rehearse.errors import UnknownPersonaError
from rehearse.locations import personas_dir

_CACHE: dict[Path, tuple[tuple[int, int], Playbook]] = {}


@dataclass(frozen=True)
class PersonaEntry:
    """A bundled persona as listed for the user: id, path and the playbook once loaded."""

    id: str
    path: Path


def persona_dirs() -> list[Path]:
    """Return the folders searched for personas: ``REHEARSE_PERSONAS`` entries, then the bundled one."""
    extra = [Path(p).expanduser() for p in os.environ.get("REHEARSE_PERSONAS", "").split(os.pathsep) if p]
    return [*extra, personas_dir()]


def available_personas() -> list[PersonaEntry]:
    """Return every persona found in the persona folders, by id (first folder wins)."""
    seen: dict[str, PersonaEntry] = {}
    for folder in persona_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            seen.setdefault(path.stem, PersonaEntry(path.stem, path))
    return sorted(seen.values(), key=lambda e: e.id)


def resolve_persona(name: str) -> Path:
    """Return the playbook path for a persona id or a path to a playbook file."""
    if not name or not name.strip():
        raise UnknownPersonaError("no persona given; try 'rehearse personas' to list them")
    candidate = Path(name).expanduser()
    if candidate.suffix in (".yaml", ".yml") or os.sep in name or "/" in name:
        if candidate.is_file():
            return candidate
        raise UnknownPersonaError(f"no playbook file at '{name}'")
    for folder in persona_dirs():
        direct = folder / f"{name}.yaml"
        if direct.is_file():
            return direct
    entries = {e.id: e for e in available_personas()}
    hint = suggest(name, entries)
    listing = ", ".join(entries) or "none installed"
    here = [p for p in (Path(f"{name}.yaml"), Path("personas") / f"{name}.yaml") if p.is_file()]
    path_hint = (
        f"; to play the playbook in this folder, give its path: rehearse play ./{here[0]}"
        if here
        else "; a path to a playbook file also works (rehearse play ./my-persona.yaml)"
    )
    raise UnknownPersonaError(f"unknown persona '{name}'{hint} (available: {listing}){path_hint}")


def load_persona(name: str | os.PathLike[str]) -> Playbook:
    """Load a persona by id or playbook path; reuse the loaded playbook while its file is unchanged."""
    path = resolve_persona(os.fspath(name)).resolve()
    stat = path.stat()
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _CACHE.get(path)
    if cached is not None and cached[0] == key:
        return cached[1]
    playbook = load_playbook(path)
    _CACHE[path] = (key, playbook)
    return playbook
