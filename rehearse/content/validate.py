"""`rehearse validate`: check playbooks and drills (or folders of them) and collect every problem."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rehearse.content.loader import load_playbook
from rehearse.errors import ContentError, Problem, RehearseError


def _files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")))
        elif path.is_file():
            files.append(path)
        else:
            raise RehearseError(f"no such file or folder: '{path}'")
    return files


def validate_paths(paths: Iterable[Path]) -> tuple[list[Problem], int]:
    """Return every problem in the playbooks found under ``paths`` and how many files were read."""
    files = _files(paths)
    problems: list[Problem] = []
    from rehearse.content.drills import is_drill_file, load_drill

    for path in files:
        try:
            if is_drill_file(path):
                load_drill(path)
            else:
                load_playbook(path, thorough=True)
        except ContentError as exc:
            problems.extend(exc.problems)
    return problems, len(files)
