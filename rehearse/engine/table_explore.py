"""`rehearse explore TABLE`: seeded random walks at a table of delegations, and what they break.

Each walk sits a fresh table (its seed the walk's number) and plays up to ``max_turns`` messages,
built from each party's items and topics as ``explore`` builds them for a persona (and drawn from
labelled corpora when given), addressed to a random party (``@id``, its name or an alias) or to
the whole table. When the chair proposes the joint statement, walks often accept it before the
table; now and then they follow the table's ``hint()`` instead.

Findings, each with the shortest walk that shows it (written as a table drill): an exception; a
reply, reaction or notice that failed to render or keeps a ``{placeholder}``; more than two
reactions in a turn; a walk that replays differently with the same seed; a party saying the same
reply again within five of its own turns; a table that ended without a notice saying why; a
closing the trainee cannot complete (accepting the statement refused though every party is under
the tension limit); and no walk at all adopting the joint statement.
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import yaml

from rehearse.content.tables import MAX_REACTIONS, TableSpec, resolve_table
from rehearse.engine.explore import Finding, _message, topic_words
from rehearse.engine.negotiation import RECENT_REPLIES
from rehearse.engine.table import SIGN_LIMIT, TABLE, TableSession, TableTurn
from rehearse.errors import EmptyMessageError

ACCEPTS = (
    "We accept the joint statement.",
    "We accept the statement.",
    "We agree to adopt the joint statement.",
)
"""What a walk says to the whole table to accept the chair's joint statement."""
PLACEHOLDER = re.compile(r"\{\{?\s*[A-Za-z_][\w.]*\s*\}?\}")
ACCEPT_SHARE = 0.6
"""How often a walk accepts the joint statement once the chair has proposed it."""
TABLE_SHARE = 0.15
"""How often a message goes to the whole table (the chair answers) rather than to one party."""
GUIDED_SHARE = 0.06
"""Walks that follow the table's hint (a lookahead at every party, so dear): the others never ask."""
GUIDED_HINTS = 0.6
"""How often a guided walk follows the hint; its other messages are random like any walk's."""
REPLAY_EVERY = 4
"""One walk in four is replayed to check determinism, and every walk that followed a hint."""


@dataclass
class TableExploreReport:
    """The result of exploring a table."""

    table: str
    walks: int
    turns: int
    seconds: float
    findings: list[Finding]
    reached: dict[str, dict[str, list[str]]]
    """For each party, each state it reached and the shortest walk that got it there."""
    never: dict[str, list[str]]
    """For each party, the states of its machine no walk reached."""
    ended: Counter[str]
    """How many walks ended in each table outcome (ongoing: still talking after the last turn)."""
    hints: int = 0
    """Messages the walks took from the table's hint."""
    from_corpus: int = 0
    """Messages sent that were drawn from the labelled corpora."""
    replayed: int = 0
    """Walks replayed at a fresh table to check that they play the same."""

    @property
    def adopted(self) -> int:
        """Return how many walks adopted the joint statement."""
        return self.ended["agreement"]

    def summary(self) -> list[str]:
        """Return the report's head as lines: walks, turns, time, outcomes, states per party."""
        drawn = f" ({self.from_corpus} from the corpora)" if self.from_corpus else ""
        lines = [
            f"{self.table}: {self.walks} walks, {self.turns} turns{drawn} in {self.seconds:.1f} s "
            f"({self.hints} hints followed, {self.replayed} walks replayed)",
            f"joint statement adopted in {self.adopted} walk{'s' if self.adopted != 1 else ''}; "
            f"derailed in {self.ended['derailed']}; still talking at the end in {self.ended['ongoing']}",
            "states reached:",
        ]
        width = max((len(p) for p in self.reached), default=0)
        for pid, states in self.reached.items():
            missing = f"  (never: {', '.join(self.never[pid])})" if self.never.get(pid) else ""
            lines.append(f"  {pid:<{width}}  {', '.join(sorted(states))}{missing}")
        return lines


class _Walker:
    """Builds a walk's messages: addressed to a party or the whole table, or the hint, or accepting."""

    def __init__(self, spec: TableSpec, corpus: Sequence[str]) -> None:
        self.spec = spec
        self.corpus = corpus
        self.topics = {pid: topic_words(p.persona) for pid, p in spec.parties.items()}
        self.names = {pid: sorted({p.name, *p.aliases}, key=str.lower) for pid, p in spec.parties.items()}

    def message(self, rng: random.Random, table: TableSession, hint_share: float) -> tuple[str, str]:
        """Return (message, how it was built: 'accept', 'hint', 'corpus' or 'built')."""
        if table.state == "closing" and rng.random() < ACCEPT_SHARE:
            return rng.choice(ACCEPTS), "accept"
        if rng.random() < hint_share:
            found = table.hint()
            if found is not None:
                return found[0], "hint"
        present = [pid for pid, neg in sorted(table.parties.items()) if neg.outcome == "ongoing"]
        to_table = rng.random() < TABLE_SHARE
        pid = self.spec.chair if to_table else rng.choice(present or sorted(table.parties))
        if not to_table and rng.random() < 0.05:  # now and then, a party that may have left
            pid = rng.choice(sorted(table.parties))
        body = _message(rng, self.spec.parties[pid].persona, self.topics[pid], self.corpus)
        how = "corpus" if self.corpus and body in self.corpus else "built"
        if to_table:
            return body, how
        if rng.random() < 0.5:
            return f"@{pid} {body}", how
        name = rng.choice(self.names[pid])
        if how == "built" and rng.random() < 0.5:  # "Tokyo, what would you need ..."
            return f"{name[:1].upper()}{name[1:]}, {body[:1].lower()}{body[1:]}", how
        return f"{name[:1].upper()}{name[1:]}: {body}", how


