"""Table drills (docs/tables.md): scripted messages to a table of delegations, with expectations.

Like a drill (docs/drills.md) but with ``table:`` in place of ``persona:``; an expectation may say
which party answered (``party``), which parties reacted (``reactions``, an exact set), where the
table stands (``table``: talking, closing, agreement, derailed) and any party's meters
(``china: {trust: down}``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rehearse.content.checker import Checker, suggest
from rehearse.content.drills import COMPARISON, MeterCheck, script_steps
from rehearse.content.tables import TableSpec, load_table, resolve_table
from rehearse.content.yamlsource import LineDict, read_yaml_file
from rehearse.errors import ContentError, RehearseError
from rehearse.moves import MOVE_KINDS, OUTCOMES

TOP_REQUIRED = ("drill", "table", "turns")
TOP_OPTIONAL = ("seed", "title", "briefing", "handover", "hints", "objectives", "live_objectives")
TABLE_STATES = ("talking", "closing", "agreement", "derailed")


@dataclass(frozen=True)
class TableExpectation:
    """What must hold after one scripted table turn (every key optional)."""

    party: str | None = None
    kind: str | None = None
    reactions: frozenset[str] | None = None
    table: str | None = None
    outcome: str | None = None
    meters: tuple[tuple[str, MeterCheck], ...] = ()


@dataclass(frozen=True)
class TableDrillTurn:
    """One scripted message and its expectations."""

    say: str
    expect: TableExpectation
    line: int


@dataclass
class TableDrill:
    """A validated table drill."""

    id: str
    spec: TableSpec
    seed: int
    title: str
    briefing: str
    turns: list[TableDrillTurn]
    outcome: str | None
    within_turns: int | None
    path: Path
    handover: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    hints: bool = True
    live_outcome: str | None = None
    live_within_turns: int | None = None
    has_live_objectives: bool = False

    @property
    def live(self) -> tuple[str | None, int | None]:
        """Return (outcome, within_turns) a trainee plays for live: ``live_objectives``, else ``objectives``."""
        if self.has_live_objectives:
            return self.live_outcome, self.live_within_turns
        return self.outcome, self.within_turns


def load_table_drill(path: Path) -> TableDrill:
    """Load and validate a table drill; raise ContentError listing every problem."""
    data, _ = read_yaml_file(path)
    check = Checker(str(path))
    top = check.mapping(data, "drill", 1, TOP_REQUIRED, TOP_OPTIONAL)
    if top is None:
        raise ContentError(check.problems)
    spec = _table(check, top, path)
    turns = _turns(check, top, spec)
    outcome, within = _objectives(check, top)
    live_outcome, live_within = _objectives(check, top, "live_objectives")
    hints = top.get("hints", True)
    if not isinstance(hints, bool):
        check.add(top.line_of("hints"), "drill: 'hints' must be true or false")
    handover = check.integer(top, "handover", "drill", 0, max(len(turns), 0), 0)
    if check.problems or spec is None:
        raise ContentError(check.problems)
    return TableDrill(
        id=check.text(top, "drill", "drill"),
        spec=spec,
        seed=check.integer(top, "seed", "drill", 0, 2**31 - 1, 0),
        title=check.text(top, "title", "drill", default=str(top.get("drill"))),
        briefing=check.text(top, "briefing", "drill", default=""),
        turns=turns,
        outcome=outcome,
        within_turns=within,
        path=path,
        handover=handover,
        hints=hints is not False,
        live_outcome=live_outcome,
        live_within_turns=live_within,
        has_live_objectives="live_objectives" in top,
    )


def _table(check: Checker, top: LineDict, path: Path) -> TableSpec | None:
    name = top.get("table")
    if not isinstance(name, str) or not name.strip():
        check.add(top.line_of("table"), "drill: 'table' must be a table id or a table file path")
        return None
    near = path.parent / name
    found = near if name.endswith((".yaml", ".yml")) and near.is_file() else resolve_table(name)
    if found is None:
        check.add(top.line_of("table"), f"unknown table '{name}'")
        return None
    try:
        return load_table(found)
    except ContentError as exc:
        check.add(top.line_of("table"), f"table '{name}' has problems: {exc}")
    except RehearseError as exc:
        check.add(top.line_of("table"), str(exc))
    return None


def _turns(check: Checker, top: LineDict, spec: TableSpec | None) -> list[TableDrillTurn]:
    parties = tuple(spec.parties) if spec else ()
    return [
        TableDrillTurn(
            say,
            _expectation(check, expect[0], where, expect[1], parties) if expect else TableExpectation(),
            line,
        )
        for say, where, expect, line in script_steps(check, top)
    ]


def _expectation(
    check: Checker, value: object, where: str, line: int, parties: tuple[str, ...]
) -> TableExpectation:
    keys = ("party", "kind", "reactions", "table", "outcome", *parties)
    body = check.mapping(value, f"{where}: expect", line, (), keys)
    if body is None:
        return TableExpectation()
    choices = {"party": (*parties, "table"), "kind": MOVE_KINDS, "table": TABLE_STATES, "outcome": OUTCOMES}
    texts: dict[str, str | None] = {}
    for key, allowed in choices.items():
        got = body.get(key)
        texts[key] = None
        if got is None:
            continue
        if not isinstance(got, str) or got not in allowed:
            check.add(body.line_of(key), f"{where}: unknown {key} '{got}'{suggest(str(got), allowed)}")
        else:
            texts[key] = got
    reactions = None
    if "reactions" in body:
        named = check.strings(body["reactions"], f"{where}: reactions", body.line_of("reactions"))
        for party, party_line in named:
            if party not in parties:
                check.add(party_line, f"{where}: unknown party '{party}'{suggest(party, parties)}")
        reactions = frozenset(p for p, _ in named)
    meters = []
    for party in parties:
        if party not in body:
            continue
        checks = check.mapping(body[party], f"{where}: {party}", body.line_of(party), open_keys=True)
        for meter in checks or {}:
            text = str(checks[meter]).strip() if checks else ""
            if text not in ("up", "down", "same") and not COMPARISON.match(text):
                check.add(body.line_of(party), f"{where}: '{meter}' must be up, down, same or a comparison")
            else:
                meters.append((party, MeterCheck(str(meter), text)))
    return TableExpectation(
        texts["party"], texts["kind"], reactions, texts["table"], texts["outcome"], tuple(meters)
    )


def _objectives(check: Checker, top: LineDict, key: str = "objectives") -> tuple[str | None, int | None]:
    if key not in top:
        return None, None
    body = check.mapping(top.get(key), key, top.line_of(key), (), ("outcome", "within_turns"))
    if body is None:
        return None, None
    outcome = body.get("outcome")
    if outcome is not None and outcome not in OUTCOMES:
        check.add(
            body.line_of("outcome"),
            f"{key}: unknown outcome '{outcome}'{suggest(str(outcome), OUTCOMES)}",
        )
        outcome = None
    within = body.get("within_turns")
    if within is not None and (isinstance(within, bool) or not isinstance(within, int) or within < 1):
        check.add(body.line_of("within_turns"), f"{key}: 'within_turns' must be a whole number from 1")
        within = None
    return (outcome if isinstance(outcome, str) else None), within
