"""Moves: what one user message does, as read by the classifier (docs/reading.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

MoveKind = Literal["reciprocal", "demand", "threat", "concession", "question", "accept", "reject", "other"]
MOVE_KINDS: tuple[MoveKind, ...] = (
    "reciprocal",
    "demand",
    "threat",
    "concession",
    "question",
    "accept",
    "reject",
    "other",
)
OUTCOMES = ("ongoing", "agreement", "derailed")


@dataclass(frozen=True)
class Move:
    """One classified user message: its kind and the items it offers (gives) and asks for."""

    kind: MoveKind
    gives: frozenset[str] = field(default_factory=frozenset)
    asks: frozenset[str] = field(default_factory=frozenset)

    def as_dict(self) -> dict[str, object]:
        """Return the move as the JSON-ready dict of the contract (item lists sorted)."""
        return {"kind": self.kind, "gives": sorted(self.gives), "asks": sorted(self.asks)}
