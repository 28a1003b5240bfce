"""Threats by composition: harms with a condition, veiled warnings, connectives and negation."""

from __future__ import annotations

import re

# What an economic harm hits: accounts, trade, banks, ships, the economy.
_ECONOMIC_TARGETS = (
    r"(?:accounts?|assets|imports?|exports?|trade|coal|oil|fuel|banks?|banking|compan\w*|firms?|entities|"
    r"ships?|shipping|vessels?|workers|economy|revenue|money|cash|seafood|textiles?|tankers?|ports?|"
    r"border\w*|luxury \w+)"
)
# A harm the user's side could do (seize, block, deploy, recall): a threat with a THREAT_FRAME.
# Example: "If you test again, we will freeze your accounts."
HARM = re.compile(
    r"\b(?:(?:seiz\w*|freez\w*|cap\w*|cut\w*|ban\w*|block\w*|clos\w*|blacklist\w*|sanction\w*|target\w*|"
    r"squeez\w*|chok\w*|strangl\w*|confiscat\w*|impound\w*|intercept\w*|board\w*|expel\w*|send\w*|sent|"
    r"stop (?:all |every )?your) (?:\w+ ){0,4}?" + _ECONOMIC_TARGETS + r"|"
    r"(?<!un)(?:seized|blacklisted|impounded|confiscated|expelled|sent home|dries up|dry up|get worse|"
    r"gets worse|hard cap|export bans?|"
    r"designat\w* (?:\w+ ){0,4}?(?:entities|companies|banks|firms|individuals|officials)|un resolution|"
    r"new resolution|(?:take|bring|go|refer|ask|push|turn|straight) (?:\w+ ){0,4}?(?:un )?security council|"
    r"security council (?:will|gets|would|to))|"
    r"(?:carriers?|bombers|b \d+s?|submarines?|warships|destroyers|thaad|missile defen[cs]e|f \d+s?|"
    r"strategic assets|marines|artillery|batteries) "
    r"(?:\w+ ){0,5}?(?:move\w*|go(?:es)? (?:into|north|in)|sail\w*|(?:re)?deploy\w*|doubled?|"
    r"over (?:the|your|theirside)|into position|north|closer|arriv\w*)|"
    r"(?:more|additional|extra) (?:\w+ )?(?:carriers?|carrier groups|thaad|batteries|troops|bombers|warships|"
    r"submarines|missile defen[cs]e)|live fire (?:\w+ ){0,2}?(?:off|near|along|close to) (?:your|the)|"
    r"preventive|pre emptive|(?:next|another) round (?:\w+ ){0,2}?(?:is |will be )?(?:cancell?ed|off)|"
    r"recall (?:\w+ )?(?:envoy|ambassador|negotiator|delegation|team)|"
    r"call (?:\w+ ){0,3}?off (?:the |these |this |our )?(?:talks|summit|meeting|negotiations?|dialogue|"
    r"process)|call (?:the |these |this |our )?(?:talks|summit|meeting|whole \w+|process|negotiations?) off|"
    r"downgrad\w*|no more (?:meetings|talks|rounds|summits)|"
    r"(?:relief|aid|declaration|package|office|hotline|offer|deal|channel) "
    r"(?:(?!until |if |unless |when |before |once )\w+ ){0,5}?(?:disappears?|vanish\w*|is dead|dead|pulled|"
    r"switched off|gets? cut|cut off|is gone|goes away)|"
    r"(?:blacklist|sanctions|penalties|pressure) (?:\w+ ){0,2}?(?:doubles|triples|grows|expands|gets longer)|"
    r"(?:it|they|that|this) (?:can|could|will) be "
    r"(?:switched off|cut off|pulled|cancell?ed|withdrawn|taken back)|"
    r"(?:accounts?|assets|money) (?:\w+ ){0,2}?frozen|"
    r"(?:imports?|exports?|trade|shipments?) (?:\w+ ){0,2}?stops?|"
    r"(?<!not )(?:add\w*|put\w*) (?:\w+ ){0,4}?(?:to|on) the blacklist|travel bans?|indictments?|"
    r"criminal court|visas?|embargo\w*|boardings?|interdictions?|suspended from|loses? access|unsign\w*|"
    r"shredder|back to maximum|before the security council|cut you off|shoot down|"
    r"(?:fleet|navy|squadrons?|strike groups?|special forces|strike aircraft|bomber wings?|carrier groups?) "
    r"(?:\w+ ){0,5}?(?:sails?|move\w*|(?:re)?deploy\w*|over (?:the|your|theirside)|on alert|"
    r"off (?:your|the) coast|near (?:your|the) coast|on guam|in the south)|"
    r"(?:carriers?|bombers|b \d+s?|strike aircraft) "
    r"(?:\w+ ){0,4}?(?:off (?:your|the) coast|near (?:your|the) coast|on guam|based in|on alert|"
    r"would have been over)|"
    r"(?:another|second|more) (?:\w+ ){0,3}?(?:carriers?|carrier groups?|bomber squadrons?|strike aircraft|"
    r"squadrons?))\b"
)

