"""Stage 5 of reading: the features the model weighs, from the masked words and the rules' cues.

Three families, each a string the model has a weight for:
- ``w:`` word unigrams and bigrams of the masked message (``w:if ASK``), with sentence bounds;
- ``c:`` character n-grams (3 to 5) of each word, padded (``c: agr``), so typos and unseen
  inflections still count;
- ``r:`` the rules' cues: their own decision (``r:kind=threat``), whether they found an offer,
  an ask, a threat phrase, a refusal, a dropped demand, a statement of principle, reported
  speech, a condition on the other side's conduct, a frame that makes a harm a threat, and how
  the message ends.
"""

from __future__ import annotations

from functools import lru_cache

from rehearse.moves import Move
from rehearse.reading import patterns as L
from rehearse.reading.mask import ROLE_TOKENS
from rehearse.reading.sentences import Sentence

CHAR_SIZES = (3, 4, 5)
MAX_WORD = 20
"""Longer 'words' (pasted hashes, keys, base64) get no character n-grams: they would outweigh
everything else a message says."""


def word_features(words: list[str]) -> list[str]:
    """Return the word unigram and bigram features of the masked words."""
    out = [f"w:{word}" for word in words]
    previous = "<s>"
    for word in words:
        out.append(f"w:{previous} {word}")
        previous = "<s>" if word in ".?!" else word
    out.append(f"w:{previous} </s>")
    return out


@lru_cache(maxsize=65536)
def char_features(word: str) -> tuple[str, ...]:
    """Return the character n-gram features of one word (role tokens and marks have none)."""
    if word in ROLE_TOKENS or not 2 <= len(word) <= MAX_WORD:
        return ()
    padded = f" {word} "
    return tuple(f"c:{padded[i : i + n]}" for n in CHAR_SIZES for i in range(len(padded) - n + 1))


def cue_features(sentences: list[Sentence], rule: Move, known: frozenset[str] = frozenset()) -> list[str]:
    """Return the rules' cues as features (with ``known`` words, also how much of the text is unknown)."""
    if not sentences:
        return ["r:empty"]
    last = sentences[-1]
    cues = [
        f"r:kind={rule.kind}",
        f"r:gives={bool(rule.gives)}",
        f"r:asks={bool(rule.asks)}",
        f"r:kind={rule.kind} last?={last.question}",
        f"r:last?={last.question}",
        f"r:mark={last.mark}",
        f"r:sentences={min(len(sentences), 3)}",
    ]
    flags = {
        "threat": any(s.threat for s in sentences),
        "refused": any(s.refused for s in sentences),
        "dropped": any(s.dropped for s in sentences),
        "principle": any(s.principle for s in sentences),
        "told": any(s.told for s in sentences),
        "any?": any(s.question for s in sentences),
        "mentioned": any(s.mentioned for s in sentences),
        "misconduct-if": any(L.MISCONDUCT_CONDITION.search(s.joined) for s in sentences),
        "threat-frame": any(L.THREAT_FRAME.search(s.joined) for s in sentences),
    }
    cues.extend(f"r:{name}" for name, on in flags.items() if on)
    if known:
        words = [w for s in sentences for w in s.raw if w.isalpha()]
        unknown = sum(w not in known for w in words)
        if words and unknown == len(words):
            cues.append("r:unknown=all")
        elif words and unknown * 2 >= len(words):
            cues.append("r:unknown=most")
    return cues


def features(
    words: list[str], sentences: list[Sentence], rule: Move, known: frozenset[str] = frozenset()
) -> list[str]:
    """Return every feature of a message (a feature counts as often as it occurs)."""
    out = word_features(words)
    for word in words:
        out.extend(char_features(word))
    out.extend(cue_features(sentences, rule, known))
    return out