def _texts(turn: TableTurn) -> list[tuple[str, str]]:
    """Return (who, text) for everything a table turn shows: the reply, each reaction, the notice."""
    shown = []
    if turn.turn is not None:
        shown.append((f"{turn.party}'s reply", turn.turn.reply))
    shown += [(f"{r.party}'s reaction", r.text) for r in turn.reactions]
    if turn.notice:
        shown.append(("the table's notice", turn.notice))
    return shown


def _difference(first: TableTurn, again: TableTurn) -> str:
    """Return which part of a table turn changed when the walk was replayed."""
    if first.party != again.party:
        return "party answering"
    if (first.turn and first.turn.move) != (again.turn and again.turn.move):
        return f"reading of the move to {first.party}"
    if (first.turn and first.turn.reply) != (again.turn and again.turn.reply):
        return f"reply from {first.party}"
    if first.reactions != again.reactions:
        return "reactions"
    if (first.turn and first.turn.meters) != (again.turn and again.turn.meters):
        return f"meters of {first.party}"
    if (first.state, first.outcome) != (again.state, again.outcome):
        return "table state"
    return "notice" if first.notice != again.notice else "turn"


def explore_table(
    spec: TableSpec,
    walks: int = 1000,
    seed: int = 0,
    max_turns: int = 30,
    progress: Callable[[int], None] | None = None,
    corpus: Sequence[str] = (),
    replay_every: int = REPLAY_EVERY,
) -> TableExploreReport:
    """Play ``walks`` seeded random walks at the table and report what they found.

    ``progress(1)`` is called after each walk; ``corpus`` holds messages walks draw from as well.
    One walk in ``replay_every``, and every walk that followed a hint, is replayed at a fresh
    table (same seed, same messages, no hints asked) to check that the table is deterministic.
    """
    start = time.perf_counter()
    run = _Exploration(spec, corpus)
    for number in range(walks):
        played = run.walk(random.Random(seed * 1_000_003 + number), number, max_turns)
        if progress is not None:
            progress(1)
        if played is not None and (played.hinted or number % replay_every == 0):
            run.replay(number, played)
    if walks and not run.ended["agreement"]:
        run.note("never adopted", f"no walk adopted the joint statement in {walks} walks", [], 0)
    never = {
        pid: [s for s in spec.parties[pid].persona.states if s not in got] for pid, got in run.reached.items()
    }
    return TableExploreReport(
        spec.id,
        walks,
        run.turns,
        time.perf_counter() - start,
        list(run.findings.values()),
        run.reached,
        never,
        run.ended,
        run.hints,
        run.from_corpus,
        run.replayed,
    )


@dataclass
class _Played:
    """A walk played to its end: its messages, its turns, and whether it followed a hint."""

    walk: list[str]
    turns: list[TableTurn]
    hinted: bool


