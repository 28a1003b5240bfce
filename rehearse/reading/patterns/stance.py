"""What a sentence is about: hearsay, history, later, principles, insisting or letting a demand go."""

from __future__ import annotations

import re

# Reported speech: what the other side said, asked or claimed, or what we read or heard.
# Example: "Your minister said the reactor is closed."
REPORTED = re.compile(
    r"^(?:(?!if |unless |once |when |since |as )\w+ ){0,3}?(?:your|their|theirside s) "
    r"(?:\w+ ){0,2}?(?:said|has said|have said|asked|has asked|demanded|has complained|complained|insisted|"
    r"proposed|told|claimed|keeps saying|mentioned)\b|"
    r"\b(?:you may have|i have|we have|i|we) (?:read|heard) (?:that|the)\b"
)

# Talk of the past: a year, a decade, 'years ago', what was tried or refused.
# Example: "Aid was tried in the nineties."
HISTORY = re.compile(
    r"\b(?:since (?:19|20)\d\d|in the (?:nineties|eighties|seventies)|back then|years ago|"
    r"(?:was|were) (?:tried|offered|refused|signed|rejected|promised))\b"
)

# The user's side committing itself now ('we will', 'we offer'): not only history or hearsay.
# Example: "We are ready to ease sanctions."
OWN_COMMITMENT = re.compile(
    r"\b(?:we|i) (?:will|would|can|could|are (?:ready|willing|prepared)|offer|propose)\b"
)

# Putting a topic off: another session, a later phase, the experts, the lawyers.
# Example: "Let us put that on the agenda for tomorrow."
DEFERRAL = re.compile(
    r"\b(?:(?:on )?the agenda for|agenda for (?:tomorrow|later|the next|the second|another)|next session|"
    r"after (?:the )?(?:break|lunch)|another day|separate (?:topic|issue|track)|"
    r"come back to (?:it|this|that) (?:later|after|tomorrow)|lawyers|for a later (?:phase|stage|date)|"
    r"experts (?:can|will|should) (?:meet|look|discuss)|who sits|in the room|later today|"
    r"talk (?:about )?it (?:after|later|tomorrow)|"
    r"(?<!car )park(?:s|ed|ing)?\b(?! (?:fees?|lots?|spaces?|spots?|permits?|meters?|garages?|zones?|"
    r"rules?|bays?|charges?|tickets?|fines?|places?|structures?|decks?)\b)|"
    r"(?:in|at|to) a later (?:phase|stage|round|date|session)|put (?:\w+ ){0,3}?on hold|"
    r"leave (?:\w+ ){0,3}?for later|(?:for|until) another (?:day|round|time)|"
    r"(?:for|until) the (?:last|final|closing) (?:stage|phase|round|step))\b"
)

# Talk of goals, principles and background rather than a step to take now.
# Example: "Our goal remains a peninsula without nuclear weapons."
PRINCIPLE = re.compile(
    r"\b(?:goal|aim|objective|vision|in principle|long ?term|ultimately|remains? committed|committed to|"
    r"literature|historically|by way of background|i digress|always believed|has always been|central to|"
    r"one day|matters|stand for|part of every|any agreement|"
    r"(?:accept|agree|recognize) that (?:the|we|you|it|there|our|your|nuclear|this|these|they|he|she|a|an|no|"
    r"all|peace|security|denuclearization)|we believe|believe in|we both|both (?:our|sides)|shared|everyone|"
    r"nobody|no one|in the interest|policy remains|remains? our|"
    r"remains? the (?:policy|goal|aim|position|objective)|backbone|cornerstone|at the heart of|"
    r"only as (?:strong|good|durable)|any (?:\w+ ){0,2}(?:agreement|arrangement|deal))\b"
)

# Words that insist (must, need, require, demand, should).
# Example: "You must freeze enrichment."
INSISTING = re.compile(
    r"\b(?:must|need|needs|have to|has to|require|requires|insist|demand|expect|should|want you|got to|"
    r"essential|precondition)\b"
)

# Words that keep a sentence of principle a demand or a trade (must, first, if, in exchange).
# Example: "In principle, you must freeze first."
FIRM_INSISTING = re.compile(
    r"\b(?:must|need|needs|have to|has to|require|requires|insist|demand|want you|got to|first|but|if|"
    r"provided|for(?! us\b| them\b| both| everyone| all\b)|(?:you|your \w+) should|in exchange|in return|"
    r"subject to|against)\b"
)

# The user's side dropping a demand or a precondition of its own.
# Example: "We no longer insist on a freeze first."
DROPPED_DEMAND = re.compile(
    r"\b(?:(?:forget|drop|withdraw|set aside|abandon|waive|give up on|let go of|scrap|"
    r"back off)\s+(?:what i said|that|this|our demand|the demand|our insistence|our request|that condition|"
    r"the condition|our precondition|the precondition|that requirement|our requirement)|"
    r"no longer (?:insist|demand|require|ask|need|expect|push)|"
    r"not (?:\w+ ){0,3}?(?:insist|demand|ask|require|need|push|expect|make)\w*\b[^.?]{0,60}\b(?:first|"
    r"upfront|up front|right away|right now|immediately|anymore|any more|as a precondition|precondition|now|"
    r"at this stage|yet|before|day one)|(?:withdraw|drop|abandon|waive|set\w* aside|scrap|shelve)\w* "
    r"(?:\w+ ){0,4}?(?:precondition|demand|request|insistence|deadline|ultimatum|condition|requirement|"
    r"ask)s?\b|no longer (?:\w+ )?make|(?:not|no longer) press (?:that|this|the) (?:point|issue|demand)|"
    r"stop asking for|set\w* (?:it|that|this) aside|(?:demand|request|precondition|point) (?:\w+ )?can wait|"
    r"renounc\w* (?:to )?(?:our|the|that|this) (?:\w+ )?(?:demand|request|precondition|insistence)|"
    r"(?:forget|drop|withdraw|abandon|scrap|set aside) (?:the|our|that|this) (?:\w+ ){0,3}?(?:we|i) "
    r"(?:proposed|asked for|demanded|requested|insisted on)|"
    r"(?:forget|drop)\w* (?:the|our) (?:\w+ ){0,3}?demand|we drop it|no (?:more )?preconditions)"
)

# A sentence that opens with a command (stop, give, dismantle, let).
# Example: "Dismantle the reactor."
IMPERATIVE_START = re.compile(
    r"^(?:please )?(?:stop|freeze|halt|give|destroy|dismantle|let|allow|cap|limit|reduce|end|cut|hand|"
    r"eliminate|keep|close|shut|suspend|declare|accept|agree|commit|show|open|get|take|put|scrap|ship|send|"
    r"sign|disarm|denuclearize|abandon|surrender|admit|verify|submit)\b"
)
