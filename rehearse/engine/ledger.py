"""Exchanges: what each side gives in one agreed step or proposal, and the ledger of them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Proposer = Literal["user", "persona"]


@dataclass(frozen=True)
class Exchange:
    """One exchange: what the user gives and what the persona gives, with its roadmap phase."""

    user_gives: frozenset[str]
    persona_gives: frozenset[str]
    phase: int = 1
    by: Proposer = "user"
    turn: int = 0

    @property
    def items(self) -> frozenset[str]:
        """Return every item the exchange moves, both sides together."""
        return self.user_gives | self.persona_gives

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Exchange:
        """Rebuild an exchange saved by ``as_dict`` (missing fields take their defaults)."""
        by: Proposer = "persona" if data.get("by") == "persona" else "user"
        return cls(
            frozenset(str(i) for i in data.get("user_gives", [])),
            frozenset(str(i) for i in data.get("persona_gives", [])),
            int(data.get("phase", 1)),
            by,
            int(data.get("turn", 0)),
        )

    def as_dict(self) -> dict[str, object]:
        """Return the exchange as a JSON-ready dict."""
        return {
            "phase": self.phase,
            "user_gives": sorted(self.user_gives),
            "persona_gives": sorted(self.persona_gives),
            "by": self.by,
            "turn": self.turn,
        }