class _Exploration:
    """The walks at one table so far: what they found, reached and counted."""

    def __init__(self, spec: TableSpec, corpus: Sequence[str]) -> None:
        self.spec = spec
        self.walker = _Walker(spec, corpus)
        self.findings: dict[tuple[str, str], Finding] = {}
        self.reached: dict[str, dict[str, list[str]]] = {
            pid: {party.persona.initial: []} for pid, party in sorted(spec.parties.items())
        }
        self.ended: Counter[str] = Counter()
        self.turns = self.from_corpus = self.hints = self.replayed = 0

    def note(self, kind: str, detail: str, walk: list[str], walk_seed: int) -> None:
        """Keep a finding, with the shortest walk that shows it."""
        key = (kind, detail)
        if key not in self.findings or len(walk) < len(self.findings[key].walk):
            self.findings[key] = Finding(kind, detail, list(walk), walk_seed)

    def walk(self, rng: random.Random, number: int, max_turns: int) -> _Played | None:
        """Play one walk at a fresh table (seed ``number``); None when it crashed."""
        table = TableSession(self.spec, seed=number)
        hint_share = GUIDED_HINTS if rng.random() < GUIDED_SHARE else 0.0
        walk: list[str] = []
        hinted = False
        said: dict[str, list[str]] = {pid: [] for pid in self.spec.parties}
        for _ in range(max_turns):
            closing = table.state == "closing"
            try:
                text, how = self.walker.message(rng, table, hint_share)
            except Exception as exc:  # the hint crashed: a finding like any other
                self.note("crash", f"hint(): {type(exc).__name__}: {exc}", walk, number)
                return None
            walk.append(text)
            try:
                turn = table.say(text)
            except EmptyMessageError:  # a corpus line with nothing to read ('...') is not sent
                walk.pop()
                continue
            except Exception as exc:  # a crash, deliberate or not, is exactly what exploring looks for
                self.note("crash", f"{type(exc).__name__}: {exc}", walk, number)
                return None
            self.turns += 1
            self.from_corpus += how == "corpus"
            self.hints += how == "hint"
            hinted = hinted or how == "hint"
            self._check_turn(turn, walk, number, said)
            if closing and text in ACCEPTS and turn.party == TABLE:
                self._check_closing(table, text, walk, number)
            if turn.turn is not None:
                states = self.reached[turn.party]
                if turn.turn.state not in states or len(walk) < len(states[turn.turn.state]):
                    states[turn.turn.state] = list(walk)
            if table.outcome != "ongoing":
                break
        self.ended[table.outcome] += 1
        return _Played(walk, table.turns, hinted)

    def _check_turn(self, turn: TableTurn, walk: list[str], number: int, said: dict[str, list[str]]) -> None:
        """Note what one table turn shows wrong: templates, placeholders, reactions, repeats, endings."""
        if turn.turn is not None:
            for problem in turn.turn.notes:
                self.note("template", f"{turn.party}: {problem}", walk, number)
            recent = said[turn.party]
            if turn.turn.reply in recent[-RECENT_REPLIES:]:
                self.note(
                    "repeat",
                    f"{turn.party} said its '{turn.turn.situation}' reply again within {RECENT_REPLIES} "
                    "of its own turns (give it more variants)",
                    walk,
                    number,
                )
            recent.append(turn.turn.reply)
        for who, text in _texts(turn):
            kept = PLACEHOLDER.search(text)
            if kept:
                self.note("template", f"{who} keeps the placeholder '{kept.group(0)}'", walk, number)
            elif not text.strip():
                self.note("template", f"{who} is empty", walk, number)
        if len(turn.reactions) > MAX_REACTIONS:
            parties = ", ".join(r.party for r in turn.reactions)
            self.note(
                "reactions",
                f"{len(turn.reactions)} reactions in one turn (at most {MAX_REACTIONS}): {parties}",
                walk,
                number,
            )
        if turn.outcome != "ongoing" and not turn.notice.strip():
            self.note(
                "silent end", f"the table ended ({turn.outcome}) without a notice saying why", walk, number
            )

    def _check_closing(self, table: TableSession, text: str, walk: list[str], number: int) -> None:
        """Note a joint statement the trainee accepted that was not adopted, nobody too tense to sign."""
        present = [neg for neg in table.parties.values() if neg.outcome == "ongoing"]
        if table.outcome != "agreement" and all(n.meters.get("tension", 0) < SIGN_LIMIT for n in present):
            self.note(
                "cannot close",
                f"the chair proposed the joint statement, but '{text}' before the table did not adopt "
                f"it, with every party under tension {SIGN_LIMIT}",
                walk,
                number,
            )

    def replay(self, number: int, played: _Played) -> None:
        """Replay a walk at a fresh table with the same seed and note the first turn that differs."""
        self.replayed += 1
        again = TableSession(self.spec, seed=number)
        for index, (text, first) in enumerate(zip(played.walk, played.turns, strict=False)):
            try:
                turn = again.say(text)
            except Exception as exc:  # the first run played it: a replay that raises is nondeterminism
                detail = f"replaying a walk with the same seed raises {type(exc).__name__}"
                self.note("nondeterminism", detail, played.walk[: index + 1], number)
                return
            if turn != first:
                why = (
                    " (the walk had followed a hint: did the hint change the table?)" if played.hinted else ""
                )
                detail = (
                    f"replaying a walk with the same seed gives a different {_difference(first, turn)}{why}"
                )
                self.note("nondeterminism", detail, played.walk[: index + 1], number)
                return


def table_reference(spec: TableSpec) -> str:
    """Return how a drill names the table: its id when that finds this very file, else its path."""
    found = resolve_table(spec.id)
    if found is not None and found.resolve() == spec.path.resolve():
        return spec.id
    return str(spec.path.resolve())


def as_table_drill(spec: TableSpec, finding: Finding, index: int) -> str:
    """Write a finding's walk as a table drill that replays it (``rehearse drill`` runs it)."""
    drill = {
        "drill": f"explore-{spec.id}-{index}",
        "table": table_reference(spec),
        "title": f"{finding.kind}: {finding.detail}"[:120],
        "briefing": "Found by rehearse explore; replays the shortest walk that shows it.",
        "seed": finding.seed,
        "turns": [{"say": text} for text in finding.walk],
    }
    dumped: str = yaml.safe_dump(drill, sort_keys=False, allow_unicode=True, width=100)
    return dumped
