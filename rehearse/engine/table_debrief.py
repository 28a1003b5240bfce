"""The debrief of a table: the score as parts, where each party ended, and the table's turning points.

The table is replayed from its messages (deterministic, and cheap: a tenth of a millisecond a turn)
to see every party's meters after every turn, so a swing is told apart as the reply of the party
addressed or as a reaction to a message sent to another party.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rehearse.content.templates import count_of
from rehearse.engine.table import TABLE, TableSession

SWING_TRUST = 8
"""A fall in trust this large, in one turn, is a turning point."""
SWING_TENSION = 10
"""A rise in tension this large, in one turn, is a turning point."""
MAX_POINTS = 12
"""Turning points shown at most: walk-outs and the table's own turns, then the earliest others."""


@dataclass(frozen=True)
class PartyEnd:
    """Where one party ended: its stage, its meters at the start and the end, its steps agreed."""

    party: str
    name: str
    stage: str
    start: dict[str, int]
    end: dict[str, int]
    agreed: int
    minimum: int


@dataclass(frozen=True)
class TablePoint:
    """A turn that changed the table: which party, and what happened."""

    turn: int
    party: str
    what: str


@dataclass(frozen=True)
class TableDebrief:
    """The debrief of a table session."""

    outcome: str
    score: int
    parts: tuple[tuple[str, int, int], ...]
    """(what, points, out of), adding up to the score."""
    parties: tuple[PartyEnd, ...]
    points: tuple[TablePoint, ...]
    turns: int
    reactions: int
    more: int = 0
    """Turning points left out (walk-outs and the table's own turns are always kept)."""


def table_score_parts(
    outcome: str, agreed: Mapping[str, int], minimums: Mapping[str, int], trust: Mapping[str, int]
) -> tuple[tuple[str, int, int], ...]:
    """Return the table score's parts: 40 for the adopted statement, 40 for steps, 20 for trust."""
    needed = sum(minimums.values())
    done = sum(min(agreed.get(pid, 0), need) for pid, need in minimums.items())
    mean = round(sum(trust.get(pid, 0) for pid in minimums) / max(len(minimums), 1))
    steps = round(40 * done / needed) if needed else 40  # a table that needs no step gives them all
    return (
        ("the joint statement adopted", 40 if outcome == "agreement" else 0, 40),
        (f"steps agreed: {done} of the {needed} the parties need", steps, 40),
        (f"the parties' mean trust: {mean}", round(20 * mean / 100), 20),
    )


def _quoted(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split()).rstrip(".")
    return f"“{flat if len(flat) <= limit else flat[: limit - 1].rsplit(' ', 1)[0] + ' …'}”"


def table_debrief(table: TableSession) -> TableDebrief:
    """Return the debrief of ``table`` as it stands, finished or not (``table`` is left unchanged)."""
    spec = table.spec
    replay = TableSession(spec, table.seed)
    start = {pid: dict(neg.meters) for pid, neg in replay.parties.items()}
    points: list[TablePoint] = []
    reactions = 0
    for turn in table.turns:
        table_was = (replay.state, replay.outcome)
        before = {
            pid: (dict(neg.meters), neg.outcome, len(neg.ledger)) for pid, neg in replay.parties.items()
        }
        played = replay.say(turn.say)
        if turn.turn is not None and turn.turn.corrected:
            fixed = turn.turn.move
            played = replay.correct(fixed.kind, fixed.gives, fixed.asks)
        reactions += len(played.reactions)
        reacted = {r.party for r in played.reactions}
        to = "the table" if played.party == TABLE else f"@{played.party}"
        for pid, neg in replay.parties.items():
            was, outcome, steps = before[pid]
            name = spec.parties[pid].name
            if neg.outcome == "derailed" and outcome != "derailed":
                read = f", read as {played.turn.move.kind}" if pid == played.party and played.turn else ""
                points.append(
                    TablePoint(turn.number, pid, f"{name} walked out after {_quoted(turn.say)}{read}.")
                )
                continue
            if len(neg.ledger) > steps:
                points.append(TablePoint(turn.number, pid, f"{name} agreed an exchange with you."))
            trust = neg.meters.get("trust", 0) - was.get("trust", 0)
            tension = neg.meters.get("tension", 0) - was.get("tension", 0)
            if trust <= -SWING_TRUST or tension >= SWING_TENSION:
                kind = played.turn.move.kind if played.turn is not None else "a message"
                cause = (
                    f"your message to it, read as {kind}"
                    if pid == played.party
                    else f"a reaction to your {kind} to {to}"
                    if pid in reacted
                    else f"your message to {to}"
                )
                what = f"{name}: trust {trust:+d}, tension {tension:+d} after {_quoted(turn.say)} ({cause})."
                points.append(TablePoint(turn.number, pid, what))
        if played.notice and (
            (replay.state, replay.outcome) != table_was or "will not sign" in played.notice
        ):
            points.append(TablePoint(turn.number, TABLE, played.notice))
    minimums = {pid: p.minimum for pid, p in spec.parties.items()}
    parts = table_score_parts(
        table.outcome,
        {pid: len(neg.ledger) for pid, neg in table.parties.items()},
        minimums,
        {pid: neg.meters.get("trust", 0) for pid, neg in table.parties.items()},
    )
    vital = [p for p in points if p.party == TABLE or "walked out" in p.what]
    rest = [p for p in points if p not in vital][: max(MAX_POINTS - len(vital), 0)]
    kept = tuple(sorted(vital + rest, key=lambda p: p.turn))
    ends = tuple(
        PartyEnd(
            pid,
            spec.parties[pid].name,
            neg.state if neg.outcome == "ongoing" else neg.outcome,
            start[pid],
            dict(neg.meters),
            len(neg.ledger),
            minimums[pid],
        )
        for pid, neg in table.parties.items()
    )
    return TableDebrief(
        table.outcome,
        sum(points for _, points, _ in parts),
        parts,
        ends,
        kept,
        len(table.turns),
        reactions,
        len(points) - len(kept),
    )


def debrief_lines(debrief: TableDebrief) -> list[str]:
    """Return the debrief as plain lines (chat, and the text of the TUI's debrief)."""
    lines = [
        f"The table: {debrief.outcome} after {count_of(debrief.turns, 'turn')}. Score {debrief.score}/100:"
    ]
    lines += [f"  {points:>2}/{most}  {what}" for what, points, most in debrief.parts]
    lines.append("Where each party ended (trust and tension from the start to now, steps agreed):")
    for end in debrief.parties:
        trust = f"{end.start.get('trust', 0)}→{end.end.get('trust', 0)}"
        tension = f"{end.start.get('tension', 0)}→{end.end.get('tension', 0)}"
        lines.append(
            f"  @{end.party:<8} {end.stage:<10} trust {trust:<7} tension {tension:<7} {end.agreed}/{end.minimum}"
        )
    lines.append(f"Turning points ({debrief.reactions} reactions drawn in all):")
    lines += [f"  turn {p.turn}: {p.what}" for p in debrief.points] or ["  none yet"]
    if debrief.more:
        lines.append(f"  … and {debrief.more} smaller turning points")
    return lines