# A condition on the other side's conduct (if, unless, one more, from now on) that frames a harm.
# Example: "If you test again, we will freeze your accounts."
THREAT_FRAME = re.compile(
    r"\b(?:if|unless|should|failing|or|otherwise|another|one more|any (?:more|further)|"
    r"the (?:moment|minute|day|second|instant)|after (?:that|friday|monday|today|tomorrow|this)|absent|"
    r"without|every (?:\w+ )?(?:launch|test)|next (?:test|launch)|whether|"
    r"and (?:we|the|there|your|every|they|you will)|until|in case|from now on|as long as|then|"
    r"the (?:hour|week)|will (?:earn|cost|bring|get) you|means|met with|pity|shame|keep \w+ing|had you|"
    r"were you to|they will|every week)\b"
)

# A veiled warning (patience has limits, other options, what happens next): a threat.
# Example: "Our patience has limits."
VEILED_THREAT = re.compile(
    r"\b(?:(?:not be so|be less|run out of) patien\w*|(?:can not|cannot|could not) promise what|"
    r"what happens next|hold them back|last time i can|(?:not )?warn you|not bluffing|"
    r"(?:make|be|get|become|very) (?:\w+ )?(?:painful|unpleasant) for (?:you|your|theirside|the regime)|"
    r"protect (?:this|the) process|(?:talks|process|dialogue) to survive|not be between diplomats|"
    r"not (?:been )?ruled out|(?:preventive|military|other) options|different approach|will hear from us|"
    r"(?:forbearance|patience|restraint) "
    r"(?:\w+ ){0,3}?(?:has limits|ends|is gone|gone|runs out|will end|is not unlimited|limits)|"
    r"(?:steps|measures|actions) (?:\w+ ){0,5}?(?:rather not|not welcome|neither of us|unwelcome)|"
    r"other instruments|brought to bear|draw (?:their|the appropriate|its) (?:own )?conclusions|"
    r"(?:will|would) not (?:remain|stay) open|"
    r"(?:have to|forced to|obliged to|compelled to|need to) review (?:our |its )?(?:\w+ )?posture|"
    r"find most unwelcome|released from (?:the |its |our )?(?:\w+ )?commitments|no longer (?:be )?bound|"
    r"not be in a position to maintain|(?:would|will) not survive|"
    r"bring (?:\w+ ){0,3}?to an? (?:\w+ )?(?:close|end|halt)|pay you a visit|try us|in the trash|"
    r"take (?:them|it) (?:from you|away from you|by force)|bury (?:you|them|theirside)|out (?:that|the) door|"
    r"want (?:a )?war\b|"
    r"(?:bombers|carriers?|b \d+s?|navy|marines|troops|planes|jets) (?:are|is|will be) coming|"
    r"finish (?:your|the) regime|regime (?:is|will be) (?:finish\w*|over|gone|done)|"
    r"(?:pentagon|military|generals) (?:will )?takes? over|squeez\w* (?:\w+ ){0,2}?harder|"
    r"by (?:ourself|ourselves)|(?:make|made) (?:this|it|life) (?:very )?(?:hard|painful|difficult) for|"
    r"for weakness|finish (?:this|it|you|the job)|(?:plane|flight) home|on the (?:next )?(?:plane|flight)|"
    r"end your regime|go out (?:of|from)|"
    r"(?:stop|halt|quit) (?:all |the |these |this )+(?:talks?|negotiations?|dialogue|meetings?)|"
    r"list of targets|target list|"
    r"(?:provisioned|ready|waiting) (?:\w+ ){0,4}?(?:one word|the order|orders|our signal|a signal)|"
    r"rehearsed (?:this|it)|rehearse it again|back in the drawer|last decision|"
    r"(?:learn|find out|see) what (?:\w+ ){0,4}?can do|gloves come off|lights out|stone age|"
    r"history (?:has a way of repeating|(?:will |could )?repeats?)|remember 20\d\d|(?:would|will) be swift|"
    r"then (?:strike|war|sanctions|bombs?)|other tools|not be back (?:at|to) (?:this|the) table|"
    r"put (?:more|new|extra) sanction\w*|(?:it|them) ourselves|cut off (?:every|all|your)\b|indictments?|"
    r"criminal court|travel bans?|named and sanctioned|boardings|worth (?:losing|risking)|"
    r"(?:leave|left|leaving) the room|"
    r"(?:take|taken|taking) (?:the|our) (?:\w+ )?(?:aid|offer|package|relief) with us|means? war|"
    r"strike option\w*|option is back|until your economy|tighten (?:them|it)\b|"
    r"sanctions? (?:\w+ ){0,2}?get (?:\w+ )?(?:tougher|harsher|worse|stronger)|bounces with us|"
    r"how long do you think)\b"
)

