"""Reading a user message as a move: kind, items offered and items asked (CONTRACTS.md section 2).

Deterministic and rule-based. The message is split into sentences; in each, the playbook's
lexicon finds items and the shared language (``language.py``) decides whether each item is
really offered or asked: refusals, refraining, acknowledgements, floated offers in questions and
dropped demands are told apart. The rules of the contract are then applied in order.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from rehearse.engine import language as L
from rehearse.engine.lexicon import Lexicon, Match
from rehearse.engine.moves import Move, MoveKind
from rehearse.engine.text import clean, stem, stems, tokens

MEMO_SIZE = 4096
_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;\n]*")


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
        out.append(Sentence(body, " ".join(raw), raw, stems(raw), question))
    return out


class Classifier:
    """Classifies messages for one persona, using its lexicon and the shared move language."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._memo: dict[str, tuple[Move, str]] = {}
        self._cues = {
            item.id: (item.instead_of, [c.lower() for c in item.cues])
            for item in lexicon.items.values()
            if item.cues
        }

    def classify(self, text: str) -> Move:
        """Return the move ``text`` makes."""
        return self.read(text)[0]

    def read(self, text: str) -> tuple[Move, str]:
        """Return the move ``text`` makes and the first topic it names ('' if none).

        Readings are remembered (moves are immutable), so a message seen before costs a lookup.
        """
        cached = self._memo.get(text)
        if cached is None:
            cached = self._read_text(text)
            if len(self._memo) >= MEMO_SIZE:
                self._memo.pop(next(iter(self._memo)))
            self._memo[text] = cached
        return cached

    def _read_text(self, text: str) -> tuple[Move, str]:
        sentences = split_sentences(clean(text))
        topic = ""
        for sentence in sentences:
            self._read(sentence)
            if not topic:
                found = self.lexicon.find_topics(sentence.raw, sentence.stemmed)
                topic = found[0] if found else ""
        for i, sentence in enumerate(sentences):
            if sentence.recalled and any(L.GRANTED.search(later.joined) for later in sentences[i + 1 :]):
                sentence.gives |= sentence.recalled
        return _decide(sentences), topic

    def _read(self, s: Sentence) -> None:
        matches = self._apply_cues(s, self.lexicon.find_items(s.raw, s.stemmed))
        s.dropped = bool(L.DROPPED_DEMAND.search(s.joined))
        s.principle = (
            bool(L.PRINCIPLE.search(s.joined)) and not L.FIRM_INSISTING.search(s.joined) and not s.question
        )
        told = (
            bool(L.REPORTED.search(s.joined) or L.HISTORY.search(s.joined))
            and not L.OWN_COMMITMENT.search(s.joined)
            and not s.question
        )
        deferred = told or bool(L.DEFERRAL.search(s.joined))
        restrictive = bool(L.RESTRICTIVE.search(s.joined)) or bool(
            L.ONLY_AFTER.search(s.joined) and not L.PROMISE.search(s.joined)
        )
        used: set[int] = set().union(*(m.used for m in matches)) if matches else set()
        offered_tokens: set[int] = set()
        offered_spans: list[tuple[str, int, int]] = []
        for match in matches:
            item = self.lexicon.items[match.key]
            start, end = _clause(s.raw, match.start, match.end)
            before = [w for i, w in enumerate(s.raw[start : match.start], start) if i not in used]
            after = [w for i, w in enumerate(s.raw[match.end : end], match.end) if i not in used]
            after_sentence = _until_condition(
                " ".join(
                    w for i, w in enumerate(s.raw[match.end : match.end + 12], match.end) if i not in used
                )
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
        s.threat = (
            not told
            and (_is_threat(blanked, s.joined) or (not s.gives and _penalised_misconduct(s.joined)))
            and not (s.question and _inquiring(s))
        )
        if s.threat and offered_spans:
            _withdraw_penalised(s, offered_spans)

    def _apply_cues(self, s: Sentence, matches: list[Match]) -> list[Match]:
        if not self._cues:
            return matches
        out: list[Match] = []
        clauses = _clauses(s.raw)
        for match in matches:
            key = match.key
            scope = [
                " " + " ".join(s.raw[lo:hi]) + " "
                for lo, hi in clauses
                if lo <= match.start < hi or not any(lo <= m.start < hi for m in matches)
            ]
            for item_id, (instead_of, cues) in self._cues.items():
                if key in instead_of and any(_has_cue(text, cue) for text in scope for cue in cues):
                    key = item_id
                    break
            out.append(Match(key, match.start, match.end, match.used) if key != match.key else match)
        return out


def _has_cue(joined: str, cue: str) -> bool:
    if cue.endswith("*"):
        return f" {cue[:-1]}" in joined
    return f" {cue} " in joined


def _clauses(raw: list[str]) -> list[tuple[int, int]]:
    """Return the bounds of every clause of a sentence."""
    out: list[tuple[int, int]] = []
    position = 0
    while position < len(raw):
        lo, hi = _clause(raw, position, position + 1)
        out.append((lo, hi))
        position = max(hi, position) + 1
    return out


def _clause(raw: list[str], start: int, end: int) -> tuple[int, int]:
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
        stopping, doing = _activity_verbs(before)
        if not (stopping or doing):
            stopping, doing = _activity_verbs(s.raw[match.start : match.end])
        if not (stopping or doing):
            stopping, doing = _activity_verbs(after[:6])
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


def _activity_verbs(words: list[str]) -> tuple[bool, bool]:
    """Return whether these words stop an activity, and whether they carry it on (nearest verb wins)."""
    for i in range(len(words) - 1, -1, -1):
        if _stops(words[i]):
            return True, False
        if words[i] in L.DOING or stem(words[i]) in L.DOING:
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


_CONSEQUENCE = re.compile(
    r"\b(?:if|unless|another|one more|any more|should)\b.*\b(?:exercises|drills|manoeuvres|maneuvers|war games|flights)\b "
    r"(?:\w+ ){0,3}?(?:go ahead|resume|restart|return|come back)"
)


_PROCEDURAL_PAUSE = re.compile(
    r"\b(?:recess|(?:a|short|quick|coffee|lunch|the) break|lunch|coffee|pause|(?:to|for) consult\w*|consult (?:with )?(?:my|our|the))\b"
)


def _withdraw_penalised(s: Sentence, offered: list[tuple[str, int, int]]) -> None:
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
    r"(?:\b(?:you|they|beijing|china|pyongyang|your (?:side|government|country))(?: \w+)?|"
    r"\b(?:lift|eas|remov|end|drop|waiv|relax|loosen)\w* (?:the |all |any )?)\s*$"
)
_HARM_VERB = re.compile(
    r"(?:seiz|freez|cap|cut|ban|block|clos|blacklist|sanction|target|squeez|chok|strangl|confiscat|impound|intercept|board|expel|"
    r"send|sent|call|recall)"
)
_NEGATED_CLAUSE = re.compile(r"\b(?:not|never|no)\b[^,;]*$")


