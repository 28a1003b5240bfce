"""A negotiation session: the machine, meters, ledger, table and history of one rehearsal.

``Negotiation(persona, seed).say(text)`` reads the message as a move, lets the persona judge it,
fires the machine, applies the fired rule's effects and action, runs the after-turn checks and
renders the reply. Each turn records the reasons behind every meter change. ``rewind(n)``
replays the first ``n`` messages from scratch, so it is deterministic by construction.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rehearse.content.playbook import Playbook, Rule
from rehearse.content.templates import RENDER_ERRORS, render
from rehearse.engine.ledger import Exchange
from rehearse.engine.machine import PersonaMachine, SessionModel, machine_for
from rehearse.engine.moves import MOVE_KINDS, Move
from rehearse.engine.strategy import NO_OFFER, Assessment, Bargainer
from rehearse.errors import EmptyMessageError, RehearseError, SessionEndedError
from rehearse.reading.reader import reader_for

MAX_MESSAGE = 100_000


@dataclass(frozen=True)
class Reason:
    """Why the meters moved on a turn: the rule that fired and its change to each meter."""

    rule: str
    changes: tuple[tuple[str, int], ...]

    def __str__(self) -> str:
        if not self.changes:
            return f"{self.rule}: no change"
        parts = ", ".join(f"{meter} {delta:+d}" for meter, delta in self.changes)
        return f"{self.rule}: {parts}"


@dataclass(frozen=True)
class Turn:
    """One completed turn: the message, how it was read, the reply and the session after it."""

    number: int
    say: str
    move: Move
    reply: str
    state: str
    outcome: str
    meters: dict[str, int]
    reasons: tuple[Reason, ...]
    situation: str
    table: Exchange | None
    ledger: tuple[Exchange, ...] = ()
    topic: str = ""
    notes: tuple[str, ...] = field(default=())
    confidence: float = 1.0
    """How sure the reader was of the move (0 to 1)."""
    evidence: tuple[str, ...] = field(default=())
    """The phrases that decided the reading ("offer: 'we will limit exercises'")."""


class Negotiation:
    """One rehearsal against a persona; same persona, seed and messages give the same replies."""

    def __init__(self, persona: Playbook, seed: int = 0) -> None:
        if not isinstance(persona, Playbook):
            raise RehearseError(
                "Negotiation needs a persona from load_persona(), not " + type(persona).__name__
            )
        self.persona = persona
        self.seed = int(seed)
        self._machine: PersonaMachine = machine_for(persona)
        self._reader = reader_for(persona)
        self._bargainer = Bargainer(persona)
        self._reset()

    def _reset(self) -> None:
        release = getattr(self, "_release", None)
        if release is not None:
            release()
        self._model: SessionModel
        self._model, self._release = self._machine.new_model(self)
        self._rng = random.Random(self.seed)
        self._meters = dict(self.persona.meters)
        self._ledger: list[Exchange] = []
        self._agreed: frozenset[str] = frozenset()
        self._exchanges = 0  # ledger entries where both sides give
        self._phase = 0  # the highest phase in the ledger
        self._table: Exchange | None = None
        self._turns: list[Turn] = []
        self._counts = dict.fromkeys(MOVE_KINDS, 0)
        self._streak = 0

    # Public state -------------------------------------------------------------------------

    @property
    def state(self) -> str:
        """Return the machine's current state."""
        return self._model.state

    @property
    def outcome(self) -> str:
        """Return ongoing, agreement or derailed."""
        return self.persona.states[self.state].outcome

    @property
    def meters(self) -> dict[str, int]:
        """Return a copy of the meters now."""
        return dict(self._meters)

    @property
    def turns(self) -> list[Turn]:
        """Return the turns so far, in order."""
        return list(self._turns)

    @property
    def ledger(self) -> list[Exchange]:
        """Return the agreed exchanges so far, in order (the roadmap)."""
        return list(self._ledger)

    @property
    def table(self) -> Exchange | None:
        """Return the proposal on the table, if any."""
        return self._table

    @property
    def agreed_items(self) -> frozenset[str]:
        """Return every item already agreed in the ledger."""
        return self._agreed

    def classify(self, text: str) -> Move:
        """Return how ``text`` would be read, without playing it."""
        return self._reader.classify(text)

    # Playing ------------------------------------------------------------------------------

    def say(self, text: str) -> Turn:
        """Play one user message and return the completed turn."""
        if self.outcome != "ongoing":
            raise SessionEndedError(f"the session has ended ({self.outcome}); start a new one to continue")
        if not isinstance(text, str):
            raise RehearseError("a message must be text")
        if len(text) > MAX_MESSAGE:
            text = text[:MAX_MESSAGE]
        if not text.strip() or not any(ch.isalnum() for ch in text):
            raise EmptyMessageError("the message is empty; type what you want to say")
        number = len(self._turns) + 1
        reading = self._reader.read(text)
        move, topic = reading.move, reading.topic
        self._counts[move.kind] += 1
        self._streak = self._streak + 1 if move.kind in ("demand", "threat") else 0
        assessment, proposal = self._judge(move, number)
        context = self._context(move, number, assessment, proposal, topic)
        rule = self._machine.fire(self._model, f"move_{move.kind}", context)
        reasons: list[Reason] = []
        notes: list[str] = []
        situation = "unmatched"
        shown = proposal
        if rule is not None:
            reasons.append(self._apply(rule))
            shown = self._act(rule.action, move, proposal, number)
            situation = rule.reply or situation
            if (
                rule.action in ("counter", "propose")
                and proposal is None
                and "no_proposal" in self.persona.replies
            ):
                situation = "no_proposal"
        check = self._check(context)
        if check is not None:
            reasons.append(self._apply(check))
            situation = check.reply or situation
        reply = self._render(situation, move, shown, assessment, topic, number, notes)
        turn = Turn(
            number,
            text,
            move,
            reply,
            self.state,
            self.outcome,
            dict(self._meters),
            tuple(reasons),
            situation,
            self._table,
            tuple(self._ledger),
            topic,
            tuple(notes),
            reading.confidence,
            reading.evidence,
        )
        self._turns.append(turn)
        return turn

    def rewind(self, n: int) -> None:
        """Return the session to just after turn ``n`` (0 = the start), replaying deterministically."""
        if not 0 <= n <= len(self._turns):
            raise RehearseError(f"cannot rewind to turn {n}: the session has {len(self._turns)} turns")
        said = [t.say for t in self._turns[:n]]
        self._reset()
        for text in said:
            self.say(text)

    # Internals ----------------------------------------------------------------------------

    def _judge(self, move: Move, turn: int) -> tuple[Assessment, Exchange | None]:
        agreed = self.agreed_items
        b = self._bargainer
        if move.kind == "reciprocal":
            assessment = b.assess(move.gives, move.asks, agreed, turn)
            return assessment, assessment.counter
        if move.kind == "question" and move.asks:
            open_phase = b.open_phase(agreed)
            wanted = frozenset(i for i in move.asks - agreed if self.persona.items[i].phase <= open_phase)
            premature = wanted != move.asks - agreed
            proposal = b.balance(frozenset(), wanted, agreed, turn) if wanted or premature else None
            return Assessment("none", 0.0, False, premature, None), proposal
        if move.kind == "question" and move.gives:
            return NO_OFFER, b.answer_floated(move.gives - agreed, agreed, turn)
        if move.kind == "concession":
            return NO_OFFER, b.next_step(agreed | move.gives, turn)
        return NO_OFFER, None

    def _context(
        self, move: Move, turn: int, a: Assessment, proposal: Exchange | None, topic: str
    ) -> dict[str, Any]:
        items = self.persona.items
        ctx: dict[str, Any] = {
            "turn": turn,
            "move.kind": move.kind,
            "move.gives": move.gives,
            "move.asks": move.asks,
            "move.red_line": any(items[i].red_line for i in move.asks),
            "offer.verdict": a.verdict,
            "offer.ratio": round(a.ratio, 3),
            "offer.gross": a.gross,
            "offer.premature": a.premature,
            "proposal.ready": proposal is not None,
            "topic": topic,
            "streak.demands": self._streak,
            **self._standing(),
        }
        for key, kind in _COUNT_KEYS:
            ctx[key] = self._counts[kind]
        return ctx

    def _standing(self) -> dict[str, Any]:
        """Return the condition values that describe where the session stands now."""
        return {
            **self._meters,
            "state": self.state,
            "ledger.size": len(self._ledger),
            "ledger.exchanges": self._exchanges,
            "ledger.phase": self._phase,
            "table.open": self._table is not None,
            "table.by": self._table.by if self._table else "",
        }

    def _check(self, context: dict[str, Any]) -> Rule | None:
        """Run the after-turn checks against the meters, ledger and table as they are now."""
        if not self._machine.has_rules("check", self.state) or self.outcome != "ongoing":
            return None
        context.update(self._standing())
        return self._machine.fire(self._model, "check", context)

    def _apply(self, rule: Rule) -> Reason:
        changes = []
        for meter, delta in rule.effects:
            before = self._meters[meter]
            after = min(100, max(0, before + delta))
            self._meters[meter] = after
            changes.append((meter, after - before))
        return Reason(rule.reason, tuple(changes))

    def _act(self, action: str | None, move: Move, proposal: Exchange | None, turn: int) -> Exchange | None:
        b = self._bargainer
        agreed = self.agreed_items
        if action == "agree_offer":
            self._record(b.exchange(move.gives - agreed, move.asks - agreed, by="user", turn=turn))
            self._table = None
        elif action in ("counter", "propose") and proposal is not None:
            self._table = _at_turn(proposal, turn)
        elif action == "take_concession":
            self._record(b.exchange(move.gives - agreed, frozenset(), by="user", turn=turn))
            self._table = _at_turn(proposal, turn) if proposal is not None else None
        elif action == "agree_table" and self._table is not None:
            table = self._table
            self._record(
                Exchange(table.user_gives - agreed, table.persona_gives - agreed, table.phase, table.by, turn)
            )
            self._table = None
        elif action == "drop_table":
            self._table = None
        return proposal

    def _record(self, exchange: Exchange) -> None:
        """Add an exchange to the ledger, unless everything in it was agreed already."""
        if exchange.user_gives or exchange.persona_gives:
            self._ledger.append(exchange)
            self._agreed = self._agreed | exchange.items
            self._exchanges += bool(exchange.user_gives and exchange.persona_gives)
            self._phase = max(self._phase, exchange.phase)

    def _render(
        self,
        situation: str,
        move: Move,
        proposal: Exchange | None,
        a: Assessment,
        topic: str,
        turn: int,
        notes: list[str],
    ) -> str:
        variants = self.persona.replies.get(situation) or self.persona.replies["unmatched"]
        variant = variants[self._rng.randrange(len(variants))]
        turn_values = (move, proposal, a, topic, turn)
        key = tuple((name, _frozen(_VALUES[name](self, *turn_values))) for name in variant.names)
        cached = variant.rendered.get(key)
        if cached is not None:
            return cached
        context = {name: get(self, *turn_values) for name, get in _VALUES.items()}
        try:
            text = render(variant.template, context)
        except RENDER_ERRORS as exc:
            notes.append(f"reply template at {self.persona.path.name}:{variant.line} failed: {exc}")
            return f"({self.persona.leader} pauses; the reply written for '{situation}' could not be used.)"
        if len(variant.rendered) < 512:
            variant.rendered[key] = text
        return text


