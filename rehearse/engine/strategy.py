"""The persona's bargaining: valuing offers, accepting, countering and proposing next steps.

Built on the BOA split (bidding, opponent, acceptance) and Faratin's time-dependent concession:
the persona wants what it gains (by its own item values) to outweigh what it gives by an
aspiration ratio that falls over the session from ``opening_ratio`` to ``reservation_ratio``.
Items go in phases: the persona will not give an item of a phase beyond the next one ("progressive
and synchronous" steps), so a premature ask is countered with an earlier step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rehearse.content.playbook import Item, Playbook
from rehearse.engine.ledger import Exchange
from rehearse.moves import Move


@dataclass(frozen=True)
class Assessment:
    """The persona's reading of a reciprocal offer."""

    verdict: str
    ratio: float
    gross: bool
    premature: bool
    counter: Exchange | None


NO_OFFER = Assessment("none", 0.0, False, False, None)


class Bargainer:
    """Values, accepts and builds exchanges for one playbook."""

    def __init__(self, playbook: Playbook) -> None:
        self.playbook = playbook
        self.items = playbook.items
        self.strategy = playbook.strategy
        self._persona_items = sorted(
            (i for i in self.items.values() if i.side == "persona"), key=lambda i: (i.phase, i.value, i.id)
        )
        self._user_items = sorted(
            (i for i in self.items.values() if i.side == "user"), key=lambda i: (i.phase, -i.value, i.id)
        )

    def worth(self, ids: Iterable[str]) -> int:
        """Return the persona's total value for these items."""
        return sum(self.items[i].value for i in ids)

    def ratio(self, user_gives: Iterable[str], persona_gives: Iterable[str]) -> float:
        """Return what the persona gains over what it gives (large when it gives nothing)."""
        cost = self.worth(persona_gives)
        gain = self.worth(user_gives)
        return gain / cost if cost else float(gain + 100)

    def open_phase(self, agreed: frozenset[str]) -> int:
        """Return the highest phase the persona will give items of, given what is agreed."""
        phases = [self.items[i].phase for i in agreed if self.items[i].side == "persona"]
        return (max(phases) if phases else 0) + 1

    def assess(
        self, gives: frozenset[str], asks: frozenset[str], agreed: frozenset[str], turn: int
    ) -> Assessment:
        """Judge a reciprocal offer: accept it, ask for more, or counter it."""
        new_asks = asks - agreed
        gives = gives - agreed
        aspiration = self.strategy.aspiration(turn)
        ratio = self.ratio(gives, new_asks)
        open_phase = self.open_phase(agreed)
        premature = any(self.items[i].phase > open_phase for i in new_asks)
        gross = ratio < self.strategy.gross_ratio
        if not premature and ratio >= aspiration:
            return Assessment("accept", ratio, False, False, None)
        keep = frozenset(i for i in new_asks if self.items[i].phase <= open_phase)
        counter = self.balance(gives, keep, agreed, turn)
        if counter is None:
            return Assessment("counter", ratio, gross, premature, None)
        verdict = "more" if counter.persona_gives == new_asks else "counter"
        return Assessment(verdict, ratio, gross, premature, counter)

    def balance(
        self, gives: frozenset[str], asks: frozenset[str], agreed: frozenset[str], turn: int
    ) -> Exchange | None:
        """Build the nearest exchange the persona would accept around these items, or None."""
        aspiration = self.strategy.aspiration(turn)
        open_phase = self.open_phase(agreed)
        persona = set(asks)
        if not persona:
            cheapest = self._first_persona_item(agreed, open_phase)
            if cheapest is None:
                return None
            persona.add(cheapest.id)
        user = set(gives)
        while self.ratio(user, persona) < aspiration:
            candidate = self._closing_item(user, persona, agreed, open_phase, aspiration)
            if candidate is None:
                break
            user.add(candidate.id)
        while self.ratio(user, persona) < aspiration and len(persona) > 1:
            persona.remove(max(persona, key=lambda i: (self.items[i].value, i)))
        if self.ratio(user, persona) < aspiration:
            return None
        return self.exchange(frozenset(user), frozenset(persona), by="persona")

    def answer_floated(self, gives: frozenset[str], agreed: frozenset[str], turn: int) -> Exchange | None:
        """Return what the persona would give for items the user floated, or None."""
        budget = self.worth(gives) / self.strategy.aspiration(turn)
        open_phase = self.open_phase(agreed)
        chosen: list[str] = []
        spent = 0
        for item in self._persona_items:
            if item.id in agreed or item.phase > open_phase or item.red_line:
                continue
            if spent + item.value <= budget:
                chosen.append(item.id)
                spent += item.value
        if not chosen:
            return self.balance(gives, frozenset(), agreed, turn)
        return self.exchange(gives, frozenset(chosen), by="persona")

    def next_step(self, agreed: frozenset[str], turn: int) -> Exchange | None:
        """Return the exchange the persona would propose next on the roadmap, or None."""
        return self.balance(frozenset(), frozenset(), agreed, turn)

    def exchange(
        self, user_gives: frozenset[str], persona_gives: frozenset[str], by: str, turn: int = 0
    ) -> Exchange:
        """Return an exchange with its roadmap phase (the latest phase among its items)."""
        phases = (
            [self.items[i].phase for i in persona_gives] or [self.items[i].phase for i in user_gives] or [1]
        )
        return Exchange(
            user_gives, persona_gives, max(phases), "persona" if by == "persona" else "user", turn
        )

    def _first_persona_item(self, agreed: frozenset[str], open_phase: int) -> Item | None:
        for item in self._persona_items:
            if item.id not in agreed and item.phase <= open_phase and not item.red_line:
                return item
        return None

    def _closing_item(
        self, user: set[str], persona: set[str], agreed: frozenset[str], open_phase: int, aspiration: float
    ) -> Item | None:
        """Pick the user item to ask for next: the smallest in the nearest phase that closes the gap."""
        gap = aspiration * self.worth(persona) - self.worth(user)
        pool = [
            i
            for i in self._user_items
            if i.id not in agreed and i.id not in user and i.phase <= open_phase + 1
        ]
        if not pool:
            return None
        nearest = min(abs(i.phase - open_phase) for i in pool)
        group = [i for i in pool if abs(i.phase - open_phase) == nearest]
        closing = [i for i in group if i.value >= gap]
        if closing:
            return min(closing, key=lambda i: (i.value, i.id))
        return max(group, key=lambda i: (i.value, i.id))


