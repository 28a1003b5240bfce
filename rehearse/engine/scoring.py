"""The debrief of a session, computed headless.

Outcome, a score with the rule that made it, move counts, meter history, turning points, the
roadmap and the openings the user missed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rehearse.content.playbook import Playbook
from rehearse.engine.ledger import Exchange
from rehearse.engine.lessons import TurningPoint, turning_points
from rehearse.engine.moves import MOVE_KINDS
from rehearse.engine.negotiation import Negotiation
from rehearse.engine.turns import roadmap_lines

OUTCOME_POINTS = {"agreement": 40, "ongoing": 15, "derailed": 0}
"""Points for the outcome; a session still ongoing earns them only once something is agreed."""
TRUST_POINTS_MAX = 20


@dataclass(frozen=True)
class Debrief:
    """Everything the debrief screen and reports show about one session."""

    outcome: str
    state: str
    score: int
    score_rule: str
    counts: dict[str, int]
    meters: dict[str, list[int]]
    turning_points: list[TurningPoint]
    roadmap: list[str]
    missed: list[str]
    secured: list[str]
    conceded: list[str]
    score_parts: tuple[tuple[str, int, int], ...] = ()
    """The score's parts as (what it is for, points, most possible); they add up to the score."""


def debrief(neg: Negotiation) -> Debrief:
    """Return the debrief of a session so far."""
    persona = neg.persona
    start = persona.meters
    meters = {name: [start[name]] + [t.meters[name] for t in neg.turns] for name in start}
    counts = Counter(t.move.kind for t in neg.turns)
    agreed = neg.agreements
    secured_ids = sorted(set().union(*(e.persona_gives for e in agreed))) if agreed else []
    conceded_ids = sorted(set().union(*(e.user_gives for e in agreed))) if agreed else []
    parts = score_parts(persona, neg.outcome, agreed, start["trust"], neg.meters["trust"])
    (_, outcome_points, _), (_, share_points, _), (_, trust_points, _) = parts
    share = share_of(persona, agreed)
    score = outcome_points + share_points + trust_points
    rule = (
        f"{outcome_points} for the outcome ({neg.outcome}{'' if agreed else ', nothing agreed'}) + "
        f"{share_points} for the value you secured ({share:.0%} of what changed hands, by the "
        f"delegation's own values) + {trust_points} for the trust you built ({start['trust']} to "
        f"{neg.meters['trust']}, a point for every 3 gained, at most {TRUST_POINTS_MAX})"
    )
    offered = {i for t in neg.turns for i in t.move.gives}
    missed = [
        persona.items[i].label
        for i in sorted(persona.items, key=lambda i: -persona.items[i].value)
        if persona.items[i].side == "user"
        and i not in offered
        and i not in conceded_ids
        and persona.items[i].phase <= 2
    ]
    return Debrief(
        outcome=neg.outcome,
        state=neg.state,
        score=score,
        score_rule=rule,
        counts={kind: counts.get(kind, 0) for kind in MOVE_KINDS},
        meters=meters,
        turning_points=turning_points(neg),
        roadmap=roadmap_lines(persona, neg.agreements),
        missed=missed,
        secured=[persona.items[i].label for i in secured_ids],
        conceded=[persona.items[i].label for i in conceded_ids],
        score_parts=parts,
    )


def share_of(persona: Playbook, agreements: Sequence[Exchange]) -> float:
    """Return the trainee's share of what changed hands, by the delegation's own values (0 to 1)."""
    secured = set().union(*(e.persona_gives for e in agreements)) if agreements else set()
    conceded = set().union(*(e.user_gives for e in agreements)) if agreements else set()
    got = sum(persona.items[i].value for i in secured if i in persona.items)
    gave = sum(persona.items[i].value for i in conceded if i in persona.items)
    return got / (got + gave) if got + gave else 0.0


def score_parts(
    persona: Playbook, outcome: str, agreements: Sequence[Exchange], start_trust: int, end_trust: int
) -> tuple[tuple[str, int, int], ...]:
    """Return the score's parts, (what it is for, points, most possible): they add up to the score.

    Computed from what a session reached, so a saved dialogue is scored the same way as a live one.
    """
    share = share_of(persona, agreements)
    outcome_points = OUTCOME_POINTS.get(outcome, 0) if agreements or outcome != "ongoing" else 0
    trust_points = min(TRUST_POINTS_MAX, round(max(0, end_trust - start_trust) / 3))
    return (
        (f"outcome: {outcome}{'' if agreements else ', nothing agreed'}", outcome_points, 40),
        (f"value secured: {share:.0%} of what changed hands, by their values", round(40 * share), 40),
        (f"trust built: {start_trust} to {end_trust}, a point for every 3", trust_points, TRUST_POINTS_MAX),
    )
