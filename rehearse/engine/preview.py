"""Read-back before sending: how a draft would be read, and whether sending it needs a second look."""

from __future__ import annotations

from dataclasses import dataclass

from rehearse.engine.negotiation import Negotiation
from rehearse.engine.turns import Turn, describe_move, labels
from rehearse.moves import Move
from rehearse.reading.reader import Reading

LOW_CONFIDENCE = 0.6
"""Below this confidence a reading is flagged as unsure, and sending it asks first."""


@dataclass(frozen=True)
class Preview:
    """What a draft would do if sent now: its reading, the turn it would make, and any risks."""

    reading: Reading
    turn: Turn
    risks: tuple[str, ...]
    """Why sending deserves a second look, in words ('' when it does not)."""

    @property
    def move(self) -> Move:
        """Return the move the draft would make."""
        return self.reading.move


def read_back(neg: Negotiation, text: str) -> str:
    """Return how ``text`` would be read, in words: 'reciprocal: you offer X; you ask Y'."""
    reading = neg.read(text)
    words = describe_move(neg.persona, reading.move)
    if reading.confidence < LOW_CONFIDENCE:
        words += f" (unsure: {reading.confidence:.0%})"
    return words


def preview(neg: Negotiation, text: str) -> Preview:
    """Return what sending ``text`` would do, without changing the session (errors as ``say``)."""
    reading = neg.read(text)
    table = neg.table
    with neg.trial():
        before = neg.agreed_items
        turn = neg.say(text)
        given = frozenset().union(*(e.user_gives for e in neg.agreements)) - before
    risks: list[str] = []
    if reading.confidence < LOW_CONFIDENCE:
        risks.append(f"the reading is unsure ({reading.confidence:.0%})")
    if turn.outcome == "derailed":
        risks.append(f"{neg.persona.leader} would walk out and the talks would end")
    elif turn.outcome == "agreement":
        risks.append("this would close the talks on the roadmap as it stands")
    unnamed = given - reading.intents.named - (table.user_gives if table is not None else frozenset())
    if unnamed:
        risks.append(
            "it would give away " + ", ".join(labels(neg.persona, unnamed)) + ", which you did not name"
        )
    return Preview(reading, turn, tuple(risks))