def judge(
    b: Bargainer, move: Move, agreed: frozenset[str], turn: int, nothing_open: bool
) -> tuple[Assessment, Exchange | None]:
    """Return the persona's reading of a move and the exchange it would propose in answer, if any.

    ``nothing_open``: no proposal is on the table and no closing has been proposed.
    """
    if move.kind == "reciprocal":
        assessment = b.assess(move.gives, move.asks, agreed, turn)
        if assessment.verdict == "accept":  # acceptable as it stands: a counter is the offer itself
            return assessment, b.exchange(move.gives - agreed, move.asks - agreed, "persona", turn)
        return assessment, assessment.counter
    if move.kind == "question" and move.asks:
        open_phase = b.open_phase(agreed)
        wanted = frozenset(i for i in move.asks - agreed if b.items[i].phase <= open_phase)
        premature = wanted != move.asks - agreed
        proposal = b.balance(frozenset(), wanted, agreed, turn) if wanted or premature else None
        return Assessment("none", 0.0, False, premature, None), proposal
    if move.kind == "question" and move.gives:
        return NO_OFFER, b.answer_floated(move.gives - agreed, agreed, turn)
    if move.kind == "concession":
        return NO_OFFER, b.next_step(agreed | move.gives, turn)
    if move.kind == "accept" and nothing_open:
        return NO_OFFER, b.next_step(agreed, turn)
    return NO_OFFER, None
