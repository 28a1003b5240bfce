"""Word sets: single words (or stems) the reader looks for around an item."""

from __future__ import annotations

# Words that negate a step near an item (an odd number of them turns an offer into a refusal).
# Example: "We will not lift sanctions."
NEGATIONS = frozenset(
    {"not", "no", "never", "nor", "neither", "nothing", "without", "refuse", "refuses", "unable"}
)

# Words by which the user's side names itself (a question with them floats an offer of ours).
# Example: "Could we ease sanctions?"
FIRST_PERSON = frozenset({"we", "us", "our", "my", "ourside"})

# Words that, right after 'and', open a new clause with its own subject.
# Example: "Freeze the reactor and we will ease sanctions."
SUBJECT_AFTER_AND = frozenset(
    {"we", "you", "i", "they", "your", "our", "the", "ourside", "theirside", "there"}
)

# Words that end an item's clause: conditions, exchanges, contrasts and time.
# Example: "We will lift sanctions if you freeze testing."
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

# Word stems that stop an activity (exercises, a hostile policy): with them, the activity is offered.
# Example: "We will suspend the joint exercises."
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

# Word stems that carry an activity on: with them and no negation, the activity is not offered.
# Example: "We will continue the exercises."
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
# Example: "We will withhold the food aid."
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

# Word stems that acknowledge a step already taken: the other side's item is not asked for.
# Example: "We welcome your test moratorium."
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

# Verbs of wanting: 'you want X' names their wish, so X is only mentioned, not offered.
# Example: "You want sanctions relief."
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
