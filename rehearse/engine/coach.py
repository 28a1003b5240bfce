"""Hints by lookahead: candidate moves tried on the session before the trainee makes them.

Candidates come from the persona's phases and values (the next step it would propose, a trade
around each item it could give now), from what is on the table (accept it, or the whole roadmap
when it is worth closing) and from questions that reveal what it wants. Each candidate gets a
message in plain English that the reader reads back as exactly its move (else it is dropped),
is played on the session inside ``Negotiation.trial()`` (never touching the real session, its
random generator or its saved file), and is ranked by the progress it makes toward a lasting
agreement: the outcome, exchanges and stages agreed, trust and tension, and what the trainee
gives away for nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rehearse.content.templates import and_list
from rehearse.engine.ledger import Exchange
from rehearse.engine.play import worth_closing
from rehearse.engine.strategy import Bargainer
from rehearse.engine.turns import describe_trade, labels, roadmap_lines
from rehearse.moves import Move

if TYPE_CHECKING:
    from rehearse.engine.negotiation import Negotiation

TRADE_TEXTS = (
    "If you agree to {asks}, we will offer {gives}.",
    "We offer {gives} in exchange for {asks}.",
    "We are ready to offer {gives} if your side agrees to {asks}.",
    "In return for {asks}, we can offer {gives}.",
)
QUESTION_TEXTS = (
    "What would your side want in exchange for {asks}?",
    "What would you need from us for {asks}?",
)
ACCEPT_TEXTS = ("We accept your proposal.", "Agreed.", "We accept.")
CLOSE_TEXTS = (
    "We accept the roadmap as it stands.",
    "We accept the package as it stands.",
    "We accept the agreement as it stands.",
)
AMEND_TEXTS = ("Agreed, but without {item}.", "Fine, but drop {item}.")
MAX_TRADES = 4
"""Trades tried around single items, besides the persona's own next step."""


@dataclass(frozen=True)
class Effect:
    """What a move would do: the meters, stage and outcome after it, the roadmap and the table."""

    meters: dict[str, int]
    state: str
    outcome: str
    roadmap: tuple[str, ...]
    table: str = ""
    changes: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        meters = ", ".join(
            f"{name} {value}" + (f" ({self.changes[name]:+d})" if self.changes.get(name) else "")
            for name, value in self.meters.items()
        )
        parts = [meters, self.outcome if self.outcome != "ongoing" else self.state]
        if self.table:
            parts.append(f"on the table: {self.table}")
        if self.roadmap:
            parts.append(f"roadmap: {len(self.roadmap)} exchange{'s' if len(self.roadmap) != 1 else ''}")
        return "; ".join(parts)


@dataclass(frozen=True)
class Hint:
    """A suggested next message: its text, the move it makes, why, and what it would do."""

    text: str
    move: Move
    why: str
    effect: Effect
    score: float = 0.0


@dataclass(frozen=True)
class _Candidate:
    move: Move
    texts: tuple[str, ...]
    why: str


def hints(neg: Negotiation, n: int = 3) -> list[Hint]:
    """Return up to ``n`` suggestions for the next message, best first (``neg`` is left unchanged)."""
    if n < 1 or neg.outcome != "ongoing":
        return []
    found: list[Hint] = []
    seen: set[tuple[Move, bool]] = set()
    for candidate in _candidates(neg):
        amends = candidate.texts[0].startswith(tuple(t.split(",")[0] for t in AMEND_TEXTS))
        if (candidate.move, amends) in seen:
            continue
        seen.add((candidate.move, amends))
        text = next((t for t in candidate.texts if neg.classify(t) == candidate.move), None)
        if text is None:
            continue
        effect, score = _try(neg, text)
        found.append(Hint(text, candidate.move, candidate.why, effect, score))
    found.sort(key=lambda h: -h.score)  # stable: equal scores keep the candidates' order
    return found[:n]


