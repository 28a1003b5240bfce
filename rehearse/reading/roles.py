"""Stage 3a of reading: what each found item is doing in its sentence.

An item the persona gives is asked for unless it is only acknowledged, dropped or part of a
principle; an item the user gives is offered, refused or only mentioned, by the words around
it (refusals, refraining, stopping verbs, floated offers in questions, reported speech).
"""

from __future__ import annotations

import re

from rehearse.content.playbook import Item
from rehearse.reading import patterns as L
from rehearse.reading.lexicon import Match
from rehearse.reading.sentences import Sentence, clause_bounds
from rehearse.reading.text import stem
from rehearse.reading.threats import inquiring, is_threat, penalised_misconduct, withdraw_penalised


def apply_grants(sentences: list[Sentence]) -> None:
    """Offer a step recalled from history or reported speech when a later sentence grants it."""
    for i, sentence in enumerate(sentences):
        if sentence.recalled and any(L.GRANTED.search(later.joined) for later in sentences[i + 1 :]):
            sentence.gives |= sentence.recalled


def read_roles(s: Sentence, matches: list[Match], items: dict[str, Item]) -> None:
    """Fill the sentence's gives, asks, refused and mentioned items, and its threat flag."""
    s.dropped = bool(L.DROPPED_DEMAND.search(s.joined))
    s.principle = (
        bool(L.PRINCIPLE.search(s.joined)) and not L.FIRM_INSISTING.search(s.joined) and not s.question
    )
    told = (
        bool(L.REPORTED.search(s.joined) or L.HISTORY.search(s.joined))
        and not L.OWN_COMMITMENT.search(s.joined)
        and not s.question
    )
    s.told = told
    deferred = told or bool(L.DEFERRAL.search(s.joined))
    restrictive = bool(L.RESTRICTIVE.search(s.joined)) or bool(
        L.ONLY_AFTER.search(s.joined) and not L.PROMISE.search(s.joined)
    )
    used: set[int] = set().union(*(m.used for m in matches)) if matches else set()
    offered_tokens: set[int] = set()
    offered_spans: list[tuple[str, int, int]] = []
    for match in matches:
        item = items[match.key]
        start, end = clause_bounds(s.raw, match.start, match.end)
        before = [w for i, w in enumerate(s.raw[start : match.start], start) if i not in used]
        after = [w for i, w in enumerate(s.raw[match.end : end], match.end) if i not in used]
        after_sentence = _until_condition(
            " ".join(w for i, w in enumerate(s.raw[match.end : match.end + 12], match.end) if i not in used)
        )
        if deferred:
            s.mentioned.add(item.id)
            if told and item.side == "user":
                s.recalled.add(item.id)
        elif item.side == "persona":
            acknowledged = (
                _acknowledged(before)
                or bool(L.ACKNOWLEDGED_AFTER.match(after_sentence))
                or bool(L.REJECTED_BEFORE.search(" ".join(before[-6:])))
            )
            if not s.dropped and not s.principle and not acknowledged:
                s.asks.add(item.id)
        else:
            verdict = (
                "refused"
                if restrictive
                else _offered(item.refrain, before, after, after_sentence, s, start, matches, match)
            )
            if verdict == "offered" and s.principle:
                verdict = "mentioned"
            if verdict == "offered":
                s.gives.add(item.id)
                offered_tokens |= set(range(match.start, match.end))
                offered_spans.append((item.id, match.start, match.end))
            elif verdict == "refused":
                s.refused.add(item.id)
            else:
                s.mentioned.add(item.id)
    blanked = " ".join("_" * len(w) if i in offered_tokens else w for i, w in enumerate(s.raw))
    if not told and not (s.question and inquiring(s)):
        s.threat_words = is_threat(blanked, s.joined)
        if not s.threat_words and not s.gives and penalised_misconduct(s.joined):
            s.threat_words = s.joined
    s.threat = bool(s.threat_words)
    if s.threat and offered_spans:
        withdraw_penalised(s, offered_spans)
    s.matches = list(matches)


def _negations(words: list[str]) -> int:
    count = 0
    for i, word in enumerate(words):
        if word in L.NEGATIONS:
            following = words[i + 1] if i + 1 < len(words) else ""
            if word == "not" and following == "only":
                continue
            if word == "no" and following in ("strings", "matter", "doubt"):
                continue
            count += 1
    return count


def _acknowledged(before: list[str]) -> bool:
    for i, word in enumerate(before):
        if any(word.startswith(a) for a in L.ACKNOWLEDGING):
            if word.startswith("appreciat") and ("if" in before[i : i + 4] or before[i - 1 : i] == ["would"]):
                continue
            return True
    return False


