"""Messages that travel between the app's screens and widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.message import Message

from rehearse.content.playbook import Playbook

if TYPE_CHECKING:
    from rehearse.content.tables import TableSpec


@dataclass
class PersonaChosen(Message):
    """The user picked a persona to rehearse against."""

    persona: Playbook


@dataclass
class TableChosen(Message):
    """The user picked a table of several delegations."""

    path: Path


@dataclass
class DrillChosen(Message):
    """The user picked a drill file to play live."""

    path: Path


@dataclass(frozen=True)
class Correction:
    """How the trainee corrected the reading of one saved turn: the move kind and item ids."""

    kind: str
    gives: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()


@dataclass
class BranchRequested(Message):
    """The user wants to continue live from a point of a saved dialogue."""

    source: Path
    persona: Playbook
    seed: int
    messages: list[str]
    corrections: dict[int, Correction] = field(default_factory=dict)
    """Corrected readings by message index, replayed as they were in the saved dialogue."""


@dataclass
class TableBranchRequested(Message):
    """The user wants to continue live from a point of a saved table session."""

    source: Path
    spec: TableSpec
    seed: int
    turns: list[dict[str, Any]]
    """The saved turn records standing at that point (corrected ones replayed as corrected)."""