def _candidates(neg: Negotiation) -> Iterator[_Candidate]:
    persona = neg.persona
    bargainer = Bargainer(persona)
    agreed = neg.agreed_items
    turn = len(neg.turns) + 1
    table = neg.table
    next_step = bargainer.next_step(agreed, turn)
    exchanges = len(neg.agreements)
    phases = len({e.phase for e in neg.agreements})
    if exchanges and (neg.closing or worth_closing(exchanges, max(phases, 1), next_step)):
        yield _Candidate(
            Move("accept"),
            CLOSE_TEXTS,
            f"The roadmap already holds {exchanges} exchange{'s' if exchanges > 1 else ''}"
            + (" and they have proposed to close on it" if neg.closing else "")
            + ": accepting it as a whole ends the talks in agreement.",
        )
    if table is not None and table.by == "persona":
        yield _Candidate(
            Move("accept"),
            ACCEPT_TEXTS,
            f"Their own proposal is on the table ({describe_trade(persona, table)}): "
            "accepting it puts a step on the roadmap and earns trust.",
        )
    if table is not None and table.by == "persona" and len(table.user_gives) > 1:
        costly = max(table.user_gives, key=lambda i: (persona.items[i].value, i))
        label = persona.items[costly].label
        for text in AMEND_TEXTS:
            amended = neg.classify(text.format(item=label))
            if amended.kind in ("accept", "reciprocal"):
                yield _Candidate(
                    amended,
                    (text.format(item=label),),
                    f"Their proposal asks {label} of you as well; "
                    "accepting it without that item tests whether they will settle for less.",
                )
                break
    trades = [next_step] if next_step is not None else []
    open_phase = bargainer.open_phase(agreed)
    open_items = [
        item
        for item in sorted(persona.items.values(), key=lambda i: (-i.value, i.id))
        if item.side == "persona" and item.id not in agreed and not item.red_line and item.phase <= open_phase
    ]
    for item in open_items[:MAX_TRADES]:
        balanced = bargainer.balance(frozenset(), frozenset({item.id}), agreed, turn)
        if balanced is not None:
            trades.append(balanced)
    for exchange in trades:
        yield _trade(bargainer, exchange)
    for item in open_items[:1]:
        yield _Candidate(
            Move("question", asks=frozenset({item.id})),
            tuple(t.format(asks=item.label) for t in QUESTION_TEXTS),
            f"A question commits nothing: it shows what they would want for {item.label}, "
            f"the largest step they could take in phase {item.phase}.",
        )


def _trade(bargainer: Bargainer, exchange: Exchange) -> _Candidate:
    """Return a reciprocal candidate for an exchange, with its reason from the persona's values."""
    items = bargainer.items
    gives = exchange.user_gives
    asks = exchange.persona_gives
    prized = max(gives, key=lambda i: (items[i].value, i))
    texts = tuple(
        t.format(gives=and_list(_labels(bargainer, gives)), asks=and_list(_labels(bargainer, asks)))
        for t in TRADE_TEXTS
    )
    why = (
        f"Of what you can offer now they value {items[prized].label} most; in phase {exchange.phase} "
        f"they would give {and_list(_labels(bargainer, asks))} for "
        f"{and_list(_labels(bargainer, gives))}, step for step."
    )
    return _Candidate(Move("reciprocal", gives, asks), texts, why)


def _labels(bargainer: Bargainer, ids: frozenset[str]) -> list[str]:
    return labels(bargainer.playbook, ids)


def _try(neg: Negotiation, text: str) -> tuple[Effect, float]:
    """Play ``text`` on a trial copy of the session; return its effect and its score."""
    before = dict(neg.meters)
    exchanges_before = len(neg.agreements)
    given_before = _given(neg)
    with neg.trial() as trial:
        turn = trial.say(text)
        effect = Effect(
            dict(turn.meters),
            turn.state,
            turn.outcome,
            tuple(roadmap_lines(trial.persona, trial.agreements)),
            describe_trade(trial.persona, trial.table) if trial.table is not None else "",
            {k: v - before.get(k, v) for k, v in turn.meters.items()},
        )
        score = _progress(trial, before, exchanges_before, given_before)
        if trial.outcome == "ongoing" and trial.table is not None and trial.table.by == "persona":
            trial.say(ACCEPT_TEXTS[0])  # their counter, accepted next: what the move opens up
            score = max(score, _progress(trial, before, exchanges_before, given_before) - 5)
    return effect, score


def _given(neg: Negotiation) -> int:
    """Return what the trainee has given away for nothing so far, by the persona's values."""
    return sum(neg.persona.items[i].value for gift in neg.gifts for i in gift.user_gives)


def _progress(neg: Negotiation, before: dict[str, int], exchanges_before: int, given_before: int) -> float:
    """Score where a trial stands against where the session stood: higher is closer to a deal."""
    if neg.outcome == "agreement":
        return 1000.0
    if neg.outcome == "derailed":
        return -1000.0
    meters = neg.meters
    trust = meters.get("trust", 0) - before.get("trust", 0)
    tension = meters.get("tension", 0) - before.get("tension", 0)
    gained = len(neg.agreements) - exchanges_before
    given = _given(neg) - given_before
    traded = sum(neg.persona.items[i].value for e in neg.agreements[exchanges_before:] for i in e.user_gives)
    return 40.0 * gained + trust - 0.5 * tension - 0.5 * given - 0.05 * traded
