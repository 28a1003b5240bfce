"""Small helpers that check parsed YAML values and collect ``file:line: message`` problems."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from typing import Any

from rehearse.content.yamlsource import LineDict, LineList, line_of
from rehearse.errors import Problem


def suggest(word: str, choices: Iterable[str]) -> str:
    """Return "; did you mean 'x'?" for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class Checker:
    """Collects problems found in one file while its parsed data is checked."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.thorough = False
        self.trusted = False

    def add(self, line: int, message: str) -> None:
        """Record one problem at ``line``."""
        self.problems.append(Problem(self.source, line, message))

    def mapping(
        self,
        value: Any,
        where: str,
        line: int,
        required: Collection[str] = (),
        optional: Collection[str] = (),
        open_keys: bool = False,
    ) -> LineDict | None:
        """Check that ``value`` is a mapping with the required keys and no unknown ones."""
        if not isinstance(value, LineDict):
            self.add(line_of(value, line), f"{where} must be a mapping, not {_kind(value)}")
            return None
        for key in required:
            if key not in value:
                self.add(value.line, f"{where}: missing key '{key}'")
        if not open_keys:
            allowed = set(required) | set(optional)
            for key in value:
                if key not in allowed:
                    hint = suggest(key, allowed)
                    self.add(value.line_of(key), f"{where}: unknown key '{key}'{hint}")
        return value

    def text(self, data: LineDict, key: str, where: str, default: str | None = None) -> str:
        """Return a non-empty string field, recording a problem if it is something else."""
        if key not in data:
            return default or ""
        value = data[key]
        if not isinstance(value, str) or not value.strip():
            self.add(data.line_of(key), f"{where}: '{key}' must be non-empty text")
            return ""
        return value.strip()

    def integer(self, data: LineDict, key: str, where: str, low: int, high: int, default: int) -> int:
        """Return an integer field within ``low..high``."""
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(data.line_of(key), f"{where}: '{key}' must be a whole number, not {_kind(value)}")
            return default
        if not low <= value <= high:
            self.add(data.line_of(key), f"{where}: '{key}' must be between {low} and {high}")
            return default
        return value

    def number(self, data: LineDict, key: str, where: str, low: float, high: float, default: float) -> float:
        """Return a number field within ``low..high``."""
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(data.line_of(key), f"{where}: '{key}' must be a number, not {_kind(value)}")
            return default
        if not low <= value <= high:
            self.add(data.line_of(key), f"{where}: '{key}' must be between {low} and {high}")
            return default
        return float(value)

    def boolean(self, data: LineDict, key: str, where: str, default: bool) -> bool:
        """Return a true/false field (``yes``/``no`` are refused: write true or false)."""
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.add(data.line_of(key), f"{where}: '{key}' must be true or false, not {_kind(value)}")
            return default
        return value

    def strings(self, value: Any, where: str, line: int, allow_single: bool = False) -> list[tuple[str, int]]:
        """Return a list of non-empty strings with their lines (a lone string if allowed)."""
        if allow_single and isinstance(value, str):
            return [(value, line)]
        if not isinstance(value, LineList):
            self.add(line_of(value, line), f"{where} must be a list of text, not {_kind(value)}")
            return []
        out: list[tuple[str, int]] = []
        for entry, entry_line in zip(value, value.item_lines, strict=True):
            if isinstance(entry, str) and entry.strip():
                out.append((entry, entry_line))
            else:
                hint = f" (quote it: '{entry}')" if isinstance(entry, (int, float, bool)) else ""
                self.add(entry_line, f"{where}: each entry must be non-empty text, not {_kind(entry)}{hint}")
        return out


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a true/false value)"
    if isinstance(value, (LineDict, dict)):
        return "a mapping"
    if isinstance(value, (LineList, list)):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"'{value}'" if len(str(value)) < 40 else "text"