# What the other side might do wrong: test, launch, cheat, stall, walk away.
_MISCONDUCT = (
    r"(?:test\w*|launch\w*|fire[sd]?|firing|refus\w*|reject\w*|break\w*|cheat\w*|violat\w*|stall\w*|"
    r"(?:resum\w*|restart\w*) (?:\w+ )?(?:test|launch|enrich|produc|reactor|missile|nuclear|operat|"
    r"construct)\w*|delay\w*|walk\w* (?:back|away)|renege\w*|detonat\w*|provok\w*|attack\w*|block\w*|"
    r"turn\w* (?:down|away)|(?:continue|continues|keep|keeps) "
    r"(?:to )?(?:test|launch|enrich|stall|refus|build|expand|produc|develop|fir|this|on|delay|drag|"
    r"provok)\w*)"
)
# A condition on the other side's misconduct ('if you test again', 'one more launch').
# Example: "If you test again, we will respond."
MISCONDUCT_CONDITION = re.compile(
    r"\b(?:(?:if|should|once|whenever|each time|every time|had|were|the (?:day|moment|minute|hour)) "
    r"(?:you|your (?:side|government|country|leader|leadership|military|scientists)|"
    r"theirside|there is|there are) "
    r"(?:(?!halt|stop|end|freez|suspend|ceas|paus|limit|cap|not|never|agree|accept)\w+ ){0,3}?"
    + _MISCONDUCT
    + r"|"
    r"(?:another|one more|any (?:more|further)|next) (?:\w+ )?"
    r"(?:test|launch|detonation|provocation|stunt|violation|delay)s?)\b"
)

