"""Loading a playbook's rules (``transitions`` and ``checks``): each key checked, conditions compiled."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from rehearse.content.checker import Checker, suggest
from rehearse.content.conditions import ConditionSyntaxError, compile_condition
from rehearse.content.playbook import ACTIONS, Item, Rule, State
from rehearse.content.yamlsource import LineDict, LineList
from rehearse.moves import MOVE_KINDS

RULE_KEYS = ("move", "from", "to", "when", "effects", "action", "reply", "reason")


def load_rules(
    check: Checker,
    top: LineDict,
    key: str,
    states: dict[str, State],
    meters: dict[str, int],
    items: dict[str, Item],
    replies: dict[str, Any],
    names: set[str],
    with_move: bool,
    topics: Collection[str] = (),
) -> list[Rule]:
    """Return the rules under ``key`` (a move's ``transitions``, or ``checks``), each problem reported."""
    raw = top.get(key, LineList())
    if not isinstance(raw, LineList):
        check.add(top.line_of(key), f"'{key}' must be a list")
        return []
    rules: list[Rule] = []
    ongoing = [n for n, s in states.items() if s.outcome == "ongoing"]
    keys = RULE_KEYS if with_move else tuple(k for k in RULE_KEYS if k != "move")
    for index, (spec, line) in enumerate(zip(raw, raw.item_lines, strict=True), start=1):
        where = f"{key[:-1]} {index}"
        body = check.mapping(spec, where, line, ("from",) + (("move",) if with_move else ()), keys)
        if body is None:
            continue
        trigger = "check"
        if with_move:
            move = body.get("move")
            if move not in MOVE_KINDS:
                check.add(
                    body.line_of("move"),
                    f"{where}: unknown move kind '{move}'{suggest(str(move), MOVE_KINDS)}",
                )
            trigger = f"move_{move}"
        sources = _sources(check, body, where, states, ongoing)
        dest = body.get("to")
        if dest is not None and dest not in states:
            check.add(body.line_of("to"), f"{where}: unknown state '{dest}'{suggest(str(dest), states)}")
        condition = None
        if "when" in body:
            condition = _condition(check, body, where, names, items, topics)
        effects = _effects(check, body, where, meters)
        action = body.get("action")
        if action is not None and action not in ACTIONS:
            check.add(
                body.line_of("action"), f"{where}: unknown action '{action}'{suggest(str(action), ACTIONS)}"
            )
        reply = body.get("reply")
        if reply is not None and reply not in replies:
            check.add(
                body.line_of("reply"),
                f"{where}: unknown reply situation '{reply}'{suggest(str(reply), replies)}",
            )
        if with_move and reply is None:
            check.add(body.line, f"{where}: missing key 'reply'")
        reason = check.text(body, "reason", where, default=f"{key[:-1]} {index}")
        rules.append(Rule(trigger, sources, dest, condition, effects, action, reply, reason, line))
    return rules


def _sources(
    check: Checker, body: LineDict, where: str, states: dict[str, State], ongoing: list[str]
) -> tuple[str, ...]:
    raw = body.get("from")
    if raw == "*":
        return tuple(ongoing)
    names = check.strings(raw, f"{where}: from", body.line_of("from"), allow_single=True)
    out: list[str] = []
    for name, line in names:
        if name not in states:
            check.add(line, f"{where}: unknown state '{name}'{suggest(name, states)}")
        elif states[name].outcome != "ongoing":
            check.add(line, f"{where}: state '{name}' ends the session, so nothing leaves it")
        else:
            out.append(name)
    return tuple(out)


def _condition(
    check: Checker,
    body: LineDict,
    where: str,
    names: set[str],
    items: dict[str, Item],
    topics: Collection[str] = (),
) -> Any:
    text = body.get("when")
    if not isinstance(text, str):
        check.add(body.line_of("when"), f"{where}: 'when' must be a condition written as text")
        return None
    try:
        condition = compile_condition(text, names)
    except ConditionSyntaxError as exc:
        hint = ""
        if str(exc).startswith("unknown name"):
            hint = suggest(str(exc).split("'")[1], names)
        check.add(body.line_of("when"), f"{where}: condition {exc}{hint}")
        return None
    for name, value in condition.strings:
        if name in ("move.gives", "move.asks") and value not in items:
            check.add(body.line_of("when"), f"{where}: unknown item '{value}'{suggest(value, items)}")
        if name in ("topic", "topics") and value and value not in topics:
            check.add(body.line_of("when"), f"{where}: unknown topic '{value}'{suggest(value, topics)}")
        if name == "move.kind" and value not in MOVE_KINDS:
            check.add(
                body.line_of("when"), f"{where}: unknown move kind '{value}'{suggest(value, MOVE_KINDS)}"
            )
    return condition


def _effects(
    check: Checker, body: LineDict, where: str, meters: dict[str, int]
) -> tuple[tuple[str, int], ...]:
    raw = body.get("effects")
    if raw is None:
        return ()
    data = check.mapping(raw, f"{where}: effects", body.line_of("effects"), open_keys=True)
    if data is None:
        return ()
    out = []
    for meter in data:
        if meter not in meters:
            check.add(data.line_of(meter), f"{where}: unknown meter '{meter}'{suggest(meter, meters)}")
            continue
        out.append((meter, check.integer(data, meter, f"{where}: effects", -100, 100, 0)))
    return tuple(out)
