"""What a message does to the deal as a whole: assents, closes, strikes or puts items off.

The move's kind and items are read without context (docs/reading.md). These intents are
read beside it, for the negotiation to use when a proposal is on the table: "Agreed, inspectors
included" assents and asks; "Fine, but drop X" assents and strikes X; "let's park X" puts X off.
"""

from __future__ import annotations

from dataclasses import dataclass

from rehearse.reading import patterns as L
from rehearse.reading.patterns.deals import ASSENT_OPENING, STRIKING, WHOLE_DEAL
from rehearse.reading.sentences import Sentence

PARK_REACH = 7
"""How many words from a deferral phrase an item may be and still be put off by it."""
STRIKE_REACH = 5
"""How many words before an item a striking word ("drop", "without") may be."""
_BREAKS = frozenset({"but", "focus", "while", "instead", "whereas", "then"})


@dataclass(frozen=True)
class Intents:
    """What a message does to the deal as a whole, beside its move."""

    assents: bool = False
    """The message opens with words of acceptance ("Agreed, ...", "Yes, if ...")."""
    closes: bool = False
    """The message names the whole deal ("we accept the roadmap", "let's sign what we have")."""
    strikes: frozenset[str] = frozenset()
    """Items the message strikes from what is proposed ("drop X", "without X")."""
    parks: frozenset[str] = frozenset()
    """Items the message puts off for later ("let's park X", "X can wait")."""
    named: frozenset[str] = frozenset()
    """Every item the message names, whatever it does with it."""


NO_INTENTS = Intents()


def read_intents(sentences: list[Sentence]) -> Intents:
    """Return the intents of a message from its read sentences."""
    if not sentences:
        return NO_INTENTS
    assents = bool(ASSENT_OPENING.match(sentences[0].joined))
    closes = any(WHOLE_DEAL.search(s.joined) and not s.question for s in sentences)
    strikes: set[str] = set()
    parks: set[str] = set()
    named: set[str] = set()
    for s in sentences:
        named.update(match.key for match in s.matches)
        for match in s.matches:
            before = " ".join(s.raw[max(0, match.start - STRIKE_REACH) : match.start])
            if STRIKING.search(before):
                strikes.add(match.key)
        parks.update(_parked(s))
    return Intents(assents, closes, frozenset(strikes), frozenset(parks), frozenset(named))


def _parked(s: Sentence) -> set[str]:
    """Return the items a deferral phrase in this sentence puts off."""
    found = L.DEFERRAL.search(s.joined)
    if found is None or s.question:
        return set()
    at = s.joined[: found.start()].count(" ")
    out = set()
    for match in s.matches:
        lo, hi = (match.end, at) if match.end <= at else (at + 1, match.start)
        between = s.raw[lo:hi]
        if len(between) <= PARK_REACH and not _BREAKS.intersection(between):
            out.add(match.key)
    return out
