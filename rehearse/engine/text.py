"""Text normalisation shared by the classifier and the lexicon: cleaning, tokens and stems."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_READ = 4000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f]")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": " - ", "\u2013": " - "})
_ABBREV = [
    (re.compile(r"\bu\.\s?s\.(?:\s?a\.)?"), "america "),
    (re.compile(r"\bd\.p\.r\.k\.?"), "dprk"),
    (re.compile(r"\b(?:e\.g|i\.e|etc|mr|mrs|ms|dr|st|vs)\."), lambda m: m.group(0)[:-1]),
]
_CONTRACTIONS = [
    (re.compile(r"\bwon'?t\b"), "will not"),
    (re.compile(r"\bcan'?t\b|\bcannot\b"), "can not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"\bain'?t\b"), "is not"),
    (re.compile(r"\b(do|does|did|is|are|was|were|would|should|could|has|have|had|must|need)n'?t\b"), r"\1 not"),
    (re.compile(r"\b(let)'s\b|\blets\b"), "let us"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'m\b"), " am"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"\b(it|that|what|there|here|who|he|she)'s\b"), r"\1 is"),
    (re.compile(r"\b(i|we|you|they)ll\b"), r"\1 will"),
    (re.compile(r"\bthats\b"), "that is"),
    (re.compile(r"\bur\b"), "your"),
    (re.compile(r"\bu\b"), "you"),
    (re.compile(r"\bwat\b"), "what"),
    (re.compile(r"\bpls\b|\bplz\b"), "please"),
]
_TOKEN = re.compile(r"[a-z0-9]+|[?,;:]")


def clean(text: str) -> str:
    """Return ``text`` lower-cased, without control characters, its contractions spelt out."""
    if len(text) > MAX_READ:
        text = text[-MAX_READ:]
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub(" ", text)
    text = text.translate(_QUOTES).lower()
    for pattern, repl in _ABBREV:
        text = pattern.sub(repl, text)
    for pattern, repl in _CONTRACTIONS:
        text = pattern.sub(repl, text)
    return text


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """Return a light stem: plural and common verb endings removed ('tests' -> 'test')."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ing") and len(word) > 5:
        base = word[:-3]
        return base[:-1] if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "ls" else base
    if word.endswith("ed") and len(word) > 4 and not word.endswith("eed"):
        base = word[:-2]
        if base.endswith("i"):
            return base[:-1] + "y"
        return base[:-1] if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "ls" else base
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Split cleaned text into words and the punctuation that bounds clauses."""
    return _TOKEN.findall(text)


def stems(words: list[str]) -> list[str]:
    """Return the stems of ``words``."""
    return [stem(w) for w in words]
