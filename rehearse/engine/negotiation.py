"""A negotiation session: the machine, meters, ledger, table and history of one rehearsal.

``Negotiation(persona, seed).say(text)`` reads the message as a move, lets the persona judge it,
fires the machine, applies the fired rule's effects and action, runs the after-turn checks and
renders the reply. Each turn records the reasons behind every meter change. ``rewind(n)``
replays the first ``n`` messages from scratch (with their corrections), so it is deterministic by
construction; ``correct(...)`` re-runs the last message as if it had been read as the trainee says.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rehearse.content.playbook import Playbook, Rule
from rehearse.engine.ledger import Exchange
from rehearse.engine.machine import PersonaMachine, SessionModel, machine_for
from rehearse.engine.moves import MOVE_KINDS, Move, checked_move
from rehearse.engine.play import REPEATED, Interpretation, interpret, worth_closing
from rehearse.engine.replies import TurnFacts, say_reply
from rehearse.engine.strategy import Assessment, Bargainer, judge
from rehearse.engine.turns import Reason, Turn, describe_exchange, describe_move
from rehearse.errors import EmptyMessageError, RehearseError, SessionEndedError
from rehearse.reading.reader import Reading, reader_for

if TYPE_CHECKING:
    from rehearse.engine.coach import Hint

MAX_MESSAGE = 100_000
RECENT_REPLIES = 5
"""A reply said in the last five turns is not said again while another variant fits."""
CORRECTED_EVIDENCE = "corrected by the trainee"

__all__ = ["MAX_MESSAGE", "Negotiation", "Reason", "Turn", "describe_exchange", "describe_move"]


class Negotiation:
    """One rehearsal against a persona; same persona, seed and messages give the same replies."""

    def __init__(self, persona: Playbook, seed: int = 0) -> None:
        if not isinstance(persona, Playbook):
            raise RehearseError(
                "Negotiation needs a persona from load_persona(), not " + type(persona).__name__
            )
        self.persona: Playbook = persona
        self.seed: int = int(seed)
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
        self._closing = False  # the persona has proposed to close on the roadmap
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
        """Return the agreed exchanges so far, in order: both sides give in each (the roadmap)."""
        return [e for e in self._ledger if e.user_gives and e.persona_gives]

    @property
    def gifts(self) -> list[Exchange]:
        """Return the one-sided gifts so far, in order (a concession the delegation took)."""
        return [e for e in self._ledger if not (e.user_gives and e.persona_gives)]

    @property
    def agreements(self) -> list[Exchange]:
        """Return everything agreed, in order: the exchanges and the gifts."""
        return list(self._ledger)

    @property
    def table(self) -> Exchange | None:
        """Return the proposal on the table, if any."""
        return self._table

    @property
    def closing(self) -> bool:
        """Return whether the persona has proposed to close on the roadmap as it stands."""
        return self._closing

    @property
    def agreed_items(self) -> frozenset[str]:
        """Return every item already agreed in the ledger."""
        return self._agreed

    def classify(self, text: str) -> Move:
        """Return how ``text`` would be read, without playing it."""
        return self._reader.classify(text)

    def read(self, text: str) -> Reading:
        """Return the full reading of ``text`` (move, confidence, evidence), without playing it."""
        return self._reader.read(text)

    # Playing ------------------------------------------------------------------------------

    def say(self, text: str, as_move: Move | None = None) -> Turn:
        """Play one user message (read as ``as_move`` when given: a correction) and return the turn."""
        if self.outcome != "ongoing":
            raise SessionEndedError(f"the session has ended ({self.outcome}); start a new one to continue")
        if not isinstance(text, str):
            raise RehearseError("a message must be text")
        if len(text) > MAX_MESSAGE:
            text = text[:MAX_MESSAGE]
        text = text.encode("utf-8", "replace").decode("utf-8")  # bytes that were not UTF-8 become '?'
        if not text.strip() or not any(ch.isalnum() for ch in text):
            raise EmptyMessageError("the message is empty; type what you want to say")
        return self._play(text, as_move)

    def nudge(self, changes: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
        """Move meters from outside these talks (another party at a table); return what changed."""
        moved = []
        for meter, delta in changes:
            if meter in self._meters:
                before = self._meters[meter]
                self._meters[meter] = min(100, max(0, before + delta))
                moved.append((meter, self._meters[meter] - before))
        return tuple(moved)

    def hint(self, n: int = 3) -> list[Hint]:
        """Return up to ``n`` suggestions for the next message, best first; never changes the session."""
        from rehearse.engine.coach import hints

        return hints(self, n)

    def correct(self, kind: str, gives: Iterable[str] | str = (), asks: Iterable[str] | str = ()) -> Turn:
        """Re-run the last turn as if its message had been read as this move; return the new turn."""
        if not self._turns:
            raise RehearseError("there is no message to correct yet")
        move = self.checked_move(kind, gives, asks)
        last = self._turns[-1]
        original = last.read_as
        self.rewind(len(self._turns) - 1)
        return self._play(last.say, move, original)

    def restore_last(self, turn: Turn) -> None:
        """Put back ``turn`` as the last turn (after a correction that could not be kept)."""
        self.rewind(turn.number - 1)
        self._play(turn.say, turn.move if turn.corrected else None, turn.reading)

    def checked_move(
        self, kind: str, gives: Iterable[str] | str = (), asks: Iterable[str] | str = ()
    ) -> Move:
        """Return the move these names make, or raise RehearseError naming what is wrong."""
        return checked_move(self.persona, kind, gives, asks)

    def rewind(self, n: int) -> None:
        """Return the session to just after turn ``n`` (0 = the start), replaying deterministically."""
        if not 0 <= n <= len(self._turns):
            raise RehearseError(f"cannot rewind to turn {n}: the session has {len(self._turns)} turns")
        said = [(t.say, t.move if t.corrected else None, t.reading) for t in self._turns[:n]]
        self._reset()
        for text, move, original in said:
            self._play(text, move, original)

    @contextmanager
    def trial(self) -> Iterator[Negotiation]:
        """Play moves on this session inside the block, then put everything back as it was."""
        saved = (
            self._model.state,
            self._rng.getstate(),
            dict(self._meters),
            list(self._ledger),
            self._agreed,
            self._exchanges,
            self._phase,
            self._table,
            self._closing,
            list(self._turns),
            dict(self._counts),
            self._streak,
        )
        try:
            yield self
        finally:
            state, rng, self._meters, self._ledger, self._agreed, self._exchanges = saved[:6]
            self._phase, self._table, self._closing, self._turns, self._counts, self._streak = saved[6:]
            self._rng.setstate(rng)
            self._machine.machine.set_state(state, model=self._model)

    # Internals ----------------------------------------------------------------------------

    def _play(self, text: str, corrected: Move | None = None, original: Move | None = None) -> Turn:
        number = len(self._turns) + 1
        reading = self._reader.read(text)
        move = corrected if corrected is not None else reading.move
        plan = interpret(move, reading.intents, self._table, self.persona, self._agreed)
        self._table = plan.table
        played = plan.move
        if played.kind not in ("accept", "question", "other"):
            self._closing = False
        self._counts[played.kind] += 1
        self._streak = self._streak + 1 if played.kind in ("demand", "threat") else 0
        nothing_open = self._table is None and not self._closing
        assessment, proposal = judge(self._bargainer, played, self.agreed_items, number, nothing_open)
        context = self._context(played, number, assessment, proposal, reading.topic, plan, reading)
        rule = self._machine.fire(self._model, f"move_{played.kind}", context)
        reasons: list[Reason] = []
        notes: list[str] = []
        situation = "unmatched"
        shown = proposal
        agreed_before = len(self._ledger)
        if rule is not None:
            reasons.append(self._apply(rule))
            shown = self._act(rule.action, played, proposal, number)
            situation = rule.reply or situation
            if rule.action in ("counter", "propose") and proposal is None:
                situation = self._without_proposal(played, situation, number)
        if plan.parked and played.kind == "other" and "parked" in self.persona.replies:
            situation = "parked"
        if plan.how == REPEATED and "already_agreed" in self.persona.replies:
            situation = "already_agreed"
        if len(self._ledger) > agreed_before and self._propose_closing(number):
            situation = "propose_close"
        check = self._check(context)
        if check is not None:
            reasons.append(self._apply(check))
            situation = check.reply or situation
        facts = TurnFacts(played, shown, assessment, reading.topic, number, plan.parked)
        reply = self._render(situation, facts, notes)
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
            reading.topic,
            tuple(notes),
            1.0 if corrected is not None else reading.confidence,
            (CORRECTED_EVIDENCE,) if corrected is not None else reading.evidence,
            (original or reading.move) if corrected is not None else None,
            plan.how,
        )
        self._turns.append(turn)
        return turn

    def _without_proposal(self, move: Move, situation: str, turn: int) -> str:
        """Return what to say when a rule would propose but no exchange balances."""
        if move.kind != "accept":
            return "no_proposal" if "no_proposal" in self.persona.replies else situation
        # an acceptance asked for nothing: say what stands, or propose to close when nothing is left
        if (
            self._table is None
            and "propose_close" in self.persona.replies
            and self._exchanges
            and self._bargainer.next_step(self._agreed, turn + 1) is None
        ):
            self._closing = True
            return "propose_close"
        return situation

    def _propose_closing(self, turn: int) -> bool:
        """Propose closing on the roadmap when it is worth closing and nothing else is pending."""
        if (
            self._table is not None
            or self.outcome != "ongoing"
            or "propose_close" not in self.persona.replies
        ):
            return False
        next_step = self._bargainer.next_step(self._agreed, turn + 1)
        self._closing = worth_closing(self._exchanges, self._phase, next_step)
        return self._closing

    def _context(
        self,
        move: Move,
        turn: int,
        a: Assessment,
        proposal: Exchange | None,
        topic: str,
        plan: Interpretation,
        reading: Reading,
    ) -> dict[str, Any]:
        items = self.persona.items
        ctx: dict[str, Any] = {
            "turn": turn,
            "move.kind": move.kind,
            "move.gives": move.gives,
            "move.asks": move.asks,
            "move.red_line": any(items[i].red_line for i in move.asks),
            "move.closes": reading.intents.closes,
            "move.amends": bool(plan.how),
            "offer.verdict": a.verdict,
            "offer.ratio": round(a.ratio, 3),
            "offer.gross": a.gross,
            "offer.premature": a.premature,
            "proposal.ready": proposal is not None,
            "topic": topic,
            "topics": frozenset(reading.topics),
            "streak.demands": self._streak,
            **self._standing(),
        }
        for kind in MOVE_KINDS:
            ctx[f"count.{kind}"] = self._counts[kind]
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
            "table.closing": self._closing,
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
            self._closing = False
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
            self._closing = False
        return proposal

    def _record(self, exchange: Exchange) -> None:
        """Add an exchange to the ledger, unless everything in it was agreed already."""
        if exchange.user_gives or exchange.persona_gives:
            self._ledger.append(exchange)
            self._agreed = self._agreed | exchange.items
            self._exchanges += bool(exchange.user_gives and exchange.persona_gives)
            if exchange.user_gives and exchange.persona_gives:
                self._phase = max(self._phase, exchange.phase)

    def _render(self, situation: str, facts: TurnFacts, notes: list[str]) -> str:
        """Say the situation's reply: a seeded variant, or the next one when it was said lately."""
        recent = [turn.reply for turn in self._turns[-RECENT_REPLIES:]]
        return say_reply(self, situation, facts, notes, recent, self._rng)


def _at_turn(exchange: Exchange, turn: int) -> Exchange:
    return Exchange(exchange.user_gives, exchange.persona_gives, exchange.phase, exchange.by, turn)
