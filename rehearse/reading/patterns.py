"""The shared move language: the word patterns every persona's messages are read with.

Items come from each playbook; what is here is how people offer, ask, refuse, threaten, accept
and ask questions, whatever the delegation. Patterns run on text cleaned by ``text.clean``
(lower case, contractions spelt out: "won't" is "will not").
"""

from __future__ import annotations

import re


def _boundary_first(pattern: str) -> re.Pattern[str]:
    """Compile an alternation of word-bounded alternatives with one shared boundary (about 10x faster).

    Python's ``re`` tries every alternative at every position; the same alternatives behind a
    single word boundary find the same matches. Alternatives anchored at the start stay apart.
    """
    body = pattern[3:-1] if pattern.startswith("(?:") and pattern.endswith(")") else pattern
    parts: list[str] = []
    depth, current, i = 0, "", 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            current += body[i : i + 2]
            i += 2
            continue
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
        i += 1
    parts.append(current)
    if not all(p.startswith(("\\b", "^")) for p in parts):
        return re.compile(pattern)
    anchored = [p for p in parts if p.startswith("^")]
    bounded = [p[2:] for p in parts if p.startswith("\\b")]
    head = "(?:" + "|".join(anchored) + ")|" if anchored else ""
    return re.compile(head + "\\b(?:" + "|".join(bounded) + ")")


NEGATIONS = frozenset(
    {"not", "no", "never", "nor", "neither", "nothing", "without", "refuse", "refuses", "unable"}
)
FIRST_PERSON = frozenset({"we", "us", "our", "my", "ourside"})
SUBJECT_AFTER_AND = frozenset(
    {"we", "you", "i", "they", "your", "our", "the", "ourside", "theirside", "there"}
)
CLAUSE_WORDS = frozenset(
    {
        "return",
        "exchange",
        "against",
        "but",
        "if",
        "unless",
        "until",
        "provided",
        "providing",
        "once",
        "while",
        "whereas",
        "so",
        "because",
        "although",
        "though",
        "however",
        "otherwise",
        "or",
        "then",
        "when",
        "before",
        "after",
        "whether",
    }
)
# Verbs that stop an activity (exercises, a hostile policy): with them, the activity item is offered.
STOPPING = frozenset(
    [
        "stop",
        "pull",
        "pulled",
        "pulling",
        "stopp",
        "suspend",
        "halt",
        "cancel",
        "postpone",
        "limit",
        "reduc",
        "reduce",
        "cut",
        "end",
        "freeze",
        "freez",
        "pause",
        "delay",
        "curtail",
        "shelve",
        "drop",
        "skip",
        "downsize",
        "smaller",
        "tabletop",
        "refrain",
        "cease",
        "scrap",
        "minimi",
        "restrict",
        "close",
        "clos",
        "shut",
        "seal",
        "ground",
        "suspension",
        "moratorium",
        "pare",
        "trim",
        "lower",
        "less",
        "fewer",
        "limits",
        "restraint",
    ]
)
STOPPING_PHRASES = re.compile(
    r"\b(?:switch\w* off|turn\w* off|keep \w+ (?:\w+ )?quiet|silenc\w*|go quiet|paused?|tone\w* down|home early|"
    r"(?:send|sent|bring|brought) (?:\w+ ){0,3}?home|"
    r"(?:keep\w*|kept|stay\w*) (?:\w+ ){0,3}?(?:off|out|clear)(?: of)?)\b|"
    r"\b(?:further (?:south|away|out)|at a distance|away from|reduction|cancellation|postponement)\b|"
    r"\b(?:on hold|hold off|call(?:ed|ing)? off|put off|scal\w* (?:back|down)|wind\w* down|pull\w* (?:\w+ ){0,3}?back|"
    r"take \w+ (?:\w+ )?out|out of the rotation|no longer|stays? away|stays? out|stays? in \w+ waters|elsewhere|"
    r"staff exercise|tabletop|shrinks?|smaller|more small|less big|is over|are over|ends|ended|called off|is off|are off|cancell?ed)\b"
)
# Verbs that carry an activity on: with them (and no negation), the activity item is not offered.
DOING = frozenset(
    [
        "fly",
        "flying",
        "conduct",
        "stage",
        "run",
        "resume",
        "continu",
        "proceed",
        "expand",
        "increase",
        "intensify",
        "step",
        "restart",
        "carry",
        "maintain",
        "hold",
        "keep",
        "planned",
        "scheduled",
        "schedul",
        "bigger",
        "larger",
        "more",
    ]
)
# Verbs that withhold a good (aid, relief, a treaty): with them, the good is not offered.
WITHHOLDING = frozenset(
    [
        "withhold",
        "withheld",
        "cancel",
        "cancell",
        "revoke",
        "retract",
        "suspend",
        "stop",
        "halt",
        "freeze",
        "delay",
        "reimpose",
        "reinstate",
        "restore",
        "block",
        "close",
        "shut",
        "forget",
    ]
)
WITHHOLDING_PHRASES = re.compile(
    r"\b(?:hold\w* back|cut\w* off|so do(?:es)? the$|cut(?: the| our| all)?$|snap\w* back|take \w+ back|forget about)\b"
)
WITHHELD_AFTER = re.compile(
    r"\b(?:is|are|will be|gets?|would be|go|goes|can be|could be) (?:\w+ )?(?:cancel\w*|cut(?! back| down| by)|cut off|disappears?|withdrawn|suspended|revoked|off the table|over|gone|dead|"
    r"restored|reinstated|reimposed|back on|back in place|switched off|shut down|closed|void)|"
    r"(?<!you )(?<!they )(?<!we )\b(?:stops?|ends?|dies|expires)\b(?= *(?:$|,|;|on |if |when |the day|for good|completely|tomorrow|today|tonight|immediately|at once|next))|\boff the table\b|\bwith (?:us|me)\b"
)
IMPERATIVE_START = re.compile(
    r"^(?:please )?(?:stop|freeze|halt|give|destroy|dismantle|let|allow|cap|limit|reduce|end|cut|hand|eliminate|keep|"
    r"close|shut|suspend|declare|accept|agree|commit|show|open|get|take|put|scrap|ship|send|sign|disarm|denuclearize|"
    r"abandon|surrender|admit|verify|submit)\b"
)
FLOATED_FOR = re.compile(
    r"\b(?:for|if|once|provided|in exchange for|in return for|against|in exchange|in return|worth|buy|buys|get us|gets us|trade\w*|"
    r"swap\w*|matched by|paired with)\b"
)
RESTRICTIVE = re.compile(r"\b(?:not until|not before)\b")
ONLY_AFTER = re.compile(r"\bonly (?:after|when|once|if)\b")
PROMISE = re.compile(
    r"\b(?:we (?:will|would|can|could|shall)|(?:will|would|can|could|shall) (?:we|ourside|"
    r"the united states|my government|our government))\b"
)
ACKNOWLEDGING = frozenset(
    [
        "welcome",
        "welcom",
        "thank",
        "commend",
        "applaud",
        "praise",
        "noted",
        "note",
        "acknowledge",
        "acknowledg",
        "already",
        "appreciat",
        "glad",
        "pleased",
        "encouraged",
        "grateful",
        "noticed",
        "since",
    ]
)
REJECTED_BEFORE = re.compile(
    r"\b(?:we|i) (?:\w+ ){0,3}?(?:not (?:accept|agree to|sign|support|take)|reject\w*|refuse\w*|say no to)"
    r"(?: (?:a|an|the|your|this|that|any|such))?$"
)
ACKNOWLEDGED_AFTER = re.compile(
    r"^(?:has|have|had) (?:been )?(?:\w+ )?(?:noticed|noted|welcomed|observed|appreciated|held|respected|kept|encouraging)\b"
)
REPORTED = re.compile(
    r"^(?:(?!if |unless |once |when |since |as )\w+ ){0,3}?(?:your|their|theirside s) (?:\w+ ){0,2}?"
    r"(?:said|has said|have said|asked|has asked|demanded|has complained|complained|insisted|proposed|told|claimed|keeps saying|mentioned)\b|"
    r"\b(?:you may have|i have|we have|i|we) (?:read|heard) (?:that|the)\b"
)
HISTORY = re.compile(
    r"\b(?:since (?:19|20)\d\d|in the (?:nineties|eighties|seventies)|back then|years ago|"
    r"(?:was|were) (?:tried|offered|refused|signed|rejected|promised))\b"
)
GRANTED = re.compile(
    r"^(?:\w+ ){0,2}?(?:you (?:can|will|shall) have (?:it|that|them|one)|(?:it|that) (?:is|can be) yours|we can (?:do|give you|offer) (?:that|it|this)|"
    r"we will (?:do|give you) (?:that|it)|we can give (?:him|her|them|you) (?:that|it|this|one)|(?:we|i) (?:can|could) (?:live with|agree to) (?:that|it)|(?:that|it) we can (?:do|give|offer))\b"
)
ACCEPT_DESPITE = re.compile(
    r"\b(?:(?:can not|could not|no reason to|foolish to|no need to) (?:\w+ ){0,2}?(?:say no|turn (?:this|it|that) down|argue|reject)|"
    r"rejecting (?:this|it|that) would be a mistake|but yes|nothing (?:\w+ ){0,3}?can not live with)\b"
)
OWN_COMMITMENT = re.compile(
    r"\b(?:we|i) (?:will|would|can|could|are (?:ready|willing|prepared)|offer|propose)\b"
)
DEFERRAL = re.compile(
    r"\b(?:(?:on )?the agenda for|agenda for (?:tomorrow|later|the next|the second|another)|next session|second session|after (?:the )?(?:break|lunch)|another day|separate (?:topic|issue|track)|"
    r"come back to (?:it|this|that) (?:later|after|tomorrow)|lawyers|for a later (?:phase|stage|date)|experts (?:can|will|should) (?:meet|look|discuss)|technical matter|who sits|in the room|later today|talk (?:about )?it (?:after|later|tomorrow)|"
    r"park\w*|(?:in|at|to) a later (?:phase|stage|round|date|session)|put (?:\w+ ){0,3}?on hold|leave (?:\w+ ){0,3}?for later|"
    r"(?:for|until) another (?:day|round|time))\b"
)
TAG_QUESTION = re.compile(
    r"(?:\b(?:is|would) (?:that|it) (?:something you can do|possible|ok|okay|doable|feasible|acceptable)|"
    r"\bwhat then|\bthen what|\bwhat do you say|\bhow about it|\bright)$"
)
NO_MOVEMENT = re.compile(r"\b(?:not|no) (?:\w+ ){0,3}?(?:move|movement|progress|change)s? on\b")
WANTING = frozenset(
    [
        "want",
        "wanted",
        "ask",
        "asking",
        "demand",
        "demanding",
        "seek",
        "seeking",
        "insist",
        "insisting",
        "request",
        "hope",
        "expect",
    ]
)

