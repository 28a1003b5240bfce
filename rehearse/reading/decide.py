"""Stage 7 of reading: the move, from the model's kind scores and the items the rules found.

A kind must fit the items (CONTRACTS.md section 2): a reciprocal move offers and asks; a
demand asks and offers nothing; a concession asks nothing; a question does not both offer and
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


def fitted(kind: MoveKind, gives: frozenset[str], asks: frozenset[str]) -> tuple[Move, int] | None:
    """Return the move of this kind the found items allow and how many items it drops, or None."""
    if kind == "reciprocal":
        return (Move(kind, gives, asks), 0) if gives and asks else None
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
) -> tuple[Move, float]:
    """Return the best move that fits the items, and the confidence in it (0 to 1)."""
    options: list[tuple[float, Move, float]] = []
    for kind, p in zip(kinds, probabilities, strict=True):
        fit = fitted(kind, gives, asks)
        if fit is None:
            continue
        move, dropped = fit
        options.append((math.log(max(p, 1e-12)) - drop_cost * dropped, move, p))
    if not options:  # cannot happen: concession always fits; kept for safety
        return Move("other"), 0.0
    options.sort(key=lambda o: (-o[0], MOVE_KINDS.index(o[1].kind)))
    best = options[0]
    total = sum(p for _, _, p in options)
    return best[1], round(best[2] / total if total else 0.0, 3)