def _offered(
    refrain: bool,
    before: list[str],
    after: list[str],
    after_sentence: str,
    s: Sentence,
    clause_start: int,
    matches: list[Match],
    match: Match,
) -> str:
    """Decide whether a user-side item is 'offered', 'refused' or only 'mentioned'."""
    window = before + after[:6] if refrain else before
    joined_after = " ".join(after)
    joined_window = " ".join(before + after[:6])
    if not refrain:
        if re.search(_NOT_OFFERED_AFTER, after_sentence) or re.search(_NOT_YET_AFTER, joined_after):
            return "refused"
        if L.WITHHELD_AFTER.search(after_sentence):
            return "refused"
    elif re.search(_NOT_OFFERED_REFRAIN, after_sentence):
        return "refused"
    if _OTHER_SIDE_WORDS.search(" ".join(before)):
        return "mentioned"
    if L.NO_MOVEMENT.search(" ".join(before)) or _HELD_BEFORE.search(" ".join(before)):
        return "refused"
    lead_in = " ".join(s.raw[max(0, match.start - 3) : match.start])
    if _BEFORE_END.search(lead_in) and _DISCUSSED_AFTER.match(joined_after):
        return "refused"
    negated = _negations(window) % 2 == 1 or (bool(before) and before[-1] == "no")
    if refrain:
        stopping, doing = activity_verbs(before)
        if not (stopping or doing):
            stopping, doing = activity_verbs(s.raw[match.start : match.end])
        if not (stopping or doing):
            stopping, doing = activity_verbs(after[:6])
        stopping = stopping or bool(L.STOPPING_PHRASES.search(joined_window))
        if not (stopping or doing or negated):
            return "mentioned"
        offered = not negated if stopping else negated
    else:
        near = " ".join(before[-4:])
        withheld = (
            any(w in L.WITHHOLDING for w in before[-4:]) or bool(L.WITHHOLDING_PHRASES.search(near))
        ) and not any(w.startswith("lift") for w in before)
        offered = not (negated ^ withheld)
    if not offered:
        return "refused"
    if ("you" in before or "your" in before) and any(w in L.WANTING for w in before):
        return "mentioned"
    if s.question:
        floated = any(w in L.FIRST_PERSON for w in s.raw[:clause_start] + before) or bool(
            L.FLOATING.search(" ".join(before))
        )
        return "offered" if floated or _traded_in_question(s, matches, match) else "mentioned"
    return "offered"


_DOING_STEMS = frozenset(L.DOING) | frozenset(stem(word) for word in L.DOING)


def activity_verbs(words: list[str]) -> tuple[bool, bool]:
    """Return whether these words stop an activity, and whether they carry it on (nearest verb wins)."""
    for i in range(len(words) - 1, -1, -1):
        if _stops(words[i]):
            return True, False
        if words[i] in L.DOING or stem(words[i]) in _DOING_STEMS:
            earlier = [w for w in words[max(0, i - 3) : i] if w not in ("from", "on", "off", "with")]
            stopped = bool(earlier) and _stops(earlier[-1])  # "stop flying", "refrain from flying"
            return stopped, not stopped
    return False, False


def _stops(word: str) -> bool:
    return (
        word in L.STOPPING
        or stem(word) in L.STOPPING
        or word.startswith(("suspen", "postpon", "cancel", "halt", "stopp"))
    )


def _traded_in_question(s: Sentence, matches: list[Match], match: Match) -> bool:
    """Return whether a question sets this user item against something asked ("X for Y?")."""
    for other in matches:
        if other is match:
            continue
        lo, hi = sorted((match.end, other.start)) if other.start >= match.end else (other.end, match.start)
        if L.FLOATED_FOR.search(" ".join(s.raw[lo:hi])) and hi - lo <= 8:
            return True
    return False


_NOT_OFFERED_AFTER = (
    r"\b(?:is |are |was |will be |remains? |stays? )?(?:not on the table|out of (?:the )?question|"
    r"not negotiable|non negotiable|not something|not on the agenda|not up for|too much|too far|not now|"
    r"maybe later|not (?:the |a )?(?:subject|part) of|(?:will )?never be on|(?:will|would) never do|can not be (?:considered|discussed|granted|offered)|stays?|remains?|will (?:stay|remain)|is staying|are staying|(?:is|are) not moving|can not come before|"
    r"no possible|not possible|not this round|not a matter for|is struck|outside the scope|impossible|is rejected|"
    r"goes too far|we decline|can not accept|not interested)\b"
)


def _until_condition(text: str) -> str:
    """Cut text at the first conditional word (what follows is the condition, not the item's fate)."""
    found = _CONDITION_WORD.search(text)
    return text[: found.start()] if found else text


_CONDITION_WORD = re.compile(
    r"\b(?:if|unless|provided|once|as long as|so long as|as soon as|until|when|while|in return|in exchange|conditional|"
    r"on the (?:understanding|condition|basis|premise) that|on condition|assuming|in the event|the moment|the day (?:you|your)|"
    r"for that to happen|in step with)\b"
)
_HELD_BEFORE = re.compile(
    r"\bbefore we (?:even )?(?:talk|discuss|consider)|\b(?:precondition|prerequisite|condition) (?:for|to|of)(?: any| the| our)?$"
)
_BEFORE_END = re.compile(r"\bbefore(?: \w+){0,2}$")
_DISCUSSED_AFTER = re.compile(
    r"(?:\w+ ){0,2}?(?:is|are|will be|gets?|get|can be) (?:ever |even )?(?:discussed|considered|talked about|on the table|raised|negotiated)"
)
_OTHER_SIDE_WORDS = re.compile(
    r"\b(?:your|their) (?:counter )?(?:offer|proposal|idea|demand|draft|request|suggestion|delegate)\b|\baccept (?:the|your|this)\b"
)
_NOT_OFFERED_REFRAIN = (
    r"^(?:\w+ ){0,2}?(?:is |are |was |will be )?(?:not on the table|out of the question|not negotiable|non negotiable|"
    r"not something|not on the agenda|not up for)\b"
)
_NOT_YET_AFTER = r"\b(?:remains?|stays?) in place\b|\bwill have to wait\b|\bnot (?:yet|now|possible|happening|going to happen)\b"
