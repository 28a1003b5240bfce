"""What an item is doing: stopped, withheld, put off, floated, turned down or granted."""

from __future__ import annotations

import re

# Phrases that stop, shrink or keep away an activity: an activity item near them is offered.
# Example: "We will scale back the drills."
STOPPING_PHRASES = re.compile(
    r"\b(?:switch\w* off|turn\w* off|keep \w+ (?:\w+ )?quiet|silenc\w*|go quiet|paused?|tone\w* down|"
    r"home early|(?:send|sent|bring|brought) (?:\w+ ){0,3}?home|"
    r"(?:keep\w*|kept|stay\w*) (?:\w+ ){0,3}?(?:off|out|clear)(?: of)?)\b|"
    r"\b(?:further (?:south|away|out)|at a distance|away from|reduction|cancellation|postponement)\b|"
    r"\b(?:on hold|hold off|call(?:ed|ing)? off|put off|scal\w* (?:back|down)|wind\w* down|"
    r"pull\w* (?:\w+ ){0,3}?back|take \w+ (?:\w+ )?out|no longer|stays? away|stays? out|elsewhere|"
    r"staff exercise|tabletop|shrinks?|smaller|is over|are over|ends|ended|called off|is off|are off|"
    r"cancell?ed)\b"
)

# Phrases just before a good that hold it back: the good is not offered.
# Example: "We will hold back the aid."
WITHHOLDING_PHRASES = re.compile(
    r"\b(?:hold\w* back|cut\w* off|cut(?: the| our| all)?$|snap\w* back|take \w+ back|forget about)\b"
)

# Words after a good saying it is taken away (cancelled, cut, off the table, ends).
# Example: "The aid is cancelled."
WITHHELD_AFTER = re.compile(
    r"\b(?:is|are|will be|gets?|would be|go|goes|can be|could be) "
    r"(?:\w+ )?(?:cancel\w*|cut(?! back| down| by)|cut off|disappears?|withdrawn|suspended|revoked|"
    r"off the table|over|gone|dead|restored|reinstated|reimposed|back on|back in place|switched off|"
    r"shut down|closed|void)|"
    r"(?<!you )(?<!they )(?<!we )\b(?:stops?|ends?|dies|"
    r"expires)\b(?= *(?:$|,|;|on |if |when |the day|for good|completely|tomorrow|today|tonight|immediately|"
    r"at once|next))|"
    r"\boff the table\b|\bwith (?:us|me)\b"
)

# 'No movement on' before an item of ours: the item is refused.
# Example: "There will be no movement on sanctions."
NO_MOVEMENT = re.compile(r"\b(?:not|no) (?:\w+ ){0,3}?(?:move|movement|progress|change)s? on\b")

# 'Not until' or 'not before': an item of ours is put off, so refused for now.
# Example: "No aid, not until you freeze."
RESTRICTIVE = re.compile(r"\b(?:not until|not before)\b")

# 'Only after', 'only if': an item of ours waits on a condition (refused unless we promise).
# Example: "Aid comes only after a freeze."
ONLY_AFTER = re.compile(r"\bonly (?:after|when|once|if)\b")

# A promise of the user's side ('we will', 'would we'): with it, an 'only if' item is still offered.
# Example: "We will ease sanctions only if you freeze."
PROMISE = re.compile(
    r"\b(?:we (?:will|would|can|could|shall)|"
    r"(?:will|would|can|could|shall) (?:we|ourside|the united states|my government|our government))\b"
)

# Words right before the other side's item that turn it down: the item is not asked for.
# Example: "We will not accept a freeze."
REJECTED_BEFORE = re.compile(
    r"\b(?:we|i) (?:\w+ ){0,3}?(?:not (?:accept|agree to|sign|support|take)|reject\w*|refuse\w*|"
    r"say no to)(?: (?:a|an|the|your|this|that|any|such))?$"
)

# Words right after the other side's item saying it was already noted or kept: not asked for.
# Example: "Your moratorium has been noted."
ACKNOWLEDGED_AFTER = re.compile(
    r"^(?:has|have|had) (?:been )?(?:\w+ )?(?:noticed|noted|welcomed|observed|appreciated|held|respected|"
    r"kept|encouraging)\b"
)

# Words that float a step of ours as a hypothesis ('what if we', 'in exchange for').
# Example: "What if we eased sanctions?"
FLOATING = re.compile(
    r"\b(?:if we|if our|if ourside|suppose|supposing|what if|were we|should we|in exchange for|in return for|"
    r"could we|would it help if|what do (?:i|we) get for|what would (?:i|we) get for)\b"
)

# Words that set one item against another in a question ('X for Y?'): the item is offered.
# Example: "Sanctions relief for a freeze?"
FLOATED_FOR = re.compile(
    r"\b(?:for|if|once|provided|in exchange for|in return for|against|in exchange|in return|worth|buy|buys|"
    r"get us|gets us|trade\w*|swap\w*|matched by|paired with)\b"
)

# A grant of what was just recalled ('you can have it', 'we can do that'): it is offered.
# Example: "You can have that."
GRANTED = re.compile(
    r"^(?:\w+ ){0,2}?(?:you (?:can|will|shall) have (?:it|that|them|one)|(?:it|that) (?:is|can be) yours|"
    r"we can (?:do|give you|offer) (?:that|it|this)|we will (?:do|give you) (?:that|it)|"
    r"we can give (?:him|her|them|you) (?:that|it|this|one)|"
    r"(?:we|i) (?:can|could) (?:live with|agree to) (?:that|it)|(?:that|it) we can (?:do|give|offer))\b"
)
