"""Running drills headless: play the scripted turns, check each expectation, grade the objectives."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Protocol

from rehearse.content.drills import Drill, Expectation, Objectives
from rehearse.content.table_drills import TableDrill
from rehearse.content.templates import and_list, count_of
from rehearse.engine.negotiation import Negotiation, Turn
from rehearse.errors import RehearseError


@dataclass(frozen=True)
class Failure:
    """One expectation that did not hold (turn 0 means the drill as a whole)."""

    turn: int
    expected: str
    actual: str
    said: str = ""
    reply: str = ""


@dataclass(frozen=True)
class ObjectiveResult:
    """One objective, whether it was met, and why."""

    name: str
    met: bool
    why: str


@dataclass
class DrillResult:
    """The outcome of one drill (bilateral, or at a table)."""

    drill: Drill | TableDrill
    turns_run: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    objectives: list[ObjectiveResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Return whether every expectation and objective held."""
        return not self.failures and all(o.met for o in self.objectives)


def check_turn(expect: Expectation, turn: Turn, before: dict[str, int]) -> list[tuple[str, str]]:
    """Return (expected, actual) for each expectation of a turn that does not hold."""
    misses: list[tuple[str, str]] = []
    move = turn.move
    if expect.kind is not None and move.kind != expect.kind:
        misses.append((f"kind {expect.kind}", f"kind {move.kind}"))
    if expect.gives is not None and move.gives != expect.gives:
        misses.append((f"gives {sorted(expect.gives)}", f"gives {sorted(move.gives)}"))
    if expect.asks is not None and move.asks != expect.asks:
        misses.append((f"asks {sorted(expect.asks)}", f"asks {sorted(move.asks)}"))
    if expect.state is not None and turn.state != expect.state:
        misses.append((f"state {expect.state}", f"state {turn.state}"))
    if expect.outcome is not None and turn.outcome != expect.outcome:
        misses.append((f"outcome {expect.outcome}", f"outcome {turn.outcome}"))
    if expect.reply_contains is not None and expect.reply_contains.lower() not in turn.reply.lower():
        misses.append((f"reply containing {expect.reply_contains!r}", "a reply without it"))
    for check in expect.meters:
        old, new = before.get(check.meter, 0), turn.meters.get(check.meter, 0)
        if not check.holds(old, new):
            misses.append((f"{check.meter} {check.text}", f"{check.meter} {old} -> {new}"))
    return misses


def grade(neg: Negotiation, objectives: Objectives) -> list[ObjectiveResult]:
    """Grade a session against a drill's objectives, saying why each was or was not met."""
    persona = neg.persona
    results: list[ObjectiveResult] = []
    agreed = neg.agreements
    secured = set().union(*(e.persona_gives for e in agreed)) if agreed else set()
    given = set().union(*(e.user_gives for e in agreed)) if agreed else set()

    def labels(ids: set[str] | frozenset[str]) -> str:
        return and_list(persona.items[i].label if i in persona.items else i for i in sorted(ids))

    if objectives.outcome:
        met = neg.outcome == objectives.outcome
        results.append(
            ObjectiveResult("outcome", met, f"wanted {objectives.outcome}, the session is {neg.outcome}")
        )
    if objectives.secure:
        missing = objectives.secure - secured
        why = f"secured {labels(objectives.secure)}" if not missing else f"never secured {labels(missing)}"
        results.append(ObjectiveResult("secure", not missing, why))
    if objectives.concede_at_most is not None:
        extra = given - objectives.concede_at_most
        why = "conceded nothing beyond what was allowed" if not extra else f"also conceded {labels(extra)}"
        results.append(ObjectiveResult("concede_at_most", not extra, why))
    if objectives.within_turns:
        used = len(neg.turns)
        if objectives.outcome:
            met = neg.outcome == objectives.outcome and used <= objectives.within_turns
            why = f"{objectives.outcome} {'reached' if neg.outcome == objectives.outcome else 'not reached'} after {count_of(used, 'turn')} (limit {objectives.within_turns})"
        else:
            met = used <= objectives.within_turns
            why = f"{count_of(used, 'turn')} used (limit {objectives.within_turns})"
        results.append(ObjectiveResult("within_turns", met, why))
    return results


def run_drill(drill: Drill) -> DrillResult:
    """Play a drill's turns against its persona and grade it."""
    result = DrillResult(drill)
    start = time.perf_counter()
    neg = Negotiation(drill.persona, seed=drill.seed)
    for number, step in enumerate(drill.turns, start=1):
        if neg.outcome != "ongoing":
            for missed in range(number, len(drill.turns) + 1):
                if drill.turns[missed - 1].expect == Expectation():
                    continue  # a turn that expects nothing fails nothing by not running
                result.failures.append(
                    Failure(
                        missed,
                        "the turn to run",
                        f"the session had already ended ({neg.outcome})",
                        drill.turns[missed - 1].say,
                    )
                )
            break
        before = neg.meters
        try:
            turn = neg.say(step.say)
        except RehearseError as exc:
            result.failures.append(Failure(number, "a turn", f"error: {exc}", step.say))
            break
        result.turns_run = number
        for expected, actual in check_turn(step.expect, turn, before):
            result.failures.append(Failure(number, expected, actual, step.say, turn.reply))
    result.objectives = grade(neg, drill.objectives)
    result.seconds = time.perf_counter() - start
    return result


class Graded(Protocol):
    """A graded drill (bilateral or at a table): its failures and objectives."""

    failures: list[Failure]
    objectives: list[ObjectiveResult]


def report_lines(result: Graded) -> list[str]:
    """Return the lines that explain a drill's failures (empty when it passed)."""
    lines: list[str] = []
    for failure in result.failures:
        where = f"turn {failure.turn}" if failure.turn else "drill"
        lines.append(f"  {where}: expected {failure.expected}, got {failure.actual}")
        if failure.said:
            lines.append(f"    you said: {failure.said}")
        if failure.reply:
            lines.append(f"    delegation: {failure.reply}")
    for objective in result.objectives:
        if not objective.met:
            lines.append(f"  objective {objective.name} not met: {objective.why}")
    return lines
