"""A table of several delegations: the trainee leads one side and addresses one party at a time.

Each party is a persona with its own machine, meters, items and replies (a ``Negotiation``). A
message goes to the party it names first ("@china ...", "Beijing, would you ...") or, naming none,
to the whole table, where the chair answers. After the addressed party's reply, the table's links
fire: a move of these kinds, naming these items, draws a word from another party and moves its
meters (at most two reactions a turn). When every party has agreed its minimum of exchanges, the
chair proposes a joint statement; it is adopted when the trainee accepts it before the table and
every party still at the table accepts. A party that walks out ends the table only when the table
cannot close without it. Deterministic: the same table, seed and messages give the same turns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rehearse.content.tables import MAX_REACTIONS, TableSpec
from rehearse.engine.negotiation import Negotiation, Turn
from rehearse.errors import EmptyMessageError, RehearseError, SessionEndedError
from rehearse.moves import Move

ADDRESS = re.compile(r"^\s*@([a-z][a-z0-9_-]*)[\s,:]*", re.IGNORECASE)
TABLE = "table"
"""The address of a message to the whole table."""
SIGN_LIMIT = 80
"""A party whose tension is this high or higher will not sign the joint statement."""


@dataclass(frozen=True)
class Reaction:
    """A word from a party the message was not addressed to, and what it did to its meters."""

    party: str
    text: str
    changes: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class TableTurn:
    """One table turn: who was addressed, their turn, the reactions, and where the table stands."""

    number: int
    say: str
    party: str
    turn: Turn | None
    reactions: tuple[Reaction, ...]
    state: str
    outcome: str
    notice: str = ""
    """What the chair or the table says beyond the reply (a joint statement proposed, adopted)."""


@dataclass
class TableSession:
    """Several negotiations at one table, played one message at a time."""

    spec: TableSpec
    seed: int = 0
    turns: list[TableTurn] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.parties = {
            pid: Negotiation(party.persona, seed=self.seed * 1009 + index)
            for index, (pid, party) in enumerate(sorted(self.spec.parties.items()))
        }
        self.state = "talking"
        self.outcome = "ongoing"
        self.turns = []

    def address(self, text: str) -> tuple[str, str]:
        """Return (party or 'table', the message without its address)."""
        match = ADDRESS.match(text)
        if match and match.group(1).lower() in self.spec.parties:
            return match.group(1).lower(), text[match.end() :]
        lowered = text.lstrip().lower()
        for pid, party in self.spec.parties.items():
            for name in sorted({pid, party.name.lower(), *party.aliases}, key=len, reverse=True):
                if lowered.startswith(name) and lowered[len(name) : len(name) + 1] in (",", ":"):
                    return pid, text.lstrip()[len(name) + 1 :]
        return TABLE, text

    def say(self, text: str) -> TableTurn:
        """Play one message at the table and return the table turn."""
        return self._play(text)

    def _play(self, text: str, as_move: Move | None = None) -> TableTurn:
        if self.outcome != "ongoing":
            raise SessionEndedError(f"the table has ended ({self.outcome}); start a new one to continue")
        if not text.strip():
            raise EmptyMessageError("the message is empty; type what you want to say")
        party, body = self.address(text)
        number = len(self.turns) + 1
        if party == TABLE and self.state == "closing" and self._accepts(body, as_move):
            return self._record(self._adopt(text, number))
        speaker = self.spec.chair if party == TABLE else party
        neg = self.parties[speaker]
        if neg.outcome != "ongoing":
            who = self.spec.parties[speaker].name
            notice = (
                f"{who} has left the table."
                if neg.outcome == "derailed"
                else f"{who} has agreed its roadmap with you and waits for the joint statement."
            )
            return self._record(TableTurn(number, text, speaker, None, (), self.state, self.outcome, notice))
        turn = neg.say(body if body.strip() else text, as_move)
        reactions = self._reactions(speaker, turn)
        notice = self._after(speaker)
        return self._record(
            TableTurn(number, text, speaker, turn, reactions, self.state, self.outcome, notice)
        )

    def _accepts(self, body: str, as_move: Move | None) -> bool:
        """Return whether a message to the table accepts the proposed statement (read as the chair reads it)."""
        move = as_move if as_move is not None else self.parties[self.spec.chair].classify(body)
        return move.kind == "accept"

    def _record(self, turn: TableTurn) -> TableTurn:
        self.turns.append(turn)
        return turn

    def _reactions(self, speaker: str, turn: Turn) -> tuple[Reaction, ...]:
        items = turn.move.gives | turn.move.asks
        found: list[Reaction] = []
        for link in self.spec.links:
            if len(found) >= MAX_REACTIONS:
                break
            target = self.parties.get(link.target)
            if (
                target is None
                or target.outcome != "ongoing"
                or not link.fires(speaker, turn.move.kind, items)
            ):
                continue
            changes = target.nudge(link.effects)
            party = self.spec.parties[link.target]
            text = link.say.replace("{leader}", party.persona.leader).replace("{name}", party.name)
            found.append(Reaction(link.target, text, changes))
        return tuple(found)

    def _after(self, speaker: str) -> str:
        """Update the table after a turn: a walk-out that ends it, or the chair's joint statement."""
        left = [pid for pid, neg in self.parties.items() if neg.outcome == "derailed"]
        vital = [pid for pid in left if self.spec.parties[pid].minimum > 0]
        if vital:
            self.state, self.outcome = "derailed", "derailed"
            names = ", ".join(self.spec.parties[p].name for p in vital)
            return f"{names} left, and the table cannot close without them: the talks are over."
        notice = ""
        if speaker in left:
            notice = f"{self.spec.parties[speaker].name} has left the table; the others stay."
        if self.state == "talking" and self.ready():
            self.state = "closing"
            chair = self.spec.parties[self.spec.chair]
            notice = (
                f"{chair.persona.leader}, in the chair, proposes a joint statement on what the parties "
                "have agreed. Accept it before the table to adopt it."
            )
        return notice

    def ready(self) -> bool:
        """Return whether every party still at the table (or done with its roadmap) has agreed its minimum."""
        return all(
            len(self.parties[pid].ledger) >= party.minimum
            for pid, party in self.spec.parties.items()
            if self.parties[pid].outcome != "derailed" or party.minimum > 0
        )

    def _adopt(self, text: str, number: int) -> TableTurn:
        """Put the joint statement to every party still at the table; adopt it if none refuses."""
        refusing = [
            self.spec.parties[pid].name
            for pid, neg in self.parties.items()
            if neg.outcome == "ongoing" and neg.meters.get("tension", 0) >= SIGN_LIMIT
        ]
        if refusing:
            notice = f"{', '.join(refusing)} will not sign while tension runs this high."
            return TableTurn(number, text, TABLE, None, (), self.state, self.outcome, notice)
        self.state, self.outcome = "agreement", "agreement"
        signers = ", ".join(
            self.spec.parties[p].name for p, n in self.parties.items() if n.outcome != "derailed"
        )
        return TableTurn(
            number,
            text,
            TABLE,
            None,
            (),
            self.state,
            self.outcome,
            f"The joint statement is adopted: {signers} sign.",
        )

    def rewind(self, n: int) -> None:
        """Return the table to just after turn ``n`` (0 = the start), replaying deterministically."""
        if not 0 <= n <= len(self.turns):
            raise RehearseError(f"cannot rewind to turn {n}: the table has {len(self.turns)} turns")
        said = [
            (t.say, t.turn.move if t.turn is not None and t.turn.corrected else None) for t in self.turns[:n]
        ]
        self._reset()
        for text, move in said:
            self._play(text, move)

    def undo(self) -> bool:
        """Take back the last message (the rest replayed); return False when there is none."""
        if not self.turns:
            return False
        self.rewind(len(self.turns) - 1)
        return True

    def restore_last(self, turn: TableTurn) -> None:
        """Put back ``turn`` as the last turn (after a correction that could not be saved)."""
        self.rewind(turn.number - 1)
        self._play(turn.say, turn.turn.move if turn.turn is not None and turn.turn.corrected else None)

    def correct(
        self, kind: str, gives: Iterable[str] | str = (), asks: Iterable[str] | str = ()
    ) -> TableTurn:
        """Re-play the last message as read the trainee's way (items of the party it went to)."""
        last = self.turns[-1] if self.turns else None
        if last is None or last.turn is None:
            raise RehearseError("there is no reply to correct: only a party's reading of a message can be")
        move = self.parties[last.party].checked_move(kind, gives, asks)
        self.rewind(len(self.turns) - 1)
        return self._play(last.say, move)

    def _closing_hint(self) -> tuple[str, str] | None:
        """Adopt the statement, or first calm the tensest party that would refuse to sign."""
        tense = sorted(
            (neg.meters.get("tension", 0), pid)
            for pid, neg in self.parties.items()
            if neg.outcome == "ongoing" and neg.meters.get("tension", 0) >= SIGN_LIMIT
        )
        if not tense:
            return (
                "We accept the joint statement.",
                "Every delegation has agreed its step: adopt the statement.",
            )
        tension, pid = tense[-1]
        found = self.parties[pid].hint(3)
        if not found:
            return None
        calm = min(found, key=lambda h: (h.effect.outcome != "ongoing", h.effect.meters.get("tension", 100)))
        name = self.spec.parties[pid].name
        return (
            f"@{pid} {calm.text}",
            f"{name} will not sign at tension {tension} (it must be under {SIGN_LIMIT}): {calm.why}",
        )

    def hint(self) -> tuple[str, str] | None:
        """Return (message, why) for the best next move at the table, addressed to its party.

        Each party still at the table is asked for its best hint; a party short of its minimum
        comes first, then the best score. ``None`` when the table has ended.
        """
        if self.outcome != "ongoing":
            return None
        if self.state == "closing":
            return self._closing_hint()
        best: tuple[tuple[bool, float], str, str] | None = None
        for pid, neg in sorted(self.parties.items()):
            if neg.outcome != "ongoing":
                continue
            found = neg.hint(1)
            if not found:
                continue
            short = len(neg.ledger) < self.spec.parties[pid].minimum
            key = (short, found[0].score)
            if best is None or key > best[0]:
                best = (key, f"@{pid} {found[0].text}", f"{self.spec.parties[pid].name}: {found[0].why}")
        return (best[1], best[2]) if best else None
