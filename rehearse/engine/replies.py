"""The values a reply template can read for one turn (listed in ``content/vocabulary.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rehearse.engine.ledger import Exchange
from rehearse.engine.strategy import Assessment
from rehearse.engine.turns import describe_exchange, labels
from rehearse.moves import Move

if TYPE_CHECKING:
    from rehearse.engine.negotiation import Negotiation


@dataclass(frozen=True)
class TurnFacts:
    """What a reply may speak of on one turn: the move played, the proposal, the verdict."""

    move: Move
    proposal: Exchange | None
    assessment: Assessment
    topic: str
    turn: int
    parked: frozenset[str] = frozenset()


TemplateValue = Callable[["Negotiation", TurnFacts], Any]


def _table(neg: Negotiation) -> Exchange | None:
    return neg.table


VALUES: dict[str, TemplateValue] = {
    "name": lambda neg, f: neg.persona.name,
    "delegation": lambda neg, f: neg.persona.delegation,
    "leader": lambda neg, f: neg.persona.leader,
    "you_give": lambda neg, f: labels(neg.persona, f.move.gives),
    "you_ask": lambda neg, f: labels(neg.persona, f.move.asks),
    "we_give": lambda neg, f: labels(neg.persona, f.proposal.persona_gives) if f.proposal else [],
    "we_want": lambda neg, f: labels(neg.persona, f.proposal.user_gives) if f.proposal else [],
    "table_we_give": lambda neg, f: labels(neg.persona, t.persona_gives) if (t := _table(neg)) else [],
    "table_you_give": lambda neg, f: labels(neg.persona, t.user_gives) if (t := _table(neg)) else [],
    "roadmap": lambda neg, f: [describe_exchange(neg.persona, e) for e in neg.ledger],
    "parked": lambda neg, f: labels(neg.persona, f.parked),
    "verdict": lambda neg, f: f.assessment.verdict,
    "topic": lambda neg, f: f.topic,
    "stage": lambda neg, f: neg.state,
    "mood": lambda neg, f: neg.persona.states[neg.state].mood,
    "turn": lambda neg, f: f.turn,
    "trust": lambda neg, f: neg.meters["trust"],
    "tension": lambda neg, f: neg.meters["tension"],
}
"""How each template variable is computed for a turn (only the ones a reply uses are computed)."""


def frozen(value: Any) -> Any:
    """Return a hashable form of a template value (lists become tuples)."""
    return tuple(value) if isinstance(value, list) else value
