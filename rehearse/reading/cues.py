"""Stage 3c of reading: the rules' own decision, applied in the contract's order.

The rule decision is one of the learned model's features and the fallback when no model is
shipped; the model decides the kind (``decide.py``).
"""

from __future__ import annotations

from rehearse.moves import Move, MoveKind
from rehearse.reading import patterns as L
from rehearse.reading.sentences import Sentence


def rule_move(sentences: list[Sentence]) -> Move:
    """Return the move the rules alone read in these sentences."""
    gives = frozenset().union(*(s.gives for s in sentences)) if sentences else frozenset()
    asks = frozenset().union(*(s.asks for s in sentences)) if sentences else frozenset()
    if any(s.threat for s in sentences):
        return Move("threat", gives, asks)
    if gives and asks:
        return Move("reciprocal", gives, asks)
    if gives:
        floated_only = all(s.question for s in sentences if s.gives)
        return Move("question" if floated_only else "concession", gives, frozenset())
    if asks:
        asked_in_questions = all(s.question for s in sentences if s.asks)
        if not asked_in_questions and sentences[-1].question:
            asked_in_questions = not any(
                L.INSISTING.search(s.joined) or L.IMPERATIVE_START.match(s.joined)
                for s in sentences
                if s.asks and not s.question
            )
        return Move("question" if asked_in_questions else "demand", frozenset(), asks)
    return Move(_kind_without_items(sentences), frozenset(), frozenset())


def _kind_without_items(sentences: list[Sentence]) -> MoveKind:
    if not sentences:
        return "other"
    if any(s.dropped for s in sentences):
        return "concession"
    last = sentences[-1]
    text = " ; ".join(s.joined for s in sentences)
    if L.ACCEPT_DESPITE.search(text) and not last.question:
        return "accept"
    reject = L.REJECT.search(text)
    accept = L.ACCEPT.search(text)
    if (reject or any(s.refused for s in sentences)) and not (
        last.question and not L.REJECT.search(last.joined)
    ):
        return "reject"
    if accept and not last.question:
        casual = accept.group(0) in ("ok", "okay", "alright", "all right")
        if casual and L.PROCEDURE.search(last.joined):
            return "other"
        return "accept"
    if L.PROCEDURE.search(last.joined):
        return "other"
    if any(s.question for s in sentences):
        return "question"
    return "other"
