"""Stage 4 of reading: the message as the model sees it, items and sides replaced by their roles.

"We will restore the military hotline if you end the loudspeaker broadcasts" becomes
"we will GIVE if you ASK": the model learns how people offer and ask, not which items a
scenario has, so what it learns on one delegation holds for the next.
"""

from __future__ import annotations

from collections.abc import Mapping

from rehearse.content.playbook import Item
from rehearse.reading.lexicon import Match
from rehearse.reading.sentences import Sentence

GIVE = "GIVE"
"""An item the user gives, read as offered."""
REFUSED = "REFUSED"
"""An item the user gives, read as refused or withheld."""
OURS = "OURITEM"
"""An item the user gives, only mentioned."""
ASK = "ASK"
"""An item the persona gives, read as asked for."""
THEIRS = "THEIRITEM"
"""An item the persona gives, only mentioned (acknowledged, deferred, reported)."""
ROLE_TOKENS = frozenset({GIVE, REFUSED, OURS, ASK, THEIRS, "X"})


def role_of(s: Sentence, item: Item) -> str:
    """Return the role token of an item found in a sentence."""
    if item.side == "user":
        return GIVE if item.id in s.gives else REFUSED if item.id in s.refused else OURS
    return ASK if item.id in s.asks else THEIRS


FOCUS = "X"
"""The item whose role is being read, in the words the item-role model sees."""


def sentence_words(s: Sentence, items: Mapping[str, Item], focus: Match | None = None) -> list[str]:
    """Return a sentence's words with each item's words replaced by one role token (``focus`` by X).

    Digits become '0'; the sentence ends with its mark ('?', '!', '.').
    """
    out: list[str] = []
    role_at: dict[int, str] = {}
    for match in s.matches:
        if match is not focus:
            role = role_of(s, items[match.key])
            for position in match.used:
                role_at[position] = role
    if focus is not None:  # the focus item wins words it shares with another
        for position in focus.used:
            role_at[position] = FOCUS
    previous = ""
    for position, word in enumerate(s.raw):
        found = role_at.get(position)
        if found is not None:
            if found != previous:
                out.append(found)
            previous = found
            continue
        previous = ""
        out.append("0" if word.isdigit() else word)
    out.append(s.mark or ".")
    return out


def masked_words(sentences: list[Sentence], items: Mapping[str, Item]) -> list[str]:
    """Return the words of the message, each item's words replaced by its role token."""
    return [word for s in sentences for word in sentence_words(s, items)]
