"""Stage 3b of reading: whether a sentence threatens (force, punishment, walking out, an ultimatum).

Threats are read by family (patterns.THREAT, VEILED_THREAT, HARM with THREAT_FRAME, a connective
followed by a penalty) and by composition (misconduct on their side answered by our next step).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from rehearse.reading import patterns as L
from rehearse.reading.sentences import Sentence

_CONSEQUENCE = re.compile(
    r"\b(?:if|unless|another|one more|any more|should)\b.*\b(?:exercises|drills|manoeuvres|maneuvers|war games|flights)\b "
    r"(?:\w+ ){0,3}?(?:go ahead|resume|restart|return|come back)"
)


_PROCEDURAL_PAUSE = re.compile(
    r"\b(?:recess|(?:a|short|quick|coffee|lunch|the) break|lunch|coffee|pause|(?:to|for) consult\w*|consult (?:with )?(?:my|our|the))\b"
)


def withdraw_penalised(s: Sentence, offered: list[tuple[str, int, int]]) -> None:
    """In a threat, an item that is part of the penalty ("the B-52s fly again") is not offered."""
    starts = list(accumulate((len(word) + 1 for word in s.raw[:-1]), initial=0))
    for penalty in L.THREAT.finditer(s.joined):
        first = bisect_right(starts, penalty.start()) - 1  # the token the penalty starts in
        last = bisect_left(starts, penalty.end())  # the tokens that begin before it ends
        for item_id, start, end in offered:
            if start < last and end > first and item_id in s.gives:
                s.gives.discard(item_id)
                s.mentioned.add(item_id)


_THEIR_OR_EASED = re.compile(
    r"(?:\b(?:you|they|theirside|your (?:side|government|country))(?: \w+)?|"
    r"\b(?:lift|eas|remov|end|drop|waiv|relax|loosen)\w* (?:the |all |any )?)\s*$"
)
_HARM_VERB = re.compile(
    r"(?:seiz|freez|cap|cut|ban|block|clos|blacklist|sanction|target|squeez|chok|strangl|confiscat|impound|intercept|board|expel|"
    r"send|sent|call|recall)"
)
_NEGATED_CLAUSE = re.compile(r"\b(?:not|never|no)\b[^,;]*$")


def penalised_misconduct(text: str) -> bool:
    """Return whether the text answers a condition on the other side's misconduct with our next step."""
    condition = L.MISCONDUCT_CONDITION.search(text)
    if condition is None:
        return False
    penalty = L.PENALTY_CLAUSE.search(text)
    return penalty is not None and not (condition.start() <= penalty.start() < condition.end())


def inquiring(s: Sentence) -> bool:
    """Return whether a question only asks about penalties rather than threatening one."""
    if not L.QUESTION_OPENERS.match(s.joined) or L.INDIRECT_QUESTION.search(s.joined):
        return False
    return not (L.RHETORICAL_THREAT.search(s.joined) or L.OWN_PENALTY.search(s.joined))


LOOK_BACK = 240
"""How many characters before a threat word are searched for a negation ("we will not ...")."""


def _before(said: str, at: int) -> str:
    """Return the text just before position ``at`` (bounded, so long sentences stay linear)."""
    return said[max(0, at - LOOK_BACK) : at]


def is_threat(text: str, said: str) -> str:
    """Return the words by which ``text`` (the sentence with offered items blanked out) threatens ('' if none).

    Negation is read in ``said``, the sentence as written (same length), so "we stop piling on
    new punishments" is not a threat even though its offered words are blanked.
    """
    consequence = _CONSEQUENCE.search(text)
    if consequence:
        return consequence.group(0)
    for match in L.THREAT.finditer(text):
        before = _before(said, match.start())
        if L.NEGATED_THREAT.search(before):
            continue
        if match.group(0).startswith("at full") and _NEGATED_CLAUSE.search(before):
            continue
        if "sanction" in match.group(0) and not L.AGENT.search(text):
            continue
        if re.search(r"leav|walk|go(?:ing)? home", match.group(0)) and _PROCEDURAL_PAUSE.search(text):
            continue
        return match.group(0)
    for veiled in L.VEILED_THREAT.finditer(text):
        if not L.NEGATED_THREAT.search(_before(said, veiled.start())):
            return veiled.group(0)
    framed: bool | None = None
    for harm in L.HARM.finditer(text):
        before = _before(said, harm.start())
        their_act = (_THEIR_OR_EASED.search(before) or not before.strip()) and _HARM_VERB.match(harm.group(0))
        if L.NEGATED_THREAT.search(before) or their_act:
            continue
        if framed is None:
            framed = bool(L.THREAT_FRAME.search(text))
        if framed:
            return harm.group(0)
    connective = L.THREAT_CONNECTIVE.search(text)
    penalty = L.PENALTY_AFTER_CONNECTIVE.search(text, connective.end()) if connective else None
    return text[connective.start() : penalty.end()] if connective and penalty else ""
