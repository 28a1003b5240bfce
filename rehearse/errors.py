"""Errors rehearse raises on purpose: each carries a message a user can act on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class RehearseError(Exception):
    """Base class of every error rehearse raises on purpose."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in a content file, reported as ``file:line: message``."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class ContentError(RehearseError):
    """A playbook, drill or dialogue file has problems; ``problems`` lists them all."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems)
        first = str(self.problems[0]) if self.problems else "invalid content"
        more = len(self.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else ""
        super().__init__(first + suffix)


class UnknownPersonaError(RehearseError):
    """No playbook exists for the persona id or path the user gave."""


class SessionEndedError(RehearseError):
    """A message was sent after the negotiation reached an outcome."""


class EmptyMessageError(RehearseError):
    """A message held nothing to read once blanks and control characters were removed."""


class DialogueFileError(RehearseError):
    """A saved dialogue file cannot be read or written."""
