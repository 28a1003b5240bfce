"""Drill files (docs/drills.md): loading and validating.

Problems are reported as ``file:line: message``, with suggestions for misspelt states, items and
move kinds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rehearse.content.checker import Checker, suggest
from rehearse.content.playbook import Playbook
from rehearse.content.registry import load_persona
from rehearse.content.yamlsource import LineDict, LineList, has_top_level_key, read_yaml_file
from rehearse.errors import ContentError, RehearseError
from rehearse.moves import MOVE_KINDS, OUTCOMES

TOP_REQUIRED = ("drill", "persona", "turns")
TOP_OPTIONAL = ("seed", "title", "briefing", "handover", "hints", "objectives", "live_objectives")
EXPECT_KEYS = ("kind", "gives", "asks", "state", "outcome", "reply_contains")
OBJECTIVE_KEYS = ("outcome", "secure", "concede_at_most", "within_turns")
COMPARISON = re.compile(r"^\s*(<=|>=|==|!=|<|>)\s*(-?\d+)\s*$")


@dataclass(frozen=True)
class MeterCheck:
    """An expectation on a meter: 'up', 'down', 'same' (against before the turn) or '>= 40'."""

    meter: str
    text: str

    def holds(self, before: int, after: int) -> bool:
        """Return whether the meter moved as expected."""
        if self.text == "up":
            return after > before
        if self.text == "down":
            return after < before
        if self.text == "same":
            return after == before
        match = COMPARISON.match(self.text)
        assert match is not None
        op, number = match.group(1), int(match.group(2))
        return {
            "<=": after <= number,
            ">=": after >= number,
            "==": after == number,
            "!=": after != number,
            "<": after < number,
            ">": after > number,
        }[op]


@dataclass(frozen=True)
class Expectation:
    """What must hold after one scripted turn (every key optional)."""

    kind: str | None = None
    gives: frozenset[str] | None = None
    asks: frozenset[str] | None = None
    state: str | None = None
    outcome: str | None = None
    reply_contains: str | None = None
    meters: tuple[MeterCheck, ...] = ()


@dataclass(frozen=True)
class DrillTurn:
    """One scripted user turn and its expectations, with the line it was written on."""

    say: str
    expect: Expectation
    line: int


@dataclass(frozen=True)
class Objectives:
    """What the whole drill must achieve."""

    outcome: str | None = None
    secure: frozenset[str] = frozenset()
    concede_at_most: frozenset[str] | None = None
    within_turns: int | None = None

    @property
    def any(self) -> bool:
        """Return whether the drill sets any objective."""
        return bool(self.outcome or self.secure or self.concede_at_most is not None or self.within_turns)


@dataclass
class Drill:
    """A validated drill."""

    id: str
    persona: Playbook
    seed: int
    title: str
    briefing: str
    turns: list[DrillTurn]
    objectives: Objectives
    path: Path
    handover: int = 0
    hints: bool = True
    live_objectives: Objectives | None = None
    line: int = 1
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def live(self) -> Objectives:
        """Return the objectives a trainee plays for live (``live_objectives``, else ``objectives``)."""
        return self.live_objectives if self.live_objectives is not None else self.objectives


def is_drill_file(path: Path) -> bool:
    """Return whether a YAML file looks like a drill (it has a top-level ``drill:`` key)."""
    return has_top_level_key(path, "drill")


def load_drill(path: Path) -> Drill:
    """Load and validate a drill; raise ContentError listing every problem."""
    data, _ = read_yaml_file(path)
    check = Checker(str(path))
    top = check.mapping(data, "drill", 1, TOP_REQUIRED, TOP_OPTIONAL)
    if top is None:
        raise ContentError(check.problems)
    drill_id = check.text(top, "drill", "drill")
    persona = _persona(check, top, path)
    seed = check.integer(top, "seed", "drill", 0, 2**31 - 1, 0)
    turns = _turns(check, top, persona)
    objectives = _objectives(check, top, persona)
    live_objectives = (
        _objectives(check, top, persona, "live_objectives") if "live_objectives" in top else None
    )
    handover = _handover(check, top, len(turns))
    hints = _hints_allowed(check, top)
    if check.problems or persona is None:
        raise ContentError(check.problems)
    return Drill(
        id=drill_id,
        persona=persona,
        seed=seed,
        title=check.text(top, "title", "drill", default=drill_id),
        briefing=check.text(top, "briefing", "drill", default=""),
        turns=turns,
        objectives=objectives,
        path=path,
        handover=handover,
        live_objectives=live_objectives,
        hints=hints,
    )


def _hints_allowed(check: Checker, top: LineDict) -> bool:
    """Return whether a live drill lets the trainee ask for hints (``hints: false`` forbids)."""
    value = top.get("hints", True)
    if not isinstance(value, bool):
        check.add(top.line_of("hints"), "drill: 'hints' must be true or false")
        return True
    return value


def _handover(check: Checker, top: LineDict, turns: int) -> int:
    """Return how many scripted turns a live drill plays before the trainee takes over."""
    if "handover" not in top:
        return 0
    value = top.get("handover")
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= turns:
        check.add(
            top.line_of("handover"),
            f"drill: 'handover' must be a whole number from 0 to {turns} (the number of scripted turns)",
        )
        return 0
    return value


def _persona(check: Checker, top: LineDict, path: Path) -> Playbook | None:
    name = top.get("persona")
    if not isinstance(name, str) or not name.strip():
        check.add(top.line_of("persona"), "drill: 'persona' must be a persona id or a playbook path")
        return None
    candidate = (path.parent / name) if name.endswith((".yaml", ".yml")) else None
    try:
        return load_persona(str(candidate) if candidate and candidate.exists() else name)
    except ContentError as exc:
        check.add(top.line_of("persona"), f"persona '{name}' has problems: {exc}")
    except RehearseError as exc:
        check.add(top.line_of("persona"), str(exc))
    return None


def _item_set(check: Checker, value: Any, where: str, line: int, persona: Playbook | None) -> frozenset[str]:
    items = check.strings(value, where, line)
    if persona is not None:
        for item, item_line in items:
            if item not in persona.items:
                check.add(item_line, f"{where}: unknown item '{item}'{suggest(item, persona.items)}")
    return frozenset(i for i, _ in items)


def script_steps(check: Checker, top: LineDict) -> list[tuple[str, str, Any, int]]:
    """Return each scripted turn as (say, where, its ``expect`` value or None, line), checked for shape."""
    raw = top.get("turns")
    if not isinstance(raw, LineList):
        check.add(top.line_of("turns"), "drill: 'turns' must be a list of turns")
        return []
    steps = []
    for index, (spec, line) in enumerate(zip(raw, raw.item_lines, strict=True), start=1):
        where = f"turn {index}"
        body = check.mapping(spec, where, line, ("say",), ("expect",))
        if body is None:
            continue
        say = body.get("say")
        if not isinstance(say, str):
            check.add(body.line_of("say"), f"{where}: 'say' must be text")
            say = ""
        expect = (body.get("expect"), body.line_of("expect")) if "expect" in body else None
        steps.append((say, where, expect, line))
    return steps


def _turns(check: Checker, top: LineDict, persona: Playbook | None) -> list[DrillTurn]:
    return [
        DrillTurn(
            say, _expectation(check, expect[0], where, expect[1], persona) if expect else Expectation(), line
        )
        for say, where, expect, line in script_steps(check, top)
    ]


def _expectation(check: Checker, value: Any, where: str, line: int, persona: Playbook | None) -> Expectation:
    meters = tuple(persona.meters) if persona else ("trust", "tension")
    body = check.mapping(value, f"{where}: expect", line, (), EXPECT_KEYS + meters)
    if body is None:
        return Expectation()
    for key in ("kind", "state", "outcome"):
        if key in body and not isinstance(body[key], str):
            check.add(body.line_of(key), f"{where}: expect '{key}' must be text")
    kind = body.get("kind") if isinstance(body.get("kind"), str) else None
    if kind is not None and kind not in MOVE_KINDS:
        check.add(
            body.line_of("kind"), f"{where}: unknown move kind '{kind}'{suggest(str(kind), MOVE_KINDS)}"
        )
    state = body.get("state") if isinstance(body.get("state"), str) else None
    if state is not None and persona is not None and state not in persona.states:
        check.add(
            body.line_of("state"), f"{where}: unknown state '{state}'{suggest(str(state), persona.states)}"
        )
    outcome = body.get("outcome") if isinstance(body.get("outcome"), str) else None
    if outcome is not None and outcome not in OUTCOMES:
        check.add(
            body.line_of("outcome"), f"{where}: unknown outcome '{outcome}'{suggest(str(outcome), OUTCOMES)}"
        )
    checks = []
    for meter in meters:
        if meter in body:
            text = str(body[meter]).strip()
            if text not in ("up", "down", "same") and not COMPARISON.match(text):
                check.add(
                    body.line_of(meter),
                    f"{where}: '{meter}' must be up, down, same or a comparison like '>= 40'",
                )
            else:
                checks.append(MeterCheck(meter, text))
    reply = body.get("reply_contains")
    if reply is not None and not isinstance(reply, str):
        check.add(body.line_of("reply_contains"), f"{where}: 'reply_contains' must be text")
        reply = None
    return Expectation(
        kind=kind if isinstance(kind, str) else None,
        gives=_item_set(check, body["gives"], f"{where}: gives", body.line_of("gives"), persona)
        if "gives" in body
        else None,
        asks=_item_set(check, body["asks"], f"{where}: asks", body.line_of("asks"), persona)
        if "asks" in body
        else None,
        state=state if isinstance(state, str) else None,
        outcome=outcome if isinstance(outcome, str) else None,
        reply_contains=reply,
        meters=tuple(checks),
    )


def _objectives(
    check: Checker, top: LineDict, persona: Playbook | None, key: str = "objectives"
) -> Objectives:
    if key not in top:
        return Objectives()
    body = check.mapping(top.get(key), key, top.line_of(key), (), OBJECTIVE_KEYS)
    if body is None:
        return Objectives()
    outcome = body.get("outcome")
    if outcome is not None and outcome not in OUTCOMES:
        check.add(
            body.line_of("outcome"),
            f"{key}: unknown outcome '{outcome}'{suggest(str(outcome), OUTCOMES)}",
        )
    within = body.get("within_turns")
    if within is not None and (isinstance(within, bool) or not isinstance(within, int) or within < 1):
        check.add(body.line_of("within_turns"), f"{key}: 'within_turns' must be a whole number from 1")
        within = None
    secure = _item_set(
        check, body.get("secure", LineList()), f"{key}: secure", body.line_of("secure"), persona
    )
    concede = None
    if "concede_at_most" in body:
        concede = _item_set(
            check,
            body["concede_at_most"],
            f"{key}: concede_at_most",
            body.line_of("concede_at_most"),
            persona,
        )
    return Objectives(outcome if isinstance(outcome, str) else None, secure, concede, within)
