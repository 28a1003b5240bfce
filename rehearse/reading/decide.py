"""Stage 7 of reading: the move, from the model's kind scores and the items the rules found.

A kind must fit the items (docs/reading.md): a reciprocal move offers and asks (one of
the two may be something the playbook has no item for, at a cost); a demand asks and offers nothing; a concession asks nothing; a question does not both offer and
ask; accept, reject and other carry no items; a threat may carry anything. Each kind is scored
by the model's log-probability, less a cost for every found item it would have to drop; the
best one wins, and its share of the probability over the kinds that fit is the confidence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rehearse.moves import MOVE_KINDS, Move, MoveKind

DROP_COST = 2.0
"""Log-probability a kind loses for each found item it would drop (tuned by cross-validation)."""
UNNAMED_COST = 1.5
"""Log-probability a reciprocal reading loses when one of its sides names no item the playbook
knows ("we will do our part if you end the broadcasts"): the trainee did offer, and is not
punished for a demand because the reader could not name the offer."""


def _fitted(
    kind: MoveKind, gives: frozenset[str], asks: frozenset[str], drop_cost: float, unnamed_cost: float
) -> tuple[Move, float] | None:
    if kind == "reciprocal":
        if not (gives or asks):
            return None
        return Move(kind, gives, asks), 0.0 if gives and asks else unnamed_cost
    move, dropped = _fit_other(kind, gives, asks) or (None, 0)
    return (move, drop_cost * dropped) if move is not None else None


def _fit_other(kind: MoveKind, gives: frozenset[str], asks: frozenset[str]) -> tuple[Move, int] | None:
    """Return the move of a kind other than reciprocal and how many found items it drops."""
    if kind == "demand":
        return (Move(kind, frozenset(), asks), len(gives)) if asks else None
    if kind == "concession":
        return Move(kind, gives, frozenset()), len(asks)
    if kind == "question":
        if gives and asks:
            return Move(kind, frozenset(), asks), len(gives)
        return Move(kind, gives, asks), 0
    if kind == "threat":
        return Move(kind, gives, asks), 0
    return Move(kind, frozenset(), frozenset()), len(gives) + len(asks)


def decide(
    probabilities: Sequence[float],
    kinds: Sequence[MoveKind],
    gives: frozenset[str],
    asks: frozenset[str],
    drop_cost: float = DROP_COST,
    unnamed_cost: float = UNNAMED_COST,
) -> tuple[Move, float]:
    """Return the best move that fits the items, and the confidence in it (0 to 1)."""
    options: list[tuple[float, Move, float]] = []
    for kind, p in zip(kinds, probabilities, strict=True):
        fit = _fitted(kind, gives, asks, drop_cost, unnamed_cost)
        if fit is None:
            continue
        move, cost = fit
        options.append((math.log(max(p, 1e-12)) - cost, move, p))
    if not options:  # cannot happen: concession always fits; kept for safety
        return Move("other"), 0.0
    options.sort(key=lambda o: (-o[0], MOVE_KINDS.index(o[1].kind)))
    best = options[0]
    total = sum(p for _, _, p in options)
    return best[1], round(best[2] / total if total else 0.0, 3)