def _penalised_misconduct(text: str) -> bool:
    """Return whether the text answers a condition on the other side's misconduct with our next step."""
    condition = L.MISCONDUCT_CONDITION.search(text)
    if condition is None:
        return False
    penalty = L.PENALTY_CLAUSE.search(text)
    return penalty is not None and not (condition.start() <= penalty.start() < condition.end())


def _inquiring(s: Sentence) -> bool:
    """Return whether a question only asks about penalties rather than threatening one."""
    if not L.QUESTION_OPENERS.match(s.joined) or L.INDIRECT_QUESTION.search(s.joined):
        return False
    return not (L.RHETORICAL_THREAT.search(s.joined) or L.OWN_PENALTY.search(s.joined))


def _is_threat(text: str, said: str) -> bool:
    """Return whether ``text`` (the sentence with offered items blanked out) threatens.

    Negation is read in ``said``, the sentence as written (same length), so "we stop piling on
    new punishments" is not a threat even though its offered words are blanked.
    """
    if _CONSEQUENCE.search(text):
        return True
    for match in L.THREAT.finditer(text):
        if L.NEGATED_THREAT.search(said[: match.start()]):
            continue
        if match.group(0).startswith("at full") and _NEGATED_CLAUSE.search(said[: match.start()]):
            continue
        if "sanction" in match.group(0) and not L.AGENT.search(text):
            continue
        if re.search(r"leav|walk|go(?:ing)? home", match.group(0)) and _PROCEDURAL_PAUSE.search(text):
            continue
        return True
    for veiled in L.VEILED_THREAT.finditer(text):
        if not L.NEGATED_THREAT.search(said[: veiled.start()]):
            return True
    for harm in L.HARM.finditer(text):
        before = said[: harm.start()]
        their_act = (_THEIR_OR_EASED.search(before) or not before.strip()) and _HARM_VERB.match(harm.group(0))
        if L.NEGATED_THREAT.search(before) or their_act:
            continue
        if L.THREAT_FRAME.search(text):
            return True
    connective = L.THREAT_CONNECTIVE.search(text)
    return bool(connective and L.PENALTY_AFTER_CONNECTIVE.search(text, connective.end()))


def _decide(sentences: list[Sentence]) -> Move:
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
