"""Stage 3d of reading: a learned second opinion on what each found item is doing.

The rules say whether an item the user gives is offered, refused or only mentioned, and whether
one the persona gives is asked for (``roles.py``). A small logistic model, trained on the same
corpora as the kind model, weighs the words around each item (masked: other items by their
role, this one as X, sides as ``ourside``/``theirside``) together with the rules' verdict, and
has the last word: "we will restore X if you ASK" offers X, "let us park X for now" does not.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from itertools import pairwise
from typing import Any

from rehearse.content.playbook import Item
from rehearse.reading.lexicon import Match
from rehearse.reading.mask import FOCUS, role_of, sentence_words
from rehearse.reading.roles import activity_verbs
from rehearse.reading.sentences import Sentence

WINDOW = 6
FLIP_MARGIN = 0.25
"""How far past even the model must be to overturn the rules' verdict on an item (0.2 and 0.25 tie in
leave-one-persona-out cross-validation; the wider margin keeps rule 8 in questions)."""


def occurrence_features(s: Sentence, match: Match, items: Mapping[str, Item]) -> list[str]:
    """Return the features of one item found in a sentence."""
    item = items[match.key]
    side = item.side
    words = sentence_words(s, items, focus=match)
    x = words.index(FOCUS) if FOCUS in words else 0
    left = words[max(0, x - WINDOW) : x]
    right = words[x + 1 : x + 1 + WINDOW]
    base = [
        f"rule={role_of(s, item)}",
        f"q={s.question}",
        f"threat={s.threat}",
        f"told={s.told}",
        f"principle={s.principle}",
        f"dropped={s.dropped}",
        f"refrain={item.refrain}",
        f"first={words[0]}",
        f"L1={left[-1] if left else '<s>'}",
        f"L2={' '.join(left[-2:]) if len(left) > 1 else '<s>'}",
        f"R1={right[0] if right else '</s>'}",
        f"R2={' '.join(right[:2]) if len(right) > 1 else '</s>'}",
    ]
    agent = _agent(words[_clause_start(words, x) : x])
    base.append(f"agent={agent}")
    conditional = next((w for w in reversed(left) if w in _CONDITIONS), "")
    if conditional:  # "if we X" floats an offer; "if the X resumed" does not
        base.append(f"{conditional}+agent={agent}")
    stopping, doing = activity_verbs(left[-3:] + right[:3])
    base.append(f"activity={'stop' if stopping else 'do' if doing else 'none'}")
    base.extend(f"L:{w}" for w in left)
    base.extend(f"R:{w}" for w in right)
    base.extend(f"LB:{a} {b}" for a, b in pairwise(left))
    base.extend(f"RB:{a} {b}" for a, b in pairwise(right))
    base.extend(f"S:{w}" for w in words)
    return [f"{side}|{f}" for f in base]


_CONDITIONS = frozenset({"if", "unless", "once", "provided", "when", "until"})
_OURS = frozenset({"we", "us", "our", "ours", "i", "my", "ourside"})
_THEIRS = frozenset({"you", "your", "yours", "theirside"})
_CLAUSE_BREAKS = frozenset(
    {",", ";", ":", ".", "?", "!", "if", "unless", "and", "but", "or", "once", "when", "while"}
)


def _clause_start(words: list[str], x: int) -> int:
    """Return where the clause holding position ``x`` begins."""
    i = x
    while i > 0 and words[i - 1] not in _CLAUSE_BREAKS:
        i -= 1
    return i


def _agent(before: list[str]) -> str:
    """Return who acts in the clause before the item: 'we', 'you', or 'none' (the nearest wins)."""
    for word in reversed(before):
        if word in _OURS:
            return "we"
        if word in _THEIRS:
            return "you"
    return "none"


class RoleModel:
    """Logistic weights over occurrence features: the probability that an item is offered or asked."""

    def __init__(self, data: Mapping[str, Any], scale: float) -> None:
        self.margin = float(data.get("margin", FLIP_MARGIN))
        self.bias = float(data["bias"]) / scale
        self.weights = {name: w / scale for name, w in data["weights"].items()}

    def probability(self, features: list[str]) -> float:
        """Return the probability that the item is really offered (user side) or asked (persona side)."""
        weights = self.weights
        z = self.bias + sum(weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


def apply_role_model(sentences: list[Sentence], items: Mapping[str, Item], model: RoleModel) -> None:
    """Let the model decide, item by item, what the rules read as offered, asked or neither."""
    verdicts: list[tuple[Sentence, Item, bool]] = []
    for s in sentences:
        for match in s.matches:
            item = items[match.key]
            ruled = item.id in (s.gives if item.side == "user" else s.asks)
            p = model.probability(occurrence_features(s, match, items))
            on = p >= 0.5 - model.margin if ruled else p >= 0.5 + model.margin
            verdicts.append((s, item, on))
    for s, item, on in verdicts:
        if item.side == "user":
            if on:
                s.gives.add(item.id)
                s.refused.discard(item.id)
                s.mentioned.discard(item.id)
            elif item.id in s.gives:
                s.gives.discard(item.id)
                s.mentioned.add(item.id)
        elif on:
            s.asks.add(item.id)
            s.mentioned.discard(item.id)
        elif item.id in s.asks:
            s.asks.discard(item.id)
            s.mentioned.add(item.id)
