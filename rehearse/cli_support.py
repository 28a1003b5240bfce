"""What every ``rehearse`` command shares: one clear line for a deliberate error, running the TUI."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from rehearse.errors import ContentError, RehearseError


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn deliberate errors into one clear line on stderr and exit code 2."""
    try:
        yield
    except ContentError as exc:
        hint = f"; 'rehearse validate {exc.problems[0].file}' lists them all" if len(exc.problems) > 1 else ""
        click.echo(f"rehearse: {exc}{hint}", err=True)
        raise SystemExit(2) from None
    except RehearseError as exc:
        click.echo(f"rehearse: {exc}", err=True)
        raise SystemExit(2) from None


def run_app(app: Any) -> None:
    """Run a TUI app; if it stopped on an error, exit non-zero (its traceback was shown)."""
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)


def note_skipped(paths: Iterable[Path], suffixes: tuple[str, ...]) -> None:
    """Say on stderr which entries a folder walk skipped (FIFOs, devices, sockets)."""
    from rehearse.terminal import printable, skipped_entries

    for path in skipped_entries(paths, suffixes):
        click.echo(f"note: skipped {printable(str(path))}: not a regular file", err=True)


def persona_named(name: str) -> Any:
    """Return the persona with this id or playbook path (RehearseError if there is none)."""
    from rehearse.content.registry import load_persona

    return load_persona(name)


def save_dir_for(save_dir: Path | None, no_save: bool) -> Path | None:
    """Return the folder to save sessions in: none with --no-save, else --save-dir or the default."""
    if no_save:
        return None
    if save_dir is not None:
        return save_dir
    from rehearse.locations import sessions_dir

    return sessions_dir()
