"""Running table drills headless: play the script at the table, check each expectation, grade."""

from __future__ import annotations

import time

from rehearse.content.table_drills import TableDrill, TableExpectation
from rehearse.engine.drill_runner import DrillResult, Failure, ObjectiveResult
from rehearse.engine.table import TableSession, TableTurn


def check_table_turn(
    expect: TableExpectation, turn: TableTurn, before: dict[str, dict[str, int]], table: TableSession
) -> list[tuple[str, str]]:
    """Return (expected, actual) for each expectation of a table turn that does not hold."""
    misses: list[tuple[str, str]] = []
    if expect.party is not None and turn.party != expect.party:
        misses.append((f"party {expect.party}", f"party {turn.party}"))
    kind = turn.turn.move.kind if turn.turn is not None else "none"
    if expect.kind is not None and kind != expect.kind:
        misses.append((f"kind {expect.kind}", f"kind {kind}"))
    reacted = frozenset(r.party for r in turn.reactions)
    if expect.reactions is not None and reacted != expect.reactions:
        misses.append((f"reactions from {sorted(expect.reactions)}", f"reactions from {sorted(reacted)}"))
    if expect.table is not None and turn.state != expect.table:
        misses.append((f"table {expect.table}", f"table {turn.state}"))
    if expect.outcome is not None and turn.outcome != expect.outcome:
        misses.append((f"outcome {expect.outcome}", f"outcome {turn.outcome}"))
    for party, meter_check in expect.meters:
        was = before[party].get(meter_check.meter, 0)
        now = table.parties[party].meters.get(meter_check.meter, 0)
        if not meter_check.holds(was, now):
            misses.append(
                (
                    f"{party} {meter_check.meter} {meter_check.text}",
                    f"{party} {meter_check.meter} {was} -> {now}",
                )
            )
    return misses


def run_table_drill(drill: TableDrill) -> DrillResult:
    """Play a table drill's script and grade it."""
    start = time.perf_counter()
    table = TableSession(drill.spec, drill.seed)
    result = DrillResult(drill)
    for number, step in enumerate(drill.turns, start=1):
        if table.outcome != "ongoing":
            if step.expect != TableExpectation():
                result.failures.append(
                    Failure(number, "the turn to run", f"the table had already ended ({table.outcome})")
                )
            continue
        before = {pid: dict(neg.meters) for pid, neg in table.parties.items()}
        turn = table.say(step.say)
        result.turns_run += 1
        reply = turn.turn.reply if turn.turn is not None else turn.notice
        for expected, actual in check_table_turn(step.expect, turn, before, table):
            result.failures.append(Failure(number, expected, actual, step.say, reply))
    result.objectives.extend(grade_table(table, drill.outcome, drill.within_turns))
    result.seconds = time.perf_counter() - start
    return result


def grade_table(table: TableSession, outcome: str | None, within_turns: int | None) -> list[ObjectiveResult]:
    """Return whether the table meets a drill's objectives: its outcome, within so many turns."""
    graded = []
    if outcome is not None:
        graded.append(
            ObjectiveResult(
                "outcome", table.outcome == outcome, f"wanted {outcome}, the table is {table.outcome}"
            )
        )
    if within_turns is not None:
        used = len(table.turns)
        graded.append(
            ObjectiveResult("within_turns", used <= within_turns, f"{used} turns (limit {within_turns})")
        )
    return graded
