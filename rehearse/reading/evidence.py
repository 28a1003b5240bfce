"""The evidence of a reading: the phrases that made it an offer, an ask, a threat or its kind.

Shown to the trainee in words ("offer: 'we will restore the military hotline'"), so a
misreading can be seen, and corrected, before it costs anything.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rehearse.content.playbook import Item
from rehearse.moves import Move
from rehearse.reading import patterns as L
from rehearse.reading.model import KindModel
from rehearse.reading.sentences import Sentence, clause_bounds

MAX_WORDS = 9
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "we",
        "you",
        "i",
        "it",
        "they",
        "us",
        "our",
        "your",
        "my",
        "me",
        "this",
        "that",
        "these",
        "those",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "be",
        "will",
        "would",
        "can",
        "could",
        "let",
        "do",
        "does",
        "did",
        "have",
        "has",
        "so",
        "then",
        "now",
    ]
)


def evidence(
    sentences: list[Sentence],
    move: Move,
    items: Mapping[str, Item],
    model: KindModel | None,
    features: Sequence[str],
) -> tuple[str, ...]:
    """Return short strings naming the phrases that decided the reading."""
    out: list[str] = []
    for s in sentences:
        for match in s.matches:
            if match.key in move.gives:
                out.append(f"offer: '{_phrase(s, match.start, match.end)}'")
            elif match.key in move.asks:
                out.append(f"ask: '{_phrase(s, match.start, match.end)}'")
    if move.kind == "reciprocal" and not (move.gives and move.asks):
        missing = "offer" if not move.gives else "ask"
        out.append(f"{missing}: something this delegation has no item for")
    if move.kind == "threat":
        words = next((s.threat_words for s in sentences if s.threat_words), "")
        if words:
            out.append(f"threat: '{_short(words)}'")
    if move.kind not in ("reciprocal", "threat"):
        cue = _pattern_cue(sentences, move)
        if not cue and model is not None and not (move.gives or move.asks):
            cue = _word_cue(model, features, move)
        if cue:
            out.append(f"{move.kind}: '{cue}'")
    if move.kind == "question" and sentences and sentences[-1].mark == "?" and not out:
        out.append("question: ends with '?'")
    return tuple(dict.fromkeys(out))


def _phrase(s: Sentence, start: int, end: int) -> str:
    """Return the clause around an item, as the user wrote its words (side names spelt out)."""
    lo, hi = clause_bounds(s.raw, start, end)
    words = [w for w in s.shown[max(lo, start - 5) : min(hi, end + 2)] if w not in ",;:?"]
    return _short(" ".join(words))


def _short(text: str) -> str:
    words = text.split()
    return " ".join(words[:MAX_WORDS]) + (" ..." if len(words) > MAX_WORDS else "")


_KIND_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "accept": (L.ACCEPT_DESPITE, L.ACCEPT),
    "reject": (L.REJECT,),
    "other": (L.PROCEDURE, L.DEFERRAL, L.PRINCIPLE),
    "concession": (L.DROPPED_DEMAND,),
    "demand": (L.INSISTING, L.IMPERATIVE_START),
    "question": (L.INDIRECT_QUESTION, L.TAG_QUESTION),
}


def _pattern_cue(sentences: list[Sentence], move: Move) -> str:
    """Return the words a shared pattern of this kind matched ('' if none)."""
    for pattern in _KIND_PATTERNS.get(move.kind, ()):
        for s in sentences:
            found = pattern.search(s.joined)
            if found and found.group(0).strip():
                return _short(found.group(0).strip())
    return ""


def _word_cue(model: KindModel, features: Sequence[str], move: Move) -> str:
    """Return the written words that weigh most for the chosen kind ('' if none stands out)."""
    for weight, name in model.contributions(features, move.kind):
        if weight <= 0.1:
            break
        if name.startswith("w:"):
            words = [w for w in name[2:].split() if w.isalpha() and w.islower()]
            if words and any(w not in _FUNCTION_WORDS for w in words):
                return " ".join(words)
    return ""