# The user's side saying what it will then do (not a wish, a welcome or an offer to talk).
# Example: "One more launch and we will act."
PENALTY_CLAUSE = re.compile(
    r"\b(?:we|ourside|my government|my delegation|i|there|"
    r"our (?:bombers|forces|navy|fleet|carriers|military)) "
    r"(?:will|would|would have|ll|are going to|shall|will have to|would have to|will be forced to|"
    r"would be forced to)\b"
    r"(?! not\b| never\b|(?: \w+){0,2} (?:appreciate|like|welcome|love|prefer|hope|want|consider|"
    r"reciprocate|understand|listen|report|talk|discuss|note|ask|raise|"
    r"be (?:happy|glad|ready|willing|open|pleased|disappointed|sad|sorry)))"
)

# A connective that brings in a penalty ('or we', 'otherwise', 'failing that').
# Example: "Freeze now, otherwise we leave."
THREAT_CONNECTIVE = re.compile(
    r"\b(?:or (?:we|you|there|the|it|ourside|enjoy|expect)|otherwise|if not\b|failing (?:that|this)|or face|"
    r"or (?:\w+ ){0,2}(?:sanctions|bombers|b 52s?|force|strikes?|war|consequences|isolation|pressure|"
    r"carriers)|(?:and|or) (?:we|you) will (?:have|be forced|be left)|no (?:choice|option) but)\b"
)

# A penalty word after such a connective (sanction, force, walk, cancel, bombers).
# Example: "Freeze now, or face sanctions."
PENALTY_AFTER_CONNECTIVE = re.compile(
    r"\b(?:sanction|pressure|force|strike|attack|consequence|walk|leave|end|cancel|suspend|withdraw|pull|"
    r"punish|price|regret|respond|military|isolat|cut off|deploy|hit|scrap|bomb|carrier|sail|bombers|fleet|"
    r"exercises|drills|stop (?:the|all|our)|halt (?:the|all|our))"
)

# A question that threatens by asking ('do you really want', 'test us').
# Example: "Do you really want to find out?"
RHETORICAL_THREAT = re.compile(
    r"\b(?:(?:do|would|does|did) (?:you|your \w+|they|he) "
    r"(?:really |truly |honestly )?(?:want|wish|like|prefer)|(?:would|d) (?:you|they) rather|find out|"
    r"are (?:you|they) (?:ready|prepared) for|is that what (?:you|they) want|"
    r"how (?:would|d) (?:you|they|he) like|(?:want|like|wish) (?:to see|to test|to try|a war|war)|"
    r"test (?:us|our)|why (?:should|would) (?:we|anyone) not|"
    r"is (?:\w+ ){0,4}?(?:really )?worth (?:losing|risking)|"
    r"what do you (?:suppose|think|imagine|expect) (?:happens|will happen|would happen))\b"
)

# The user's side (or its forces) saying what it will do: a question with it threatens.
# Example: "Do you know what our forces will do?"
OWN_PENALTY = re.compile(
    r"\b(?:we|ourside|our (?:forces|military|fleet|bombers|navy|allies|president)) "
    r"(?:will|would|ll|d|shall|are going to|are ready to|stand ready to|must|have to|may have to|"
    r"might have to)\b"
)

# Words just before a penalty that negate it ('not', 'no intention to', 'refrain from').
# Example: "We have no intention to impose sanctions."
NEGATED_THREAT = re.compile(
    r"\b(?:not(?! hesitate| want to| wish to| mistake)|never|"
    r"no (?:intention|plan|plans|desire|wish|interest) (?:of|to)|nobody wants|no one wants|refrain from|"
    r"renounce|rule out|ruling out|stop|halt|cease|no more|without)\s+(?:\w+\s+){0,3}$|"
    r"\b(?:no|any)\s+(?:\w+\s+)?$"
)

# A doer or a condition in the sentence: without one, talk of sanctions is no threat.
# Example: "If you test again, we add sanctions."
AGENT = re.compile(
    r"\b(?:we|us|our|ourside|i|he|they|if|unless|or|after that|otherwise|absent|until|once|should|every|keep|"
    r"met with|each|another|in case|by (?:friday|monday|tomorrow|the end))\b"
)