AGENT = re.compile(
    r"\b(?:we|us|our|ourside|i|he|they|if|unless|or|after that|"
    r"otherwise|absent|until|once|should|every|keep|met with|each|another|in case|by (?:friday|monday|tomorrow|the end))\b"
)
QUESTION_OPENERS = re.compile(
    r"^(?:(?:so|ok|okay|well|and|but|then|now|look|listen|tell me|honestly|frankly|sorry|excuse me)\s*,?\s+)*"
    r"(?:what|how|why|when|where|which|who|whom|whose|is there|are there|suppose|supposing|imagine|hypothetically|"
    r""
    r"(?:would|could|can|will|shall|may|might|do|does|did|is|are|was|have|has)\s+"
    r"(?!be\b|not\b|like\b|love\b|also\b|really\b|rather\b|just\b|need\b|have\b|been\b)[a-z]+)\b"
)
INDIRECT_QUESTION = re.compile(
    r"\b(?:i wonder|we wonder|wondering|i would like to know|we would like to know|may i ask|let me ask|"
    r"permit me to ask|allow me to ask|i would like to ask|i want to ask|ask (?:how|what|why|whether|if|when)|"
    r"can you tell|could you tell|tell (?:me|us) (?:what|how|why|whether|if|when)|curious (?:to know|whether|if|about)|"
    r"explain (?:to us )?(?:what|how|why)|help (?:me|us) understand|please explain|explain (?:me|us|please))\b|"
    # a request for information: "Explain your dual-track idea to me."
    r"^(?:please )?(?:explain|clarify|elaborate on|describe|walk (?:me|us) through|tell (?:me|us) (?:more )?about)\b"
)
_NOT = r"(?<!not )(?<!never )(?<!no )"
# Penalty phrases by family (sanctions, force, taking back what was offered, leaving, veiled
# warnings): each names a harm the user's side would do, so any of them makes a threat.
_SANCTION_PENALTIES = (
    r"sanctions? (?:regime )?(?:\w+ ){0,2}?(?:tighten\w*|grow\w*|expand\w*|harden\w*|will be (?:\w+ )?(?:more|tougher|stronger|harsher))|"
    r"(?:new|more|further|additional|tougher|harsher|fresh) (?:\w+ ){0,2}?(?:sanctions|penalties)|"
    r"make (?:the )?sanctions (?:\w+ ){0,2}?(?:more|stronger|tougher|harder|worse)|nobody (?:will )?trades?|"
    r"(?:your|its) (?:banking|bank|trade|oil|economy|economic) (?:\w+ ){0,2}?(?:access|lifeline|survive|collapse|suffer|cut)|"
    r"cost (?:your \w+|you|theirside|your country) (?:\w+ ){0,2}?(?:dearly|a lot|heavily|everything)|price to pay|"
    r"another year of (?:this )?pressure|pressure (?:\w+ ){0,2}?(?:grows|will grow|increases|mounts|tightens|peak)|"
    r"(?:reached|reach) its peak"
)
_FORCE_PENALTIES = (
    r"military (?:answer|reply|consequences)|(?:strong|overwhelming|severe|firm|forceful|decisive|swift) (?:\w+ )?(?:answer|response|reaction)|"
    r"expect a (?:\w+ )?response|a response you|you (?:will|would) not like|full weight|tough side|hard side|"
    r"(?:can|could|will) (?:strike|hit|reach) (?:any|every|all)|take (?:them|it|you|those|these) out|"
    r"(?:b 52s?|bombers|jets|aircraft|planes) (?:\w+ )?fly\b|strategic assets (?:\w+ ){0,2}?deployed|"
    r"deploy\w* (?:\w+ ){0,4}?to the (?:region|peninsula)|more (?:\w+ )?(?:strike aircraft|troops|warships|missile defen[cs]e)|"
    r"(?:drawn up|draw up|have) (?:the |our )?(?:\w+ )?plans|plans (?:\w+ ){0,3}?(?:used|executed|ready)|"
    r"(?:exercises|drills|manoeuvres|maneuvers|war games) (?:\w+ ){0,3}?(?:return|resume|restart)|"
    r"back (?:at|to) full (?:scale|strength|size)|at full (?:scale|strength)|or face\b"
)
_WITHDRAWN_PENALTIES = (
    r"(?:door|window|channel|offer|opportunity) (?:\w+ ){0,2}?(?:closes|shuts|is closed|will close|will be closed)|"
    r"cut off (?:every|all|the|our) (?:\w+ )?(?:channels?|contacts?|lines?|communications?|talks)|"
    r"lose (?:everything|it all|all of (?:it|this|that)|any chance|the chance)|losing (?:the|everything|all|any)\b|"
    r"kills? (?:any|every|the|all) (?:\w+ )?(?:chance|hope|prospect|deal|offer)(?: (?:of|for) (?:\w+ ){0,2}\w+)?|(?:do|happens?) to your (?:economy|country|regime|banks|banking|people|leadership|leader|accounts|officials)|what do you (?:think|suppose) (?:our|the) (?:bombers|carriers|forces|b 52s|troops|missiles|fleet) are (?:for|there)|goes with us|go with us|"
    r"fly (?:back )?home|(?:go|get|walk|step) out of (?:the|these|this) (?:negotiation|talks|process|meeting)|(?:difficult|hard|impossible|unable|not be able) to (?:continue|stay|remain) (?:with |in |at )?(?:these|the|this)|maximum pressure (?:\w+ )?(?:resumes|returns|is back|comes back|will (?:resume|return))|(?:will not|would not) be (?:a|an|any) (?:\w+ ){0,3}?left|hit (?:back|hard)|the hard way|embargo|(?:revisit|reconsider|rethink|review) (?:\w+ ){0,3}?(?:decision|pause|suspension|pledge|offer|commitment)(?: to (?:\w+ ){0,3}\w+)?|(?:stop|halt|end|cut|suspend|withhold|freeze) (?:the |our |all |any )?(?:humanitarian |food |fuel |economic )?(?:aid|assistance|shipments?)\b|head home|pack\w* (?:up|our bags)|fly\w* (?:back )?home|had to be cancell?ed|"
    r"(?:suspension|pause|moratorium|freeze|halt) (?:\w+ ){0,4}?(?:ends|will end)\b|"
    r"reconsider (?:whether|if|our|its|the) (?:\w+ ){0,3}?(?:talks|participation|presence|commitment|continuing|worth)|"
    r"(?:stay|remain) (?:at|in) (?:this|the) (?:table|talks|room|process) only|patience (?:\w+ )?(?:has limits|is not unlimited|runs out|is limited)|"
    r"(?:ourside|my government) (?:will|would) (?:act|respond|react|retaliate|move(?! to| forward| ahead| quickly| on))\b|"
    r"met with an? (?:\w+ )?(?:response|answer|reaction|force)"
)
# Harms the user's side could do, composed from a verb and its target. They make a threat when
# the message also sets a condition on the other side's conduct (THREAT_FRAME).
_ECONOMIC_TARGETS = (
    r"(?:accounts?|assets|imports?|exports?|trade|coal|oil|fuel|banks?|banking|compan\w*|firms?|entities|ships?|shipping|"
    r"vessels?|workers|economy|revenue|money|cash|seafood|textiles?|tankers?|ports?|border\w*|luxury \w+)"
)
HARM = re.compile(
    r"\b(?:(?:seiz\w*|freez\w*|cap\w*|cut\w*|ban\w*|block\w*|clos\w*|blacklist\w*|sanction\w*|target\w*|squeez\w*|chok\w*|strangl\w*|"
    r"confiscat\w*|impound\w*|intercept\w*|board\w*|expel\w*|send\w*|sent|stop (?:all |every )?your) (?:\w+ ){0,4}?"
    + _ECONOMIC_TARGETS
    + r"|"
    r"(?<!un)(?:seized|blacklisted|impounded|confiscated|expelled|sent home|dries up|dry up|get worse|gets worse|hard cap|export bans?|"
    r"designat\w* (?:\w+ ){0,4}?(?:entities|companies|banks|firms|individuals|officials)|un resolution|new resolution|sanctions draft|"
    r"(?:take|bring|go|refer|ask|push|turn|straight) (?:\w+ ){0,4}?(?:un )?security council|security council (?:will|gets|would|to))|"
    r"(?:carriers?|bombers|b \d+s?|submarines?|warships|destroyers|thaad|missile defen[cs]e|f \d+s?|strategic assets|"
    r"marines|artillery|batteries) (?:\w+ ){0,5}?(?:move\w*|go(?:es)? (?:into|north|in)|sail\w*|(?:re)?deploy\w*|doubled?|over (?:the|your|theirside)|"
    r"into position|north|closer|arriv\w*)|"
    r"(?:more|additional|extra) (?:\w+ )?(?:carriers?|carrier groups|thaad|batteries|troops|bombers|warships|submarines|missile defen[cs]e)|"
    r"live fire (?:\w+ ){0,2}?(?:off|near|along|close to) (?:your|the)|preventive|pre emptive|(?:next|another) round (?:\w+ ){0,2}?(?:is |will be )?(?:cancell?ed|off)|"
    r"recall (?:\w+ )?(?:envoy|ambassador|negotiator|delegation|team)|call (?:\w+ ){0,3}?off (?:the |these |this |our )?(?:talks|summit|meeting|negotiations?|dialogue|process)|call (?:the |these |this |our )?(?:talks|summit|meeting|whole \w+|process|negotiations?) off|downgrad\w*|"
    r"no more (?:meetings|talks|rounds|summits)|(?:relief|aid|declaration|package|office|hotline|offer|deal|channel) "
    r"(?:(?!until |if |unless |when |before |once )\w+ ){0,5}?(?:disappears?|vanish\w*|is dead|dead|pulled|switched off|gets? cut|cut off|is gone|goes away)|we pull it|(?:blacklist|sanctions|penalties|pressure) (?:\w+ ){0,2}?(?:doubles|triples|grows|expands|gets longer)|(?:it|they|that|this) (?:can|could|will) be (?:switched off|cut off|pulled|cancell?ed|withdrawn|taken back)|"
    r"(?:accounts?|assets|money) (?:\w+ ){0,2}?frozen|(?:imports?|exports?|trade|shipments?) (?:\w+ ){0,2}?stops?|"
    r"sanctions? (?:package|bill|draft) (?:\w+ ){0,5}?goes out|(?<!not )(?:add\w*|put\w*) (?:\w+ ){0,4}?(?:to|on) the blacklist|travel bans?|indictments?|criminal court|referral|visas?|embargo\w*|boardings?|"
    r"interdictions?|suspended from|expelled from|loses? access|named and sanctioned|sanctioned personally|unsign\w*|shredder|"
    r"back to maximum|before the security council|cut you off|shoot down|so do(?:es)? the (?:\w+ )?(?:shipments?|aid|assistance)|"
    r"(?:fleet|navy|squadrons?|strike groups?|special forces|strike aircraft|bomber wings?|carrier groups?) (?:\w+ ){0,5}?"
    r"(?:sails?|move\w*|(?:re)?deploy\w*|over (?:the|your|theirside)|on alert|off (?:your|the) coast|near (?:your|the) coast|on guam|in the south)|"
    r"(?:carriers?|bombers|b \d+s?|strike aircraft) (?:\w+ ){0,4}?(?:off (?:your|the) coast|near (?:your|the) coast|on guam|based in|on alert|would have been over)|"
    r"(?:another|second|more) (?:\w+ ){0,3}?(?:carriers?|carrier groups?|bomber squadrons?|strike aircraft|squadrons?))\b"
)
THREAT_FRAME = re.compile(
    r"\b(?:if|unless|should|failing|or|otherwise|another|one more|any (?:more|further)|the (?:moment|minute|day|second|instant)|"
    r"after (?:that|friday|monday|today|tomorrow|this)|absent|without|every (?:\w+ )?(?:launch|test)|next (?:test|launch)|"
    r"whether|and (?:we|the|there|your|every|they|you will)|until|in case|from now on|as long as|then|the (?:hour|week)|"
    r"will (?:earn|cost|bring|get) you|means|met with|pity|shame|when (?:it|the \w+) stops|keep \w+ing|had you|were you to|they will|every week)\b"
)
VEILED_THREAT = re.compile(
    r"\b(?:(?:not be so|be less|run out of) patien\w*|(?:can not|cannot|could not) promise what|what happens next|hold them back|"
    r"(?:a|the) way out|last time i can|(?:not )?warn you|not bluffing|(?:make|be|get|become|very) (?:\w+ )?(?:painful|unpleasant) for (?:you|your|theirside|the regime)|"
    r"protect (?:this|the) process|(?:talks|process|dialogue) to survive|not be between diplomats|not (?:been )?ruled out|"
    r"(?:preventive|military|other) options|different approach|will hear from us|(?:forbearance|patience|restraint) (?:\w+ ){0,3}?(?:has limits|ends|is gone|gone|runs out|will end|is not unlimited|limits)|limits (?:\w+ ){0,3}?be reached|(?:steps|measures|actions) (?:\w+ ){0,5}?(?:rather not|not welcome|neither of us|unwelcome)|other instruments|brought to bear|draw (?:their|the appropriate|its) (?:own )?conclusions|no longer counsel restraint|(?:will|would) not (?:remain|stay) open|(?:have to|forced to|obliged to|compelled to|need to) review (?:our |its )?(?:\w+ )?posture|find most unwelcome|released from (?:the |its |our )?(?:\w+ )?commitments|no longer (?:be )?bound|not be in a position to maintain|(?:would|will) not survive|bring (?:\w+ ){0,3}?to an? (?:\w+ )?(?:close|end|halt)|pay you a visit|try us|in the trash|down the drain|take (?:them|it) (?:from you|away from you|by force)|bury (?:you|them|theirside)|out (?:that|the) door|you want (?:a )?war|want (?:a )?war\b|(?:bombers|carriers?|b \d+s?|navy|marines|troops|planes|jets) (?:are|is|will be) coming|finish (?:your|the) regime|regime (?:is|will be) (?:finish\w*|over|gone|done)|(?:pentagon|military|generals) (?:will )?takes? over|squeez\w* (?:\w+ ){0,2}?harder|by (?:ourself|ourselves)|(?:make|made) (?:this|it|life) (?:very )?(?:hard|painful|difficult) for|for weakness|finish (?:this|it|you|the job)|(?:plane|flight) home|on the (?:next )?(?:plane|flight)|end your regime|go out (?:of|from)|(?:stop|halt|quit) (?:all |the |these |this )+(?:talks?|negotiations?|dialogue|meetings?)|"
    r"list of targets|target list|strike options|(?:provisioned|ready|waiting) (?:\w+ ){0,4}?(?:one word|the order|orders|our signal|a signal)|"
    r"rehearsed (?:this|it)|rehearse it again|back in the drawer|last decision|(?:learn|find out|see) what (?:\w+ ){0,4}?can do|gloves come off|"
    r"lights out|stone age|history (?:has a way of repeating|(?:will |could )?repeats?)|remember 20\d\d|not be diplomatic|(?:would|will) be swift|"
    r"then (?:strike|war|sanctions|bombs?)|other tools|not be back (?:at|to) (?:this|the) table|put (?:more|new|extra) sanction\w*|(?:it|them) ourselves|cut off (?:every|all|your)\b|indictments?|criminal court|travel bans?|named and sanctioned|sanctioned personally|boardings|worth (?:losing|risking)|(?:leave|left|leaving) the room|(?:take|taken|taking) (?:the|our) (?:\w+ )?(?:aid|offer|package|relief) with us|means? war|strike option\w*|option is back|until your economy|tighten (?:them|it)\b|sanctions? (?:\w+ ){0,2}?get (?:\w+ )?(?:tougher|harsher|worse|stronger)|we bounce|bounces with us|how long do you think)\b"
)
# A condition on the other side's misconduct ("if you test again", "one more launch") answered
# by what the user's side will then do: with nothing offered, that answer is a penalty.
_MISCONDUCT = (
    r"(?:test\w*|launch\w*|fire[sd]?|firing|refus\w*|reject\w*|break\w*|cheat\w*|violat\w*|stall\w*|"
    r"(?:resum\w*|restart\w*) (?:\w+ )?(?:test|launch|enrich|produc|reactor|missile|nuclear|operat|construct)\w*|"
    r"delay\w*|walk\w* (?:back|away)|renege\w*|detonat\w*|provok\w*|attack\w*|block\w*|turn\w* (?:down|away)|"
    r"(?:continue|continues|keep|keeps) (?:to )?(?:test|launch|enrich|stall|refus|build|expand|produc|develop|fir|this|on|delay|drag|provok)\w*)"
)
MISCONDUCT_CONDITION = re.compile(
    r"\b(?:(?:if|should|once|whenever|each time|every time|had|were|the (?:day|moment|minute|hour)) (?:you|your (?:side|government|country|leader|leadership|military|scientists)|"
    r"theirside|there is|there are) "
    r"(?:(?!halt|stop|end|freez|suspend|ceas|paus|limit|cap|not|never|agree|accept)\w+ ){0,3}?"
    + _MISCONDUCT
    + r"|"
    r"(?:another|one more|any (?:more|further)|next) (?:\w+ )?(?:test|launch|detonation|provocation|stunt|violation|delay)s?)\b"
)
PENALTY_CLAUSE = re.compile(
    r"\b(?:we|ourside|my government|my delegation|i|there|our (?:bombers|forces|navy|fleet|carriers|military)) "
    r"(?:will|would|would have|ll|are going to|shall|will have to|would have to|will be forced to|would be forced to)\b(?! not\b| never\b|(?: \w+){0,2} (?:appreciate|like|welcome|love|prefer|hope|want|consider|reciprocate|understand|listen|"
    r"report|talk|discuss|note|ask|raise|be (?:happy|glad|ready|willing|open|pleased|disappointed|sad|sorry)))"
)
THREAT = re.compile(
    r"\b(?:" + _SANCTION_PENALTIES + "|" + _FORCE_PENALTIES + "|" + _WITHDRAWN_PENALTIES + "|"
    r"military (?:force|action|option|options|response|measures|means|strike|solution)|use (?:of )?force|"
    r"respond (?:militarily|with force|firmly|forcefully|decisively|in kind|accordingly|strongly|harshly)|militarily|"
    r"all options(?! for (?:a )?peace)|(?:strikes?|attacks?|operations?) (?:\w+ ){0,4}?(?:will )?(?:go ahead|proceed)\b|will feel (?:it|the)|ends? (?:our|the) (?:\w+ )?(?:suspension|pause|moratorium|freeze|offer|aid)(?: of (?:the )?(?:\w+ ){0,2}\w+)?|met with (?:\w+ )?(?:sanctions|penalties)|every option|options (?:are|remain|stay) on the table|(?:pre ?emptive|preventive|surgical) (?:strike|war|attack|action|measures|options)|(?:see|feel|learn|find out) what (?:\w+ ){0,3}?(?:really )?means|"
    r"strike (?:you|your|the|it|them|first|back)|we (?:will )?strike\b|withdraw from (?:these|the|this) (?:talks|negotiation)|"
    r"leaving the (?:table|talks|room)|we are leaving|or there will be no|"
    r"(?:office|hotline|channel|aid|agreement|shipments?) (?:\w+ ){0,4}?(?:is|are|will be) (?:cancell?ed|void|closed|suspended|off|withdrawn)\b|shoot (?:it|them) down|"
    r"attack (?:you|your)|destroy (?:you\b|your (?:country|regime|nation|army|military|forces|sites?|launch)|them\b|it\b|the (?:test )?sites?)|wipe (?:you|it|them) out|"
    r"met with (?:force|strikes|a strike)|strikes? on|we are done|this (?:meeting|session) is over|we will (?:leave|go\b(?! along| back to the| further| that far| beyond| forward))|"
    r"(?:suspend|cancel|revoke|withdraw|scrap|close|shut) (?:the |our |that |this )?(?:\w+ ){0,3}(?:agreement|offer|pledge|deal|package)|"
    r"annihilat|obliterat|fire and fury|show of force|nothing left of|face (?:the )?consequences|consequences|"
    r"pay (?:a|the) (?:heavy |high |steep )?price|punish|(?:new|more|further|additional|heavy|severe|harsh|stiff|fresh) penalt|penalt\w* (?:will|would)|(?:face|impose|pay|suffer) (?:\w+ )?penalt|retaliat|regret (?:it|this)|you will regret|"
    r"(?:tighten|tougher|harsher|more|additional|further|extra|secondary|crippling|new) (?:the |un )?sanctions|"
    r"(?:re ?impose|snap ?back|reinstate|restore|ramp up|step up|intensify|double|triple|escalate|increase|reinforce|harden|widen|broaden|extend|expand) (?:\w+ ){0,3}?(?:sanctions?|pressure)|"
    r"sanctions (?:will|would) (?:be )?(?:tighten|increase|double|expand|snap)|"
    r"(?:back to|return to|resume|restore|reimpose|double down on) maximum pressure|pressure campaign (?:doubles|will|intensif)|isolat|blockade|interdict|quarantine|not a single tanker|"
    r"walk (?:out|away)|leave (?:the|this) (?:table|room|talks|summit|negotiation)|go(?:ing)? home|"
    r"end (?:the|these|this) (?:talks|negotiation|meeting|summit|dialogue)|call off (?:the|these|this|our) (?:talks|summit|meeting|negotiations?)|break off|pull out of|"
    r"(?:cancel|suspend|abandon|end) (?:the |these |this )?(?:summit|talks|negotiations?|dialogue|process)|"
    r"(?:offer|pledge|aid|deal|package)\b[^.]{0,40}\b(?:off the table|withdrawn|cancell?ed|dies|expires|void|gone)|"
    r"(?:withdraw|take back|rescind|revoke) (?:our|the|that|this) (?:offer|proposal|pledge|aid)|take the aid|"
    r"(?:resume|restart|expand|intensify|scale up|double) (?:\w+ ){0,3}?(?:exercises|drills|manoeuvres|maneuvers|war games|flights|patrols|overflights)|"
    r"or else|last chance|final (?:warning|offer|chance)|ultimatum|patience is (?:running|wearing) (?:out|thin)|"
    r"will be used|bombers? (?:will(?! not| never)|are ready)|strike plans?|war will|risk (?:a )?war|go to war|"
    r"(?:take|bring|refer) (?:it|this|you|the matter) to the security council|find out|"
    r"\bwe will sanction\b|sanction (?:the|your|their|its) (?:compan|bank|firm|entit)\w*|sea of fire|shells? will fly|our artillery|we will sink|sink (?:them|it|your)|\bseize\b|shell (?:the|your)|"
    r"resume (?:\w+ )?testing|will answer with|\breimpose\b|revert\w*|reversion|"
    r"sanction (?:every|all|any)|\bwe leave\b|send (?:\w+ ){0,2}?(?:carrier|bombers|fleet|b 52|warships|strike group|more troops)|"
    r"(?:carrier\w*|bombers|b 52s?|fleet) (?:\w+ ){0,4}?(?:come back|return|sail|(?:bombers|b 52s?|carriers?|jets|planes) (?:\w+ ){0,3}?back over|back to)\b|"
    r"(?:suspension|pause|moratorium|freeze) (?:\w+ ){0,5}?(?:is|will be) (?:over|finished|ended)\b|"
    r"will answer (?:it|that|this|you)|military will|next plane|whole thing is off|pressure will (?:only )?(?:grow|increase|mount)|"
    r"we (?:will )?resume (?:them|it|the)\b|reconsider (?:the|our) (?:\w+ ){0,3}?(?:we|you) (?:already )?(?:agreed|promised|offered)|"
    r"there will not be one|do not bother|go to the security council|overwhelming force|with force|"
    r"not all of them are diplomatic|not far away|goes home|make sure (?:no|nobody|none|you)\b|pressure campaign resumes|other ways to do it|"
    r"tear up|no talks|restart them|bombers on|mistake our patience|hate (?:for|to see) this (?:to )?end|"
    r"add new ones|\bsnap back\b|\bwe walk\b|much bigger|bigger than planned|in the region right now|think about that|"
    r"not be coming back|will not come back|remember what happened|do it for you|ends the same day|no more talks|"
    r"no more aid|seventh fleet|goes to the security council|"
    r"\bwe (?:will )?(?:respond|react|retaliate|act)\b(?! (?:with|to) (?:an? |the )?(?:offer|step|proposal|gesture|aid))|"
    r"deploy more|strategic assets to|need a reason|need an excuse|(?:would not|do not|should not) test us|"
    r"posture changes|window closes|we know where|keep that in mind|cut (?:the |your )?oil|be about strikes|"
    r"add to them|scrap (?:this|the|these) (?:process|talks|negotiation)|"
    r"(?:pact|deal|package|agreement|assurance|offer|project|aid|fuel|shipments?|delegation|talks|summit|process|pledge|"
    r"guarantee|hotline|office) (?:\w+ ){0,2}?(?:is|are|will be|gets?) (?:finished|dead|withdrawn|recalled|cancell?ed|void|off|suspended)\b|"
    r"(?:fuel|aid|shipments?|relief|oil|assistance) (?:(?!never |not )\w+ )?(?:stops?|ends|expires|dies)\b|"
    r"reserves? the right|all (?:necessary|appropriate|available) (?:measures|steps|means)|"
    r"\bvoid\b|strengthen (?:the )?sanctions|no choice|walkout|walking out|have to leave|will (?:have to )?leave\b|"
    r"we (?:are|re|were) done|or (?:\w+ ){0,2}(?:sanctions|bombers|b 52s?|strikes?|war|consequences|isolation|carriers)\b|"
    r"(?:next|new|another|fresh) round of sanctions|sanctions (?:\w+ )?(?:go|goes|come|comes) (?:into effect|back)|kick in|"
    r"end\w* (?:the|these|this) (?:talks|negotiations?|meeting|summit|dialogue)|"
    r"(?:cancel|halt|stop|suspend|withhold|cut off|pull) (?:\w+ ){0,4}?(?:we|you were) (?:already |have |had )?(?:promised|offered|pledged|agreed)|"
    r"recall (?:our|the|my) (?:delegation|negotiators|team|ambassador)|(?:summit|meeting|talks) (?:is|are|will be) (?:cancell?ed|off|over)|"
    r"(?:will not|never) be (?:a|another) (?:second |next )?(?:summit|round|meeting)|(?:hotline|channel|office|aid) (?:\w+ ){0,3}?(?:gets |will be |is )?switched off|(?:be|are|come|coming|fly|flying|go|goes) back over|"
    r"block (?:every|all|the|any)\b|end (?:the|our) (?:\w+ )?(?:suspension|pause|moratorium|freeze)|forget about|see how|"
    r"state of readiness|high readiness|cancel (?:the|our) (?:leaders|summit|meeting|talks)|response will be military|"
    r"not only with words|go after|designate additional|(?:a lot |much |even )?tighter|double them|triple them|"
    r"will not survive|parked off|\bwere done\b|met with a (?:\w+ )?response|"
    r"(?:close|shut|cancel|suspend|end) (?:down |off )?(?:the|our) (?:\w+ ){0,2}?(?:liaison|office|hotline|channel|embassy|aid|assistance|shipments?)|"
    r"pull (?:the|our) (?:\w+ )?(?:shipments?|aid|assistance|offer)|"
    r"(?:next|first) flight|bomb(?:ing)? (?:them|you|it|the)\b|double the size|at double|"
    r"(?:sanctions?|pressure|exercises|drills|manoeuvres|maneuvers|bombers|b 52s?|carriers?) (?:\w+ ){0,4}?"
    r"(?:will be |are |is |would be )?(?:doubled?|tripled?|triple|restored|reinstated|reimposed|tightened|come back|coming back)\b|"
    r"(?:promise|offer|pledge|commitment|deal|concessions?) (?:(?!until |if |unless |before )\w+ ){0,5}?(?:is|are|will be|gets?) (?:\w+ )?"
    r"(?:cancel\w*|void\w*|off|withdrawn|over|dead|gone|revoked)\b)"
)
THREAT_CONNECTIVE = re.compile(
    r"\b(?:or (?:we|you|there|the|it|ourside|enjoy|expect)|otherwise|if not\b|failing (?:that|this)|or face|"
    r"or (?:\w+ ){0,2}(?:sanctions|bombers|b 52s?|force|strikes?|war|consequences|isolation|pressure|carriers)|"
    r"(?:and|or) (?:we|you) will (?:have|be forced|be left)|no (?:choice|option) but)\b"
)
PENALTY_AFTER_CONNECTIVE = re.compile(
    r"\b(?:sanction|pressure|force|strike|attack|consequence|walk|leave|end|cancel|suspend|withdraw|pull|"
    r"punish|price|regret|respond|military|isolat|cut off|deploy|hit|scrap|bomb|carrier|sail|bombers|fleet|exercises|drills|stop (?:the|all|our)|halt (?:the|all|our))"
)
RHETORICAL_THREAT = re.compile(
    r"\b(?:(?:do|would|does|did) (?:you|your \w+|they|he) (?:really |truly |honestly )?(?:want|wish|like|prefer)|"
    r"(?:would|d) (?:you|they) rather|find out|are (?:you|they) (?:ready|prepared) for|is that what (?:you|they) want|"
    r"how (?:would|d) (?:you|they|he) like|(?:want|like|wish) (?:to see|to test|to try|a war|war)|test (?:us|our)|"
    r"why (?:should|would) (?:we|anyone) not|is (?:\w+ ){0,4}?(?:really )?worth (?:losing|risking)|what do you (?:suppose|think|imagine|expect) (?:happens|will happen|would happen))\b"
)
OWN_PENALTY = re.compile(
    r"\b(?:we|ourside|our (?:forces|military|fleet|bombers|navy|allies|president))"
    r" (?:will|would|ll|d|shall|are going to|are ready to|stand ready to|must|have to|may have to|might have to)\b"
)
NEGATED_THREAT = re.compile(
    r"\b(?:not(?! hesitate| want to| wish to| mistake)|never|no (?:intention|plan|plans|desire|wish|interest) (?:of|to)|nobody wants|no one wants|"
    r"refrain from|renounce|rule out|ruling out|stop|halt|cease|no more|without)\s+(?:\w+\s+){0,3}$|\b(?:no|any)\s+(?:\w+\s+)?$"
)
ACCEPT = re.compile(
    r"\b(?:agreed(?! framework)|(?:we are|we re|i am|i m) agreeable|d accord|agrees|agree(?! to (?:keep|meet|disagree|reconvene|continue|break|resume|talk|a recess)| on (?:an|the) (?:agenda|schedule|time))|accept(?! that (?:the|we|you|it|there|our|your|nuclear|this|these|they|he|she|a|an|no|all|peace|security|denuclearization) )|accepted|acceptable|acept|^deal|(?:have|got|is) a deal|have (?:an )?agreement|fine|ok|okay|alright|all right|yes|yeah|yep|"
    r"very well|we can live with|live with (?:that|this|it)|sounds (?:good|fair|reasonable|right|acceptable)|"
    r"(?:that|this|it) works|works for us|on board|we concur|concur|confirm (?:our )?agreement|agreeable to (?:us|my|our)|consider it done|let us do (?:it|this)|done|"
    r"approved?|accepts|works? for us|go along with|we can work with|we will take (?:it|that|this)(?! under| back| up| to| home)|got (?:yourself )?a deal|strike (?:that|the|a) deal|endorse|why not|we will sign|aggreed|agred|no (?:objection|problem)s?|we take (?:it|that|this)|sign on to (?:it|that|this)|sign off on (?:it|that|this)|count us in|settled(?! peacefully| by| through| in)|let us sign|sign (?:it|here)|"
    r"write it (?:down|up)|shake on it|it is a deal|go ahead(?! with your)|roger|affirmative|we have an agreement|we have a deal|"
    r"you have a deal|agreement reached|we are agreed|that suits us|suits us|good with (?:that|this)|we are in)\b|"
    # a whole sentence of assent: "Sure.", "Yes, of course."
    r"(?<![\w ])(?:(?:sure|certainly|of course|absolutely|yes|yeah|yep|indeed)(?: thing| then| ,)?\s?)+(?![\w ])"
)
REJECT = _boundary_first(
    r"(?:^no\b(?! objection| problem)|\bno(?: [,;:]|$)|\bnot interested\b|\bbad deal\b|\bsays? no\b|\bdead on arrival\b|\bimpossible\b|\bis rejected\b|\bnope\b|^never\b|\bnever (?:will|agree|accept|happen)|\b(?:will|would) never do\b|\bnever do (?:that|it)\b|\brefuse|\breject|\bdecline|\bunacceptable\b|\bnon ?starter\b|\bcan not make\b|\bnot (?:going to|gonna) (?:agree|accept|sign)\b|\bnever be on the (?:agenda|table)\b|\bfalls? (?:\w+ )?short\b|\bcan not be accepted\b|\b(?:have to|will|must|going to) pass\b|\bnot in this lifetime\b|\b(?:not|never) (?:gonna|going to) (?:fly|sign)\b|\bwill not fly\b|\bnot (?:allow|permit) (?:me|us) to (?:agree|accept|sign)\b|\banswer is no\b|\bturn (?:that|this|it) down\b|\bturn down (?:that|this|the|your)\b|\bcan not to accept\b|\bnot (?:the |a )?(?:subject|part) of (?:these|this|the|our) (?:discussions?|negotiations?|talks|meeting|agenda)\b|"
    r"\bout of the question\b|\boff the table\b|\bnot on the table\b|\bnot negotiable\b|\bnon negotiable\b|"
    r"\bno way\b|\babsolutely not\b|\bnot (?:going to|gonna) happen\b|\b(?:does|do|will|would) not work\b|"
    r"\bforget it\b|\btoo (?:much|little|far)\b|\bnot enough\b|\binsufficient\b|\bno deal\b|"
    r"\bnot (?:acceptable|possible|something we)\b|\bthe answer is no\b|\bnothing doing\b|"
    r"\b(?:can|could|will|would|do|does) not (?:accept|agree|do|take|support|go along|sign|approve|consider|discuss)\b|"
    r"\bnot (?:agree|accept)\b|\bwe disagree\b|\bnot (?:for|with) us\b|\bnegative\b|\bnot happening\b|"
    r"\bdo not think (?:we can|so|that (?:works|is possible))\b|\bno can do\b|\bhard pass\b|\bno thanks?\b|"
    r"\b(?:unable|not able|not be able|in no position|not in a position) to (?:accept|agree|support|consider|go along)\b|\bpass on (?:that|this|it)\b|"
    r"\bnot a bargaining chip\b|\bnot a chance\b|\bno chance\b|\bnot sign\w* (?:that|this|it|anything)\b|\bnot this (?:round|time|year)\b|\bnot (?:now|today)\b|\bstays? where (?:it|they) (?:is|are)\b|\b(?:stays?|remains?) in place\b)"
)
PROCEDURE = re.compile(
    r"\b(?:good (?:morning|afternoon|evening|day)|hello|hi|thx|bye|goodbye|greetings|welcome|thank|thanks|break(?! down| up| off| through| with)|recess|lunch|dinner|"
    r"before we begin|definitions|ground rules|"
    r"coffee|tea|adjourn|write down what|before we continue|shall we (?:begin|start|proceed|continue|get started)|moving on|move on to|item (?:one|two|three|four|five|six|\d+)|go ahead with your|your (?:statement|presentation|remarks)|(?:session|meeting|day|round) to a close|wrap (?:up|it up|things up)|call it a day|under advisement|table (?:this|it|that) (?:for now|until|for later)|park (?:this|it|that)|in writing before|before we respond|take (?:\w+ )?notes|(?:one|a) (?:moment|minute|second)|hold on|bear with|call (?:ourside|my capital|home|ourside)|o clock|resume (?:at|after|tomorrow|later|in the (?:morning|afternoon))|reconvene|agenda|schedule|minutes|interpret\w*|translat\w*|repeat|say (?:that|it) again|"
    r"speak up|pause|take (?:five|ten)|next (?:session|item|round|meeting)|let us (?:begin|start|continue|move on|proceed|get started)|"
    r"consult|check with|talk to (?:my|our)|get back to you|our team|my team|capital|hosts?|nice to meet|pleasure)\b"
)
PRINCIPLE = re.compile(
    r"\b(?:goal|aim|objective|vision|in principle|long ?term|ultimately|remains? committed|committed to|literature|"
    r"historically|by way of background|i digress|always believed|has always been|central to|one day|matters|"
    r"always for|stand for|ever signed|part of every|any agreement|(?:accept|agree|recognize) that (?:the|we|you|it|there|our|your|nuclear|this|these|they|he|she|a|an|no|all|peace|security|denuclearization)|"
    r"we believe|believe in|we both|both (?:our|sides)|shared|everyone|nobody|no one|in the interest|"
    r"policy remains|remains? our|remains? the (?:policy|goal|aim|position|objective)|backbone|cornerstone|at the heart of|only as (?:strong|good|durable)|any (?:\w+ ){0,2}(?:agreement|arrangement|deal))\b"
)
INSISTING = re.compile(
    r"\b(?:must|need|needs|have to|has to|require|requires|insist|demand|expect|should|want you|got to|essential|precondition)\b"
)
FIRM_INSISTING = re.compile(
    r"\b(?:must|need|needs|have to|has to|require|requires|insist|demand|want you|got to|first|but|if|provided|for(?! us\b| them\b| both| everyone| all\b)|(?:you|your \w+) should|"
    r"in exchange|in return|subject to|against)\b"
)
WH_STATEMENT = re.compile(
    r"^(?:what|how|why|where|when) (?:we|i|they|you) (?!would|could|can|will|should|do|did|does|might|may)\w+|"
    r"^what (?:we|i) (?:can|could|will) (?:\w+ ){0,3}?(?:is|are)\b|^what (?:has|have|needs?|must|ought) to \w+ (?:\w+ )?(?:is|are)\b"
)
DROPPED_DEMAND = re.compile(
    r"\b(?:(?:forget|drop|withdraw|set aside|abandon|waive|give up on|let go of|scrap|back off)\s+"
    r"(?:what i said|that|this|our demand|the demand|our insistence|our request|that condition|the condition|"
    r"our precondition|the precondition|that requirement|our requirement)|"
    r"no longer (?:insist|demand|require|ask|need|expect|push)|"
    r"not (?:\w+ ){0,3}?(?:insist|demand|ask|require|need|push|expect|make)\w*\b[^.?]{0,60}"
    r"\b(?:first|upfront|up front|right away|right now|immediately|anymore|any more|as a precondition|precondition|now|"
    r"at this stage|yet|before|day one)|"
    r"(?:withdraw|drop|abandon|waive|set\w* aside|scrap|shelve)\w* (?:\w+ ){0,4}?(?:precondition|demand|request|insistence|deadline|ultimatum|"
    r"condition|requirement|ask)s?\b|no longer (?:\w+ )?make|(?:not|no longer) press (?:that|this|the) (?:point|issue|demand)|stop asking for|set\w* (?:it|that|this) aside|(?:demand|request|precondition|point) (?:\w+ )?can wait|"
    r"renounc\w* (?:to )?(?:our|the|that|this) (?:\w+ )?(?:demand|request|precondition|insistence)|"
    r"(?:forget|drop|withdraw|abandon|scrap|set aside) (?:the|our|that|this) (?:\w+ ){0,3}?(?:we|i) "
    r"(?:proposed|asked for|demanded|requested|insisted on)|work without it|"
    r"(?:forget|drop)\w* (?:the|our) (?:\w+ ){0,3}?demand|we drop it|no (?:more )?preconditions)"
)
FLOATING = re.compile(
    r"\b(?:if we|if our|if ourside|suppose|supposing|what if|were we|should we|in exchange for|"
    r"in return for|could we|would it help if|what do (?:i|we) get for|what would (?:i|we) get for)\b"
)