_COUNT_KEYS = tuple((f"count.{kind}", kind) for kind in MOVE_KINDS)


def _labels(neg: Negotiation, ids: frozenset[str]) -> list[str]:
    label = neg.persona.label
    return [label(i) for i in sorted(ids)]


_TemplateValue = Callable[["Negotiation", Move, "Exchange | None", Assessment, str, int], Any]
_VALUES: dict[str, _TemplateValue] = {
    "name": lambda neg, *_: neg.persona.name,
    "delegation": lambda neg, *_: neg.persona.delegation,
    "leader": lambda neg, *_: neg.persona.leader,
    "you_give": lambda neg, move, *_: _labels(neg, move.gives),
    "you_ask": lambda neg, move, *_: _labels(neg, move.asks),
    "we_give": lambda neg, move, proposal, *_: _labels(neg, proposal.persona_gives) if proposal else [],
    "we_want": lambda neg, move, proposal, *_: _labels(neg, proposal.user_gives) if proposal else [],
    "table_we_give": lambda neg, *_: _labels(neg, neg._table.persona_gives) if neg._table else [],
    "table_you_give": lambda neg, *_: _labels(neg, neg._table.user_gives) if neg._table else [],
    "roadmap": lambda neg, *_: [describe_exchange(neg.persona, e) for e in neg._ledger],
    "verdict": lambda neg, move, proposal, a, *_: a.verdict,
    "topic": lambda neg, move, proposal, a, topic, turn: topic,
    "stage": lambda neg, *_: neg.state,
    "mood": lambda neg, *_: neg.persona.states[neg.state].mood,
    "turn": lambda neg, move, proposal, a, topic, turn: turn,
    "trust": lambda neg, *_: neg._meters["trust"],
    "tension": lambda neg, *_: neg._meters["tension"],
}
"""How each template variable is computed for a turn (only the ones a reply uses are computed)."""


def _frozen(value: Any) -> Any:
    """Return a hashable form of a template value (lists become tuples)."""
    return tuple(value) if isinstance(value, list) else value


def describe_exchange(persona: Playbook, exchange: Exchange) -> str:
    """Return one ledger entry as prose: 'phase 1: X and Y for Z' (unknown ids are shown as ids)."""
    mine = [persona.items[i].label if i in persona.items else i for i in sorted(exchange.persona_gives)]
    theirs = [persona.items[i].label if i in persona.items else i for i in sorted(exchange.user_gives)]
    from rehearse.content.templates import and_list

    if not mine:
        return f"phase {exchange.phase}: {and_list(theirs)}, offered by your side"
    return f"phase {exchange.phase}: {and_list(mine)} for {and_list(theirs)}"


def _at_turn(exchange: Exchange, turn: int) -> Exchange:
    return Exchange(exchange.user_gives, exchange.persona_gives, exchange.phase, exchange.by, turn)
