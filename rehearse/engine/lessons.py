"""What a debrief teaches: turning points, and the move that would have worked instead.

A turning point is a stage of the roadmap agreed, the talks derailed, a walk-out warning (the
delegation hardening), a proposal turned down, or one of the largest meter swings. For a turn
that cost trust, raised tension, hardened or derailed the talks, the best hint at that turn is
played instead, the trainee's later messages are replayed after it, and the two endings are
compared: "trust 58 instead of 41; phase 2 agreed 2 turns earlier". All of it runs inside
``Negotiation.trial()``: the session itself is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from rehearse.engine.negotiation import Negotiation, Turn
from rehearse.engine.turns import describe_move

LIMIT = 5
"""Turning points a debrief shows at most."""
HARD_STATES = frozenset({"hardening"})
"""States that warn of a walk-out."""


@dataclass(frozen=True)
class Instead:
    """The move that would have worked better at a turning point, and the difference it made."""

    text: str
    why: str
    difference: str


@dataclass(frozen=True)
class TurningPoint:
    """A turn that changed the course of the session: what happened, why, and what would have worked."""

    turn: int
    say: str
    kind: str
    swing: int
    reasons: tuple[str, ...]
    label: str = ""
    happened: str = ""
    instead: Instead | None = None


@dataclass(frozen=True)
class _Ending:
    """Where a session (or its replayed alternative) ended up."""

    meters: dict[str, int]
    outcome: str
    stages: dict[int, int]  # stage -> the turn it was first agreed
    turns: int


def turning_points(neg: Negotiation, limit: int = LIMIT) -> list[TurningPoint]:
    """Return the session's turning points in turn order, each with what would have worked instead."""
    start = dict(neg.persona.meters)
    previous, state_before = dict(start), neg.persona.initial
    stages_before: set[int] = set()
    found: list[tuple[int, TurningPoint, bool]] = []  # (priority, point, costly)
    table_before = None
    for turn in neg.turns:
        swing = sum(abs(turn.meters[m] - previous.get(m, turn.meters[m])) for m in turn.meters)
        stages = {e.phase for e in turn.ledger if e.user_gives and e.persona_gives}
        new_stages = sorted(stages - stages_before)
        trust_lost = turn.meters.get("trust", 0) < previous.get("trust", 0)
        tension_up = turn.meters.get("tension", 0) > previous.get("tension", 0)
        label, priority = "", 0
        if turn.outcome == "derailed":
            label, priority = "the talks derailed", 4
        elif turn.outcome == "agreement":
            label, priority = "agreement reached", 3
        elif new_stages:
            label, priority = f"phase {', '.join(map(str, new_stages))} agreed", 3
        elif turn.state in HARD_STATES and state_before not in HARD_STATES:
            label, priority = "walk-out warning: the delegation hardened", 3
        elif turn.move.kind == "reject" and table_before is not None and turn.table is None:
            label, priority = "a proposal turned down", 2
        elif swing:
            label, priority = _swing_label(turn, previous), 1
        if label:
            costly = turn.outcome == "derailed" or trust_lost or tension_up
            point = TurningPoint(
                turn.number,
                turn.say,
                turn.move.kind,
                swing,
                tuple(str(r) for r in turn.reasons),
                label,
                f"read as {describe_move(neg.persona, turn.move)}",
            )
            found.append((priority * 1000 + swing, point, costly))
        previous, stages_before, state_before = dict(turn.meters), stages, turn.state
        table_before = turn.table
    chosen = sorted(found, key=lambda f: (-f[0], f[1].turn))[:limit]
    ending = _ending(neg, len(neg.turns))
    points = []
    for _, point, costly in sorted(chosen, key=lambda f: f[1].turn):
        instead = _instead(neg, point.turn, ending) if costly else None
        points.append(
            TurningPoint(
                point.turn,
                point.say,
                point.kind,
                point.swing,
                point.reasons,
                point.label,
                point.happened,
                instead,
            )
        )
    return points


def point_lines(point: TurningPoint) -> list[tuple[str, str]]:
    """Return a turning point as (heading, text) lines: what was said and read, why, and instead."""
    lines = [
        ("You", point.say),
        ("Read as", point.happened.removeprefix("read as ")),
        ("Why", "; ".join(point.reasons)),
    ]
    if point.instead is not None:
        lines += [
            ("Instead", point.instead.text),
            ("Because", point.instead.why),
            ("It would have made", point.instead.difference),
        ]
    return [(head, text) for head, text in lines if text]


def _swing_label(turn: Turn, previous: dict[str, int]) -> str:
    changes = ", ".join(
        f"{name} {turn.meters[name] - previous[name]:+d}"
        for name in turn.meters
        if name in previous and turn.meters[name] != previous[name]
    )
    return f"the meters moved: {changes}"


def _ending(neg: Negotiation, played: int) -> _Ending:
    """Return where ``neg`` stands now, after ``played`` turns."""
    stages: dict[int, int] = {}
    for turn in neg.turns:
        for exchange in turn.ledger:
            if exchange.user_gives and exchange.persona_gives:
                stages.setdefault(exchange.phase, turn.number)
    return _Ending(dict(neg.meters), neg.outcome, stages, played)


def _instead(neg: Negotiation, number: int, actual: _Ending) -> Instead | None:
    """Play the best hint at turn ``number`` instead, replay the later messages, and compare."""
    later = neg.turns[number:]
    with neg.trial():
        neg.rewind(number - 1)
        found = neg.hint(1)
        if not found:
            return None
        best = found[0]
        neg.say(best.text)
        for turn in later:
            if neg.outcome != "ongoing":
                break
            neg.say(turn.say)
            if turn.corrected:
                neg.correct(turn.move.kind, gives=turn.move.gives, asks=turn.move.asks)
        alternative = _ending(neg, len(neg.turns))
    if not _better(alternative, actual):
        return None
    return Instead(best.text, best.why, _difference(alternative, actual))


def _better(alternative: _Ending, actual: _Ending) -> bool:
    """Return whether the alternative ending is better for the trainee than what happened."""
    rank = {"agreement": 2, "ongoing": 1, "derailed": 0}
    if rank[alternative.outcome] != rank[actual.outcome]:
        return rank[alternative.outcome] > rank[actual.outcome]
    if len(alternative.stages) != len(actual.stages):
        return len(alternative.stages) > len(actual.stages)
    gain = alternative.meters.get("trust", 0) - actual.meters.get("trust", 0)
    calm = actual.meters.get("tension", 0) - alternative.meters.get("tension", 0)
    return gain + calm > 0


def _difference(alternative: _Ending, actual: _Ending) -> str:
    """Say in words what the alternative would have changed: outcome, meters, stages."""
    parts = []
    if alternative.outcome != actual.outcome:
        parts.append(f"{alternative.outcome} instead of {actual.outcome}")
    for name, value in alternative.meters.items():
        if value != actual.meters.get(name):
            parts.append(f"{name} {value} instead of {actual.meters.get(name)}")
    for stage in sorted(set(alternative.stages) | set(actual.stages)):
        then, now = alternative.stages.get(stage), actual.stages.get(stage)
        if then is not None and now is None:
            parts.append(f"phase {stage} agreed (it never was)")
        elif then is not None and now is not None and then < now:
            parts.append(f"phase {stage} agreed {now - then} turn{'s' if now - then > 1 else ''} earlier")
    return "; ".join(parts) or "the same ending"
