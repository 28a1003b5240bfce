"""`rehearse validate`: check playbooks and drills (or folders of them) and collect every problem.

Loading problems and lints all carry a diagnostic code and a fix hint (docs/diagnostics.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rehearse.content.diagnostics import coded, lint_playbook
from rehearse.content.loader import load_playbook
from rehearse.content.playbook import Playbook
from rehearse.content.yamlsource import LineDict, read_yaml_file
from rehearse.errors import ContentError, Problem, RehearseError


def _files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()))
        elif path.is_file():
            files.append(path)
        elif path.exists():
            raise RehearseError(f"'{path}' is not a regular file or folder, so it is not read")
        else:
            raise RehearseError(f"no such file or folder: '{path}'")
    return files


def _key_lines(path: Path) -> dict[str, int]:
    data, _ = read_yaml_file(path)
    lines: dict[str, int] = {}
    for section, prefix in (("states", "state"), ("items", "item"), ("replies", "reply")):
        part = data.get(section) if isinstance(data, LineDict) else None
        if isinstance(part, LineDict):
            lines.update({f"{prefix}:{key}": part.line_of(key) for key in part})
    if isinstance(data, LineDict) and "sides" in data:
        lines["sides"] = data.line_of("sides")
    return lines


def lint(playbook: Playbook) -> list[Problem]:
    """Return the lints of a loaded playbook, with the lines they concern."""
    return lint_playbook(playbook, _key_lines(playbook.path))


def validate_paths(paths: Iterable[Path]) -> tuple[list[Problem], int]:
    """Return every problem in the playbooks and drills under ``paths`` and how many files were read."""
    from rehearse.content.drills import is_drill_file, load_drill
    from rehearse.content.tables import load_table, looks_like_table

    files = _files(paths)
    problems: list[Problem] = []
    for path in files:
        try:
            if is_drill_file(path) and looks_like_table(path):
                from rehearse.content.table_drills import load_table_drill

                load_table_drill(path)
            elif is_drill_file(path):
                load_drill(path)
            elif looks_like_table(path):
                load_table(path)
            else:
                problems.extend(lint(load_playbook(path, thorough=True)))
        except ContentError as exc:
            problems.extend(exc.problems)
    return [coded(p) for p in problems], len(files)
