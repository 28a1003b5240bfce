"""How the negotiation plays a move in context: amendments, items put off, closing the roadmap.

The reader labels each message on its own (docs/reading.md). With a proposal on the
table, some messages mean more than their label: "Agreed, inspectors included" accepts the
proposal with inspections added; "Fine, but drop X" accepts it without X. Items put off for
later ("let's park X") leave the move and the table; they are never given.
"""

from __future__ import annotations

from dataclasses import dataclass

from rehearse.content.playbook import Playbook
from rehearse.engine.ledger import Exchange
from rehearse.moves import Move
from rehearse.reading.intents import Intents

AMENDING_KINDS = frozenset({"demand", "concession", "accept", "reject"})
"""Labels an assenting message may carry when it amends the proposal on the table."""
AMENDED = "accepts the proposal on the table with a change"
REPEATED = "repeats what is already agreed"
CLOSE_AFTER_EXCHANGES = 2
"""Agreed exchanges the roadmap needs before the persona proposes to close on it."""


@dataclass(frozen=True)
class Interpretation:
    """The move to play, the table after any item put off, and what was put off."""

    move: Move
    table: Exchange | None
    parked: frozenset[str] = frozenset()
    how: str = ""
    """How the move was played when not at face value ('' when it was)."""


def interpret(
    move: Move,
    intents: Intents,
    table: Exchange | None,
    persona: Playbook,
    agreed: frozenset[str] = frozenset(),
) -> Interpretation:
    """Return how ``move`` is played, given its message's intents, the table and what is agreed."""
    named = move.gives | move.asks
    if move.kind in ("reciprocal", "concession") and named and named <= agreed:
        return Interpretation(Move("other"), table, frozenset(), REPEATED)  # no credit twice
    parked = intents.parks & frozenset(persona.items)
    if parked:
        move = Move(move.kind, move.gives - parked, move.asks - parked)
        if move.kind in ("concession", "reciprocal", "demand") and not (move.gives or move.asks):
            move = Move("other")
        if table is not None and table.items & parked:
            kept = Exchange(
                table.user_gives - parked, table.persona_gives - parked, table.phase, table.by, table.turn
            )
            table = kept if kept.user_gives and kept.persona_gives else None
    if table is None or not intents.assents or move.kind not in AMENDING_KINDS:
        return Interpretation(move, table, parked)
    strikes = intents.strikes & table.items
    if not (move.gives or move.asks or strikes):
        return Interpretation(move, table, parked)
    user = (table.user_gives - strikes) | (move.gives - strikes - table.persona_gives)
    theirs = (table.persona_gives - strikes) | (move.asks - strikes)
    if user == table.user_gives and theirs == table.persona_gives:
        return Interpretation(Move("accept"), table, parked, AMENDED)
    return Interpretation(Move("reciprocal", user, theirs), table, parked, AMENDED)


def worth_closing(exchanges: int, phase: int, next_step: Exchange | None) -> bool:
    """Return whether a roadmap is worth closing: two exchanges over two phases, or nothing left."""
    if exchanges < 1:
        return False
    return next_step is None or (exchanges >= CLOSE_AFTER_EXCHANGES and phase >= 2)
