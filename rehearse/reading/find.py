"""Stage 2 of reading: the playbook's items and the names of both sides, in each sentence.

Items are found first, from the phrases the playbook's author wrote (``lexicon.py``); an item's
cue words may turn it into a more specific item (``cues`` in the playbook). Side names are
then found in the words no item used and collapsed into one token each, ``ourside`` for the
user's side and ``theirside`` for the persona's, so the shared patterns never name a country.
"""

from __future__ import annotations

from collections.abc import Iterable

from rehearse.content.playbook import Playbook
from rehearse.reading.lexicon import Lexicon, Match, SideNames
from rehearse.reading.sentences import Sentence, clauses
from rehearse.reading.text import stems


class Finder:
    """Finds items, topics and side names in sentences, for one playbook."""

    def __init__(self, playbook: Playbook, known: Iterable[str] = ()) -> None:
        self.lexicon = Lexicon(playbook.items.values(), playbook.topics, known)
        self.sides = SideNames(playbook.sides.user, playbook.sides.persona)
        self._cues = {
            item.id: (item.instead_of, [c.lower() for c in item.cues])
            for item in playbook.items.values()
            if item.cues
        }

    def mask_capitals(self, text: str) -> str:
        """Mask side names written in capitals ("US"), before the text is lower-cased."""
        return self.sides.mask_capitals(text)

    def find(self, s: Sentence) -> list[Match]:
        """Return the item matches of a sentence, its side names collapsed into side tokens."""
        matches = self._apply_cues(s, self.lexicon.find_items(s.raw, s.stemmed))
        taken: set[int] = set().union(*(m.used for m in matches)) if matches else set()
        spans = self.sides.find(s.raw, taken)
        return _collapse(s, matches, spans) if spans else matches

    def topics(self, s: Sentence) -> list[str]:
        """Return the topics a sentence names, in order."""
        return self.lexicon.find_topics(s.raw, s.stemmed)

    def _apply_cues(self, s: Sentence, matches: list[Match]) -> list[Match]:
        if not self._cues:
            return matches
        out: list[Match] = []
        bounds = clauses(s.raw)
        for match in matches:
            key = match.key
            scope = [
                " " + " ".join(s.raw[lo:hi]) + " "
                for lo, hi in bounds
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


def _collapse(s: Sentence, matches: list[Match], spans: list[tuple[int, int, str]]) -> list[Match]:
    """Replace each side name by its token in the sentence, moving the item matches with it."""
    position: list[int] = []
    raw: list[str] = []
    shown: list[str] = []
    starts = {start: (end, token) for start, end, token in spans}
    i = 0
    while i < len(s.raw):
        if i in starts:
            end, token = starts[i]
            position.extend([len(raw)] * (end - i))
            raw.append(token)
            shown.append(" ".join(s.shown[i:end]))
            i = end
            continue
        position.append(len(raw))
        raw.append(s.raw[i])
        shown.append(s.shown[i])
        i += 1
    s.raw = raw
    s.shown = shown
    s.stemmed = stems(raw)
    s.joined = " ".join(raw)
    return [
        Match(
            m.key, position[m.start], position[m.end - 1] + 1, frozenset(position[u] for u in m.used), m.weak
        )
        for m in matches
    ]
