"""What the command line shows: control characters shown, never obeyed; what a folder walk skips."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def printable(text: str) -> str:
    """Return ``text`` with control characters (escape sequences included) shown as hex escapes."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else f"\\x{ord(ch):02x}" for ch in text)


def skipped_entries(paths: Iterable[Path], suffixes: tuple[str, ...]) -> list[Path]:
    """Return what a folder walk skips: entries with these suffixes that are not regular files."""
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            skipped.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.suffix in suffixes and not p.is_file() and not p.is_dir()
            )
    return skipped
