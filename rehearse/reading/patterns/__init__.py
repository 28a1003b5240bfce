"""The shared move language: the word patterns every persona's messages are read with.

Items come from each playbook; what is here is how people offer, ask, refuse, threaten, accept
and ask questions, whatever the delegation. Patterns run on text cleaned by ``text.clean``
(lower case, contractions spelt out: "won't" is "will not").

The families are grouped by module:

- ``words``: single words and stems looked for around an item;
- ``items``: what an item is doing (stopped, withheld, put off, floated, turned down, granted);
- ``stance``: hearsay, history, deferral, principles, insisting and dropping a demand;
- ``answers``: assent, refusal and talk about the meeting itself;
- ``questions``: how a sentence asks;
- ``penalties``: the penalties that make a threat on their own (THREAT);
- ``harms``: threats by composition (a harm and a condition), veiled warnings, negation.
"""

from __future__ import annotations

from rehearse.reading.patterns.answers import (
    ACCEPT,
    ACCEPT_DESPITE,
    PROCEDURE,
    REJECT,
)
from rehearse.reading.patterns.harms import (
    AGENT,
    HARM,
    MISCONDUCT_CONDITION,
    NEGATED_THREAT,
    OWN_PENALTY,
    PENALTY_AFTER_CONNECTIVE,
    PENALTY_CLAUSE,
    RHETORICAL_THREAT,
    THREAT_CONNECTIVE,
    THREAT_FRAME,
    VEILED_THREAT,
)
from rehearse.reading.patterns.items import (
    ACKNOWLEDGED_AFTER,
    FLOATED_FOR,
    FLOATING,
    GRANTED,
    NO_MOVEMENT,
    ONLY_AFTER,
    PROMISE,
    REJECTED_BEFORE,
    RESTRICTIVE,
    STOPPING_PHRASES,
    WITHHELD_AFTER,
    WITHHOLDING_PHRASES,
)
from rehearse.reading.patterns.penalties import (
    THREAT,
)
from rehearse.reading.patterns.questions import (
    INDIRECT_QUESTION,
    QUESTION_OPENERS,
    TAG_QUESTION,
    WH_STATEMENT,
)
from rehearse.reading.patterns.stance import (
    DEFERRAL,
    DROPPED_DEMAND,
    FIRM_INSISTING,
    HISTORY,
    IMPERATIVE_START,
    INSISTING,
    OWN_COMMITMENT,
    PRINCIPLE,
    REPORTED,
)
from rehearse.reading.patterns.words import (
    ACKNOWLEDGING,
    CLAUSE_WORDS,
    DOING,
    FIRST_PERSON,
    NEGATIONS,
    STOPPING,
    SUBJECT_AFTER_AND,
    WANTING,
    WITHHOLDING,
)

__all__ = [
    "ACCEPT",
    "ACCEPT_DESPITE",
    "ACKNOWLEDGED_AFTER",
    "ACKNOWLEDGING",
    "AGENT",
    "CLAUSE_WORDS",
    "DEFERRAL",
    "DOING",
    "DROPPED_DEMAND",
    "FIRM_INSISTING",
    "FIRST_PERSON",
    "FLOATED_FOR",
    "FLOATING",
    "GRANTED",
    "HARM",
    "HISTORY",
    "IMPERATIVE_START",
    "INDIRECT_QUESTION",
    "INSISTING",
    "MISCONDUCT_CONDITION",
    "NEGATED_THREAT",
    "NEGATIONS",
    "NO_MOVEMENT",
    "ONLY_AFTER",
    "OWN_COMMITMENT",
    "OWN_PENALTY",
    "PENALTY_AFTER_CONNECTIVE",
    "PENALTY_CLAUSE",
    "PRINCIPLE",
    "PROCEDURE",
    "PROMISE",
    "QUESTION_OPENERS",
    "REJECT",
    "REJECTED_BEFORE",
    "REPORTED",
    "RESTRICTIVE",
    "RHETORICAL_THREAT",
    "STOPPING",
    "STOPPING_PHRASES",
    "SUBJECT_AFTER_AND",
    "TAG_QUESTION",
    "THREAT",
    "THREAT_CONNECTIVE",
    "THREAT_FRAME",
    "VEILED_THREAT",
    "WANTING",
    "WH_STATEMENT",
    "WITHHELD_AFTER",
    "WITHHOLDING",
    "WITHHOLDING_PHRASES",
]
