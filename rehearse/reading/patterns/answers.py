"""Answers and asides: assent, refusal, and talk about the meeting itself."""

from __future__ import annotations

import re

from rehearse.reading.patterns.compiling import boundary_first

# Assent: agreeing, accepting, 'deal', 'fine', or a whole sentence of 'sure' or 'yes'.
# Example: "Fine, we accept."
ACCEPT = re.compile(
    r"\b(?:agreed(?! framework)|(?:we are|we re|i am|i m) agreeable|d accord|agrees|"
    r"agree(?! to (?:keep|meet|disagree|reconvene|continue|break|resume|talk|a recess)|"
    r" on (?:an|the) (?:agenda|schedule|time))|"
    r"accept(?! that (?:the|we|you|it|there|our|your|nuclear|this|these|they|he|she|a|an|no|all|peace|"
    r"security|denuclearization) )|accepted|acceptable|^deal|(?:have|got|is) a deal|have (?:an )?agreement|"
    r"fine|ok|okay|alright|all right|yes|yeah|yep|very well|we can live with|live with (?:that|this|it)|"
    r"sounds (?:good|fair|reasonable|right|acceptable)|(?:that|this|it) works|works for us|on board|concur|"
    r"confirm (?:our )?agreement|agreeable to (?:us|my|our)|consider it done|let us do (?:it|this)|done|"
    r"approved?|accepts|works? for us|go along with|we can work with|"
    r"we will take (?:it|that|this)(?! under| back| up| to| home)|got (?:yourself )?a deal|"
    r"strike (?:that|the|a) deal|endorse|why not|we will sign|aggreed|no (?:objection|problem)s?|"
    r"we take (?:it|that|this)|sign on to (?:it|that|this)|sign off on (?:it|that|this)|count us in|"
    r"settled(?! peacefully| by| through| in)|let us sign|sign (?:it|here)|write it (?:down|up)|shake on it|"
    r"it is a deal|go ahead(?! with your)|roger|affirmative|we have an agreement|we have a deal|"
    r"you have a deal|agreement reached|we are agreed|suits us|good with (?:that|this)|we are in)\b|"
    # a whole sentence of assent: "Sure.", "Yes, of course."
    r"(?<![\w ])(?:(?:sure|certainly|of course|absolutely|yes|yeah|yep|indeed)(?: thing| then|"
    r" ,)?\s?)+(?![\w ])"
)

# Assent put as not being able to refuse ('we cannot say no to that').
# Example: "We cannot say no to that."
ACCEPT_DESPITE = re.compile(
    r"\b(?:(?:can not|could not|no reason to|foolish to|no need to) "
    r"(?:\w+ ){0,2}?(?:say no|turn (?:this|it|that) down|argue|reject)|"
    r"rejecting (?:this|it|that) would be a mistake|but yes|nothing (?:\w+ ){0,3}?can not live with)\b"
)

# Refusal: no, never, unacceptable, off the table, cannot accept.
# Example: "No, that is unacceptable."
REJECT = boundary_first(
    r"(?:^no\b(?! objection| problem)|\bno(?: [,;:]|$)|\bnot interested\b|\bbad deal\b|\bsays? no\b|"
    r"\bdead on arrival\b|\bimpossible\b|\bis rejected\b|\bnope\b|^never\b|"
    r"\bnever (?:will|agree|accept|happen)|\b(?:will|would) never do\b|\bnever do (?:that|it)\b|\brefuse|"
    r"\breject|\bdecline|\bunacceptable\b|\bnon ?starter\b|\bcan not make\b|"
    r"\bnot (?:going to|gonna) (?:agree|accept|sign)\b|\bnever be on the (?:agenda|table)\b|"
    r"\bfalls? (?:\w+ )?short\b|\bcan not be accepted\b|\b(?:have to|will|must|going to) pass\b|"
    r"\bnot in this lifetime\b|\b(?:not|never) (?:gonna|going to) (?:fly|sign)\b|\bwill not fly\b|"
    r"\bnot (?:allow|permit) (?:me|us) to (?:agree|accept|sign)\b|\banswer is no\b|"
    r"\bturn (?:that|this|it) down\b|\bturn down (?:that|this|the|your)\b|\bcan not to accept\b|"
    r"\bnot (?:the |a )?(?:subject|part) of (?:these|this|the|our) "
    r"(?:discussions?|negotiations?|talks|meeting|agenda)\b|\bout of the question\b|\boff the table\b|"
    r"\bnot on the table\b|\bnot negotiable\b|\bnon negotiable\b|\bno way\b|\babsolutely not\b|"
    r"\bnot (?:going to|gonna) happen\b|\b(?:does|do|will|would) not work\b|\bforget it\b|"
    r"\btoo (?:much|little|far)\b|\bnot enough\b|\binsufficient\b|\bno deal\b|"
    r"\bnot (?:acceptable|possible|something we)\b|\bthe answer is no\b|\bnothing doing\b|"
    r"\b(?:can|could|will|would|do|does) not "
    r"(?:accept|agree|do|take|support|go along|sign|approve|consider|discuss)\b|\bnot (?:agree|accept)\b|"
    r"\bwe disagree\b|\bnot (?:for|with) us\b|\bnegative\b|\bnot happening\b|"
    r"\bdo not think (?:we can|so|that (?:works|is possible))\b|\bno can do\b|\bhard pass\b|\bno thanks?\b|"
    r"\b(?:unable|not able|not be able|in no position|not in a position) to "
    r"(?:accept|agree|support|consider|go along)\b|\bpass on (?:that|this|it)\b|\bnot a bargaining chip\b|"
    r"\bnot a chance\b|\bno chance\b|\bnot sign\w* (?:that|this|it|anything)\b|"
    r"\bnot this (?:round|time|year)\b|\bnot (?:now|today)\b|\bstays? where (?:it|they) (?:is|are)\b|"
    r"\b(?:stays?|remains?) in place\b)"
)

# Talk about the meeting itself: greetings, thanks, breaks, the agenda, consulting the capital.
# Example: "Shall we break for lunch?"
PROCEDURE = re.compile(
    r"\b(?:good (?:morning|afternoon|evening|day)|hello|hi|thx|bye|goodbye|greetings|welcome|thank|thanks|"
    r"break(?! down| up| off| through| with)|recess|lunch|dinner|before we begin|definitions|ground rules|"
    r"coffee|tea|adjourn|before we continue|shall we (?:begin|start|proceed|continue|get started)|moving on|"
    r"move on to|item (?:one|two|three|four|five|six|\d+)|go ahead with your|"
    r"your (?:statement|presentation|remarks)|(?:session|meeting|day|round) to a close|"
    r"wrap (?:up|it up|things up)|call it a day|under advisement|"
    r"table (?:this|it|that) (?:for now|until|for later)|park (?:this|it|that)|before we respond|"
    r"take (?:\w+ )?notes|(?:one|a) (?:moment|minute|second)|hold on|bear with|"
    r"call (?:ourside|my capital|home|ourside)|o clock|"
    r"resume (?:at|after|tomorrow|later|in the (?:morning|afternoon))|reconvene|agenda|schedule|minutes|"
    r"interpret\w*|translat\w*|repeat|say (?:that|it) again|speak up|pause|take (?:five|ten)|"
    r"next (?:session|item|round|meeting)|let us (?:begin|start|continue|move on|proceed|get started)|"
    r"consult|check with|talk to (?:my|our)|get back to you|our team|my team|capital|hosts?|nice to meet|"
    r"pleasure)\b"
)
