"""Diagnostic codes: every problem `rehearse validate` reports has a code and a one-line fix hint.

The codes are listed in docs/diagnostics.md. Loading problems are coded by what they say; the
lints (``lint_playbook``) find what loads but cannot work well: unreachable states, dead ends,
shadowed transitions, unusable items, unused or empty reply situations.
"""

from __future__ import annotations

import re
from collections import deque

from rehearse.content.playbook import Playbook
from rehearse.errors import Problem

ENGINE_SITUATIONS = frozenset({"unmatched", "no_proposal", "propose_close", "parked", "already_agreed"})
"""Reply situations the engine picks itself (documented in docs/playbooks.md)."""

# (code, pattern on the message, fix hint), first match wins
CODES: list[tuple[str, re.Pattern[str], str]] = [
    (
        "RH015",
        re.compile(r"in a reply|template too long|template cannot be read|too large for a reply"),
        "write replies with text, variables, the listed filters and if (docs/playbooks.md)",
    ),
    ("RH001", re.compile(r"YAML syntax"), "fix the YAML at this line (indentation, quotes, brackets)"),
    ("RH002", re.compile(r"duplicate key"), "remove or rename one of the two keys"),
    ("RH003", re.compile(r"unknown key"), "remove the key or correct its spelling"),
    ("RH004", re.compile(r"missing (?:key|meter|situation)"), "add the missing entry"),
    ("RH005", re.compile(r"must be|must have|not a |too large"), "give the value the type and range shown"),
    ("RH006", re.compile(r"unknown (?:state|initial state)"), "use a state listed under 'states'"),
    ("RH007", re.compile(r"unknown item"), "use an item id listed under 'items'"),
    (
        "RH008",
        re.compile(r"unknown (?:move kind|outcome)"),
        "use one of the move kinds or outcomes of docs/reading.md",
    ),
    (
        "RH009",
        re.compile(r"unknown (?:meter|action|reply situation)"),
        "use a meter, action or reply situation the playbook defines",
    ),
    (
        "RH010",
        re.compile(r"condition|unknown name|is not allowed"),
        "write the condition with the names and operators of docs/playbooks.md",
    ),
    (
        "RH011",
        re.compile(r"template|undefined template variable|unknown filter|no usable variant"),
        "use the template variables and filters of docs/playbooks.md",
    ),
    ("RH012", re.compile(r"ends the session, so nothing leaves it"), "remove the terminal state from 'from'"),
    (
        "RH013",
        re.compile(r"persona|playbook file"),
        "give a persona id from 'rehearse personas' or a playbook path",
    ),
    (
        "RH014",
        re.compile(r"file not found|cannot read|not a UTF-8"),
        "check the path and the file's encoding",
    ),
]
LINT_HINTS = {
    "RH101": "add a transition into it, or remove the state",
    "RH102": "add a transition that leaves it, or give it an outcome that ends the session",
    "RH103": "move the conditional transition above the unconditional one, or remove it",
    "RH104": "give the item phrases, or remove it",
    "RH105": "write at least three variants so replies do not repeat",
    "RH106": "use the situation in a transition's 'reply', or remove it",
    "RH107": "list under 'sides' the names, capitals and leaders of both sides (docs/playbooks.md)",
}


def coded(problem: Problem) -> Problem:
    """Return the problem with its code and hint in the message (already coded ones unchanged)."""
    if re.match(r"^RH\d{3} ", problem.message):
        return problem
    for code, pattern, hint in CODES:
        if pattern.search(problem.message):
            return Problem(problem.file, problem.line, f"{code} {problem.message} (fix: {hint})")
    return Problem(problem.file, problem.line, f"RH000 {problem.message}")


def _lint(playbook: Playbook, line: int, code: str, message: str) -> Problem:
    return Problem(str(playbook.path), line, f"{code} {message} (fix: {LINT_HINTS[code]})")


def lint_playbook(playbook: Playbook, lines: dict[str, int]) -> list[Problem]:
    """Return the lints of a loaded playbook; ``lines`` gives the line of each state and situation."""
    problems: list[Problem] = []
    rules = [*playbook.rules, *playbook.checks]
    edges: dict[str, set[str]] = {name: set() for name in playbook.states}
    for rule in rules:
        for source in rule.sources:
            edges[source].add(rule.dest or source)
    reached = {playbook.initial}
    queue = deque([playbook.initial])
    while queue:
        for nxt in edges[queue.popleft()]:
            if nxt not in reached:
                reached.add(nxt)
                queue.append(nxt)
    for name, state in playbook.states.items():
        where = lines.get(f"state:{name}", 1)
        if name not in reached:
            problems.append(
                _lint(playbook, where, "RH101", f"state '{name}' cannot be reached from '{playbook.initial}'")
            )
        elif state.outcome == "ongoing" and not (edges[name] - {name}):
            problems.append(
                _lint(playbook, where, "RH102", f"state '{name}' is ongoing but no transition leaves it")
            )
    seen_unconditional: set[tuple[str, str]] = set()
    for rule in rules:
        for source in rule.sources:
            key = (rule.trigger, source)
            if key in seen_unconditional:
                problems.append(
                    _lint(
                        playbook,
                        rule.line,
                        "RH103",
                        f"this transition never fires from '{source}': an earlier one for the same move has no condition",
                    )
                )
                break
        if rule.condition is None:
            seen_unconditional.update((rule.trigger, s) for s in rule.sources)
    for item in playbook.items.values():
        if not item.phrases:
            problems.append(
                _lint(
                    playbook,
                    lines.get(f"item:{item.id}", 1),
                    "RH104",
                    f"item '{item.id}' has no phrases, so no message can name it",
                )
            )
    if not playbook.sides.user or not playbook.sides.persona:
        missing = " or ".join(
            side
            for side, names in (
                ("the user's", playbook.sides.user),
                ("the persona's", playbook.sides.persona),
            )
            if not names
        )
        problems.append(
            _lint(
                playbook,
                lines.get("sides", 1),
                "RH107",
                f"'sides' does not name {missing} side, so the reader cannot tell whose capital or leader is meant",
            )
        )
    used = {rule.reply for rule in rules if rule.reply} | ENGINE_SITUATIONS
    for situation, variants in playbook.replies.items():
        where = lines.get(f"reply:{situation}", 1)
        if len(variants) < 3:
            problems.append(
                _lint(playbook, where, "RH105", f"reply '{situation}' has {len(variants)} variant(s)")
            )
        if situation not in used:
            problems.append(
                _lint(playbook, where, "RH106", f"reply '{situation}' is never used by a transition")
            )
    return problems
