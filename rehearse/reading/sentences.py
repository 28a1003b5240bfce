"""Stage 1 of reading: clean text split into sentences, each knowing whether it asks a question."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rehearse.reading import patterns as L
from rehearse.reading.lexicon import Match
from rehearse.reading.text import stems, tokens

_SENTENCE = re.compile(r"(?:[^.!?;\n]|(?<=\d)\.(?=\d))+[.!?;\n]*")  # "1.5 degrees" is one sentence


@dataclass
class Sentence:
    """One sentence of a message with what the classifier read in it."""

    text: str
    joined: str
    raw: list[str]
    stemmed: list[str]
    question: bool
    gives: set[str] = field(default_factory=set)
    asks: set[str] = field(default_factory=set)
    refused: set[str] = field(default_factory=set)
    mentioned: set[str] = field(default_factory=set)
    threat: bool = False
    recalled: set[str] = field(default_factory=set)
    principle: bool = False
    dropped: bool = False
    matches: list[Match] = field(default_factory=list)
    """The items found in the sentence and the words that named them."""
    threat_words: str = ""
    """The words that made the sentence a threat ('' if none)."""
    mark: str = ""
    """The punctuation that ended the sentence as typed ('?', '!', '.', or '')."""
    shown: list[str] = field(default_factory=list)
    """The words as found, side names spelt out (``raw`` holds their side tokens)."""
    told: bool = False
    """Whether the sentence reports what someone said or did (history, reported speech)."""


def split_sentences(cleaned: str) -> list[Sentence]:
    """Split cleaned text into sentences, noting which are questions."""
    out: list[Sentence] = []
    for chunk in _SENTENCE.findall(cleaned):
        text = chunk.strip()
        body = text.rstrip(".!?;\n ")
        raw = tokens(body)
        if not raw:
            continue
        opener = bool(L.QUESTION_OPENERS.match(body)) and not L.WH_STATEMENT.match(body)
        question = (
            text.endswith("?")
            or opener
            or bool(L.INDIRECT_QUESTION.search(body))
            or bool(L.TAG_QUESTION.search(body))
        )
        ending = text[len(body) :].strip()
        mark = "?" if "?" in ending else "!" if "!" in ending else "." if ending else ""
        out.append(Sentence(body, " ".join(raw), raw, stems(raw), question, mark=mark, shown=list(raw)))
    return out


def clauses(raw: list[str]) -> list[tuple[int, int]]:
    """Return the bounds of every clause of a sentence."""
    out: list[tuple[int, int]] = []
    position = 0
    while position < len(raw):
        lo, hi = clause_bounds(raw, position, position + 1)
        out.append((lo, hi))
        position = max(hi, position) + 1
    return out


def clause_bounds(raw: list[str], start: int, end: int) -> tuple[int, int]:
    """Return the bounds of the clause holding tokens ``start..end``."""
    lo = start
    while lo > 0:
        word = raw[lo - 1]
        if word in ",;:?" or word in L.CLAUSE_WORDS:
            break
        if word == "and" and lo < len(raw) and raw[lo] in L.SUBJECT_AFTER_AND:
            break
        lo -= 1
    hi = end
    while hi < len(raw):
        word = raw[hi]
        if word in ",;:?" or word in L.CLAUSE_WORDS:
            break
        if word == "and" and hi + 1 < len(raw) and raw[hi + 1] in L.SUBJECT_AFTER_AND:
            break
        hi += 1
    return lo, hi
