"""Text normalisation shared by the classifier and the lexicon: cleaning, tokens and stems."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

MAX_READ = 4000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f]")
_QUOTES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": " - ", "\u2013": " - "}
)
_ABBREV: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    # dotted acronyms lose their dots ("u.s.a." -> "usa"), so a playbook's side names find them
    (re.compile(r"\b[a-z](?:\.[a-z]){1,4}\.?(?![a-z])"), lambda m: m.group(0).replace(".", "")),
    (re.compile(r"\b(?:e\.g|i\.e|etc|mr|mrs|ms|dr|st|vs)\."), lambda m: m.group(0)[:-1]),
    # "well" and "were" typed for "we'll" and "we're" before a verb or a readiness word
    (
        re.compile(
            r"\bwell (?=(?:stop|send|lift|give|put|hit|cut|do|take|pull|open|ease|sign|offer|be|have|see|make|keep|"
            r"bring|ship|halt|suspend|walk|leave|respond|strike|close|scale|postpone|freeze|unblock|drop|never|not)\b)"
        ),
        "we will ",
    ),
    (
        re.compile(r"\bwere (?=(?:ready|willing|prepared|done|leaving|going|not|offering|happy|open)\b)"),
        "we are ",
    ),
]
_FIXED = {
    "won't": "will not",
    "wont": "will not",
    "can't": "can not",
    "cant": "can not",
    "cannot": "can not",
    "shan't": "shall not",
    "ain't": "is not",
    "aint": "is not",
    "let's": "let us",
    "lets": "let us",
    "thats": "that is",
    "ur": "your",
    "u": "you",
    "wat": "what",
    "pls": "please",
    "plz": "please",
    "youll": "you will",
    "theyll": "they will",
    "cn": "can",
    "r": "are",
    "liason": "liaison",
    "wud": "would",
    "n": "and",
    "heres": "here is",
    "missle": "missile",
    "missles": "missiles",
    "misile": "missile",
    "misiles": "missiles",
    "sanctoins": "sanctions",
    "sanctons": "sanctions",
    "santions": "sanctions",
    "sanctiosn": "sanctions",
    "goverment": "government",
    "govt": "government",
    "nuclaer": "nuclear",
    "nucelar": "nuclear",
    "exercices": "exercises",
    "excercises": "exercises",
    "inspecters": "inspectors",
    "recogntion": "recognition",
    "enrichement": "enrichment",
    "denuclearisation": "denuclearization",
    "denuclearise": "denuclearize",
    "fertlizer": "fertilizer",
    "fertiliser": "fertilizer",
    "warheds": "warheads",
    "agred": "agreed",
    "acept": "accept",
    "nucleer": "nuclear",
    "reconize": "recognize",
    "manouvers": "manoeuvres",
    "agreemnt": "agreement",
    "capitols": "capitals",
    "warhaed": "warhead",
    "warhaeds": "warheads",
    "feul": "fuel",
    "refrian": "refrain",
    "staling": "stalling",
    "agre": "agree",
    "maneuvres": "maneuvers",
    "manoeuvers": "manoeuvres",
    "whats": "what is",
    "hows": "how is",
    "wheres": "where is",
    "whos": "who is",
    "destory": "destroy",
    "qeustion": "question",
    "questoin": "question",
    "acceptible": "acceptable",
    "relif": "relief",
    "reduse": "reduce",
    "inspektors": "inspectors",
    "inspektor": "inspector",
    "redy": "ready",
    "denuclarization": "denuclearization",
    "restrictons": "restrictions",
    "propsal": "proposal",
    "thru": "through",
    "tho": "though",
}
_NT = (
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "would",
    "should",
    "could",
    "has",
    "have",
    "had",
    "must",
    "need",
)
for _aux in _NT:
    _FIXED[f"{_aux}n't"] = f"{_aux} not"
    _FIXED[f"{_aux}nt"] = f"{_aux} not"
_SUFFIXES = {"'ll": " will", "'re": " are", "'ve": " have", "'m": " am", "'d": " would"}
_IS = {"it", "that", "what", "there", "here", "who", "he", "she"}
_REPEATED_NEGATION = re.compile(r"\b(\w+) not,? (?:and|or) (\w+) not\b,?")
_WORDISH = re.compile(r"[a-z]+(?:'[a-z]+)?")


def _expand(match: re.Match[str]) -> str:
    word = match.group(0)
    fixed = _FIXED.get(word)
    if fixed is not None:
        return fixed
    if "'" in word:
        base, _, tail = word.partition("'")
        suffix = _SUFFIXES.get("'" + tail)
        if suffix is not None:
            return base + suffix
        if tail == "s" and base in _IS:
            return base + " is"
    return word


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
    text = _WORDISH.sub(_expand, text)
    return _REPEATED_NEGATION.sub(r"\1 and \2 not", text)


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """Return a light stem: plural and common verb endings removed ('tests' -> 'test').

    A final silent 'e' goes too, so 'give', 'gives' and 'giving' share the stem 'giv'.
    """
    base = _stem(word)
    return base[:-1] if len(base) > 3 and base.endswith("e") and not base.endswith("ee") else base


def _stem(word: str) -> str:
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
