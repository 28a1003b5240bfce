"""Loading a playbook: parse safely, validate everything, report each problem as ``file:line``."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from rehearse.content.checker import Checker, suggest
from rehearse.content.playbook import Item, Playbook, Side, Sides, State, Strategy, Variant
from rehearse.content.rule_loader import load_rules
from rehearse.content.validated import is_validated, mark_validated
from rehearse.content.vocabulary import CONDITION_NAMES, TEMPLATE_NAMES
from rehearse.content.yamlsource import LineDict, LineList, read_yaml_file
from rehearse.errors import ContentError
from rehearse.moves import OUTCOMES

TOP_REQUIRED = ("id", "name", "briefing", "items", "meters", "states", "initial", "transitions", "replies")
TOP_OPTIONAL = (
    "title",
    "difficulty",
    "delegation",
    "leader",
    "user_role",
    "sides",
    "strategy",
    "topics",
    "checks",
)
ITEM_KEYS = ("label", "side", "value", "phase", "phrases")
ITEM_OPTIONAL = ("red_line", "refrain", "instead_of", "cues", "exclude")
IDENT = re.compile(r"^[a-z][a-z0-9_]*$")
PERSONA_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
SIDE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.' -]{0,60}\*?$")
REQUIRED_REPLIES = ("unmatched",)

_SAMPLE = {
    "name": "Delegation",
    "delegation": "the delegation",
    "leader": "the leader",
    "you_give": ["item one", "item two"],
    "you_ask": ["item three"],
    "we_give": ["item three"],
    "we_want": ["item one", "item four"],
    "table_we_give": ["item three"],
    "table_you_give": ["item one"],
    "roadmap": ["phase 1: item one for item three"],
    "parked": ["item two"],
    "verdict": "counter",
    "topic": "security",
    "stage": "opening",
    "mood": "guarded",
    "turn": 3,
    "trust": 40,
    "tension": 50,
}


def load_playbook(path: Path, thorough: bool = False) -> Playbook:
    """Load and validate the playbook at ``path``; raise ContentError listing every problem.

    Templates are checked statically (syntax, variables, filters); ``thorough`` also compiles and
    renders each one with sample values. The same bytes, once checked by this version of
    rehearse, are not parsed again (a marker in the cache folder records it); templates are
    then compiled on first use.
    """
    data, raw = read_yaml_file(path)
    sha256 = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    check = Checker(str(path))
    check.thorough = thorough
    check.trusted = not thorough and is_validated(sha256)
    top = check.mapping(data, "playbook", 1, TOP_REQUIRED, TOP_OPTIONAL)
    if top is None:
        raise ContentError(check.problems)
    persona_id = check.text(top, "id", "playbook")
    if persona_id and not PERSONA_ID.match(persona_id):
        check.add(top.line_of("id"), "playbook: 'id' must be lower case letters, digits, '-' or '_'")
    meters = _meters(check, top)
    items = _items(check, top)
    states = _states(check, top)
    initial = check.text(top, "initial", "playbook")
    if initial and initial not in states:
        check.add(top.line_of("initial"), f"unknown initial state '{initial}'{suggest(initial, states)}")
    elif initial and states[initial].outcome != "ongoing":
        check.add(top.line_of("initial"), f"initial state '{initial}' must have outcome 'ongoing'")
    replies = _replies(check, top)
    names = set(CONDITION_NAMES) | set(meters)
    topics = _topics(check, top)
    rules = load_rules(check, top, "transitions", states, meters, items, replies, names, True, topics)
    checks = load_rules(check, top, "checks", states, meters, items, replies, names, False, topics)
    sides = _sides(check, top)
    strategy = _strategy(check, top)
    name = check.text(top, "name", "playbook")
    texts = {  # checked before any problem is raised, so a wrong type is always reported
        "title": check.text(top, "title", "playbook", default=name),
        "difficulty": check.text(top, "difficulty", "playbook", default="standard"),
        "delegation": check.text(top, "delegation", "playbook", default=name),
        "leader": check.text(top, "leader", "playbook", default="the head of delegation"),
        "user_role": check.text(top, "user_role", "playbook", default="You lead the other delegation."),
        "briefing": check.text(top, "briefing", "playbook"),
    }
    if check.problems:
        raise ContentError(check.problems)
    if not check.trusted:
        mark_validated(sha256)
    return Playbook(
        id=persona_id,
        name=name,
        title=texts["title"],
        difficulty=texts["difficulty"],
        delegation=texts["delegation"],
        leader=texts["leader"],
        user_role=texts["user_role"],
        briefing=texts["briefing"],
        items=items,
        meters=meters,
        states=states,
        initial=initial,
        rules=tuple(rules),
        checks=tuple(checks),
        replies=replies,
        topics=topics,
        sides=sides,
        strategy=strategy,
        path=path,
        sha256=sha256,
    )


def _meters(check: Checker, top: LineDict) -> dict[str, int]:
    data = check.mapping(top.get("meters"), "meters", top.line_of("meters"), open_keys=True)
    meters: dict[str, int] = {}
    if data is None:
        return meters
    for name in data:
        if not IDENT.match(name):
            check.add(data.line_of(name), f"meters: '{name}' must be a lower-case name")
        meters[name] = check.integer(data, name, "meters", 0, 100, 50)
    for needed in ("trust", "tension"):
        if needed not in meters:
            check.add(data.line, f"meters: missing meter '{needed}'")
    return meters


def _items(check: Checker, top: LineDict) -> dict[str, Item]:
    data = check.mapping(top.get("items"), "items", top.line_of("items"), open_keys=True)
    items: dict[str, Item] = {}
    if data is None:
        return items
    for item_id, spec in data.items():
        where = f"item '{item_id}'"
        if not IDENT.match(item_id):
            check.add(data.line_of(item_id), f"{where}: ids are lower-case snake_case")
        body = check.mapping(spec, where, data.line_of(item_id), ITEM_KEYS, ITEM_OPTIONAL)
        if body is None:
            continue
        side: Side = "user"
        if body.get("side") == "persona":
            side = "persona"
        elif body.get("side") != "user":
            check.add(
                body.line_of("side"), f"{where}: 'side' must be 'persona' or 'user', not '{body.get('side')}'"
            )
        phrases = check.strings(body.get("phrases"), f"{where}: phrases", body.line_of("phrases"))
        items[item_id] = Item(
            id=item_id,
            label=check.text(body, "label", where),
            side=side,
            value=check.integer(body, "value", where, 0, 1000, 10),
            phase=check.integer(body, "phase", where, 1, 20, 1),
            phrases=tuple(p.strip().lower() for p, _ in phrases),
            red_line=check.boolean(body, "red_line", where, False),
            refrain=check.boolean(body, "refrain", where, False),
            instead_of=tuple(
                i
                for i, _ in check.strings(
                    body.get("instead_of", LineList()), f"{where}: instead_of", body.line_of("instead_of")
                )
            ),
            cues=tuple(
                c.strip().lower()
                for c, _ in check.strings(
                    body.get("cues", LineList()), f"{where}: cues", body.line_of("cues")
                )
            ),
            exclude=tuple(
                c.strip().lower()
                for c, _ in check.strings(
                    body.get("exclude", LineList()), f"{where}: exclude", body.line_of("exclude")
                )
            ),
        )
    for item in items.values():
        for other in item.instead_of:
            if other not in items:
                check.add(
                    data.line_of(item.id),
                    f"item '{item.id}': instead_of names unknown item '{other}'{suggest(other, items)}",
                )
    return items


def _states(check: Checker, top: LineDict) -> dict[str, State]:
    data = check.mapping(top.get("states"), "states", top.line_of("states"), open_keys=True)
    states: dict[str, State] = {}
    if data is None:
        return states
    for name, spec in data.items():
        where = f"state '{name}'"
        if not IDENT.match(name):
            check.add(data.line_of(name), f"{where}: state names are lower-case snake_case")
        body = check.mapping(spec, where, data.line_of(name), ("outcome",), ("mood", "description"))
        if body is None:
            continue
        outcome = body.get("outcome")
        if outcome not in OUTCOMES:
            hint = suggest(str(outcome), OUTCOMES)
            check.add(body.line_of("outcome"), f"{where}: outcome must be one of {', '.join(OUTCOMES)}{hint}")
        states[name] = State(
            name,
            str(outcome),
            check.text(body, "mood", where, default=name),
            check.text(body, "description", where, default=""),
        )
    if states and not any(s.outcome == "ongoing" for s in states.values()):
        check.add(data.line, "states: at least one state must have outcome 'ongoing'")
    return states


def _replies(check: Checker, top: LineDict) -> dict[str, tuple[Variant, ...]]:
    data = check.mapping(top.get("replies"), "replies", top.line_of("replies"), open_keys=True)
    replies: dict[str, tuple[Variant, ...]] = {}
    if data is None:
        return replies
    for situation, spec in data.items():
        where = f"reply '{situation}'"
        variants: list[Variant] = []
        for source, line in check.strings(spec, where, data.line_of(situation), allow_single=True):
            variant = Variant(source, line) if check.trusted else _checked_variant(check, where, source, line)
            if variant is not None:
                variants.append(variant)
        if not variants:
            check.add(data.line_of(situation), f"{where} has no usable variant")
        replies[situation] = tuple(variants)
    for needed in REQUIRED_REPLIES:
        if needed not in data:
            check.add(data.line, f"replies: missing situation '{needed}' (said when no transition fires)")
    return replies


def _checked_variant(check: Checker, where: str, source: str, line: int) -> Variant | None:
    import jinja2

    from rehearse.content.templates import RENDER_ERRORS, check_template, render

    try:
        problem = check_template(source, frozenset(TEMPLATE_NAMES))
    except jinja2.TemplateSyntaxError as exc:
        check.add(line, f"{where}: template syntax: {exc.message}")
        return None
    if problem is not None:
        name = problem.split("'")[1] if problem.startswith("undefined") else ""
        check.add(line, f"{where}: {problem}{suggest(name, TEMPLATE_NAMES) if name else ''}")
        return None
    variant = Variant(source, line)
    if check.thorough:
        try:
            render(variant.template, _SAMPLE)
        except RENDER_ERRORS as exc:
            check.add(line, f"{where}: template fails to render: {exc}")
            return None
    return variant


def _topics(check: Checker, top: LineDict) -> dict[str, tuple[str, ...]]:
    data = check.mapping(top.get("topics", LineDict()), "topics", top.line_of("topics"), open_keys=True)
    topics: dict[str, tuple[str, ...]] = {}
    if data is None:
        return topics
    for name, spec in data.items():
        phrases = check.strings(spec, f"topic '{name}'", data.line_of(name))
        topics[name] = tuple(p.strip().lower() for p, _ in phrases)
    return topics


def _sides(check: Checker, top: LineDict) -> Sides:
    """Read how each side is named in talk (names, capitals, leaders, institutions)."""
    raw = top.get("sides")
    if raw is None:
        return Sides()
    data = check.mapping(raw, "sides", top.line_of("sides"), (), ("user", "persona"))
    if data is None:
        return Sides()
    found: dict[str, tuple[str, ...]] = {}
    owner: dict[str, str] = {}
    for side in ("user", "persona"):
        if side not in data:
            continue
        names = []
        for name, line in check.strings(data[side], f"sides: {side}", data.line_of(side)):
            text = " ".join(name.split())
            if not SIDE_NAME.match(text):
                check.add(line, f"sides: {side}: '{text}' must be plain words (a '*' may end the last one)")
                continue
            if owner.get(text.lower(), side) != side:
                check.add(line, f"sides: '{text}' names both sides")
            owner[text.lower()] = side
            names.append(text)
        found[side] = tuple(names)
    return Sides(user=found.get("user", ()), persona=found.get("persona", ()))


def _strategy(check: Checker, top: LineDict) -> Strategy:
    raw = top.get("strategy")
    if raw is None:
        return Strategy()
    keys = ("opening_ratio", "reservation_ratio", "beta", "horizon", "gross_ratio")
    data = check.mapping(raw, "strategy", top.line_of("strategy"), (), keys)
    if data is None:
        return Strategy()
    d = Strategy()
    return Strategy(
        opening_ratio=check.number(data, "opening_ratio", "strategy", 0.1, 10, d.opening_ratio),
        reservation_ratio=check.number(data, "reservation_ratio", "strategy", 0.1, 10, d.reservation_ratio),
        beta=check.number(data, "beta", "strategy", 0.05, 20, d.beta),
        horizon=check.integer(data, "horizon", "strategy", 1, 1000, d.horizon),
        gross_ratio=check.number(data, "gross_ratio", "strategy", 0, 10, d.gross_ratio),
    )
