"""Replies: the values a template can read for one turn, and choosing and rendering a variant."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rehearse.content.templates import RENDER_ERRORS, render
from rehearse.engine.ledger import Exchange
from rehearse.engine.strategy import Assessment
from rehearse.engine.turns import labels, roadmap_lines
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
    "roadmap": lambda neg, f: roadmap_lines(neg.persona, neg.agreements),
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


def say_reply(
    neg: Negotiation,
    situation: str,
    facts: TurnFacts,
    notes: list[str],
    recent: list[str],
    rng: random.Random,
) -> str:
    """Render a situation's reply: the seeded variant, or the next not said in ``recent``.

    When every variant was said lately, the one said longest ago is used. A template that fails
    to render gives a short fallback line and a note, never an error.
    """
    variants = neg.persona.replies.get(situation) or neg.persona.replies["unmatched"]
    start = rng.randrange(len(variants))
    best, best_age = "", -1
    for offset in range(len(variants)):
        text = _render_variant(neg, variants[(start + offset) % len(variants)], situation, facts, notes)
        if text not in recent:
            return text
        age = len(recent) - max(i for i, said in enumerate(recent) if said == text)
        if age > best_age:
            best, best_age = text, age
    return best


def _render_variant(
    neg: Negotiation, variant: Any, situation: str, facts: TurnFacts, notes: list[str]
) -> str:
    key = tuple((name, frozen(VALUES[name](neg, facts))) for name in variant.names)
    cached = variant.rendered.get(key)
    if cached is not None:
        return str(cached)
    context = {name: get(neg, facts) for name, get in VALUES.items()}
    try:
        text = render(variant.template, context)
    except RENDER_ERRORS as exc:
        notes.append(f"reply template at {neg.persona.path.name}:{variant.line} failed: {exc}")
        return f"({neg.persona.leader} pauses; the reply written for '{situation}' could not be used.)"
    if len(variant.rendered) < 512:
        variant.rendered[key] = text
    return text
