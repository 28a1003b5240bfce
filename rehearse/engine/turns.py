"""Turns as the engine records them, and the words that describe moves and exchanges."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rehearse.content.playbook import Playbook
from rehearse.content.templates import and_list
from rehearse.engine.ledger import Exchange
from rehearse.moves import Move


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
    reading: Move | None = None
    """The reader's own reading when the trainee corrected it (None: not corrected)."""
    played: str = ""
    """How the negotiation played the move when not at face value ("amends the proposal ...")."""

    @property
    def read_as(self) -> Move:
        """Return the reader's own reading: ``move`` unless the trainee corrected it."""
        return self.reading if self.reading is not None else self.move

    @property
    def corrected(self) -> bool:
        """Return whether the trainee corrected how this turn was read."""
        return self.reading is not None


def labels(persona: Playbook, ids: frozenset[str]) -> list[str]:
    """Return the labels of these items in id order (unknown ids shown as ids)."""
    return [persona.items[i].label if i in persona.items else i for i in sorted(ids)]


def describe_exchange(persona: Playbook, exchange: Exchange) -> str:
    """Return one ledger entry as prose with its stage: 'phase 1: X and Y for Z'."""
    return f"phase {exchange.phase}: {describe_trade(persona, exchange)}"


def roadmap_lines(persona: Playbook, agreements: Iterable[Exchange]) -> list[str]:
    """Return the roadmap as prose: one line a stage, in stage order, then what was given outright.

    "phase 1: A for B; C for D", "phase 2: E for F", "given by your side: G and H".
    """
    stages: dict[int, list[str]] = {}
    yours: list[str] = []
    theirs: list[str] = []
    for exchange in agreements:
        if exchange.user_gives and exchange.persona_gives:
            stages.setdefault(exchange.phase, []).append(describe_trade(persona, exchange))
        else:
            yours += labels(persona, exchange.user_gives)
            theirs += labels(persona, exchange.persona_gives)
    lines = [f"phase {phase}: {'; '.join(trades)}" for phase, trades in sorted(stages.items())]
    if yours:
        lines.append(f"given by your side: {and_list(yours)}")
    if theirs:
        lines.append(f"given by the delegation: {and_list(theirs)}")
    return lines


def describe_trade(persona: Playbook, exchange: Exchange) -> str:
    """Return one exchange without its stage: 'X and Y for Z' (or 'X, offered by your side')."""
    mine = labels(persona, exchange.persona_gives)
    theirs = labels(persona, exchange.user_gives)
    if not mine:
        return f"{and_list(theirs)}, offered by your side"
    return f"{and_list(mine)} for {and_list(theirs)}"


def describe_move(persona: Playbook, move: Move) -> str:
    """Return a move in words: 'reciprocal: you offer X; you ask Y'."""
    parts: list[str] = [move.kind]
    if move.gives:
        parts.append(f"you offer {and_list(labels(persona, move.gives))}")
    if move.asks:
        parts.append(f"you ask {and_list(labels(persona, move.asks))}")
    if len(parts) == 1:
        return move.kind
    return f"{parts[0]}: " + "; ".join(parts[1:])
