"""Typo-tolerant item finding: a misspelt word is read as the phrase word it is one edit from.

"exercizes", "freze", "kaesung", "reunoins" and "loudspeakrs" are each one insertion, deletion,
substitution or swap of two neighbours from a word of a playbook phrase. A word is corrected
only if it is not a known word (one of the phrase words, or a word of the labelled corpora the
model was trained on) and has at least five letters; among several phrase words one edit away,
the most general wins, then the one sharing the longest start with the word; a tie is left as
typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from rehearse.reading.text import stem

MIN_LENGTH = 5


def within_one_edit(a: str, b: str) -> bool:
    """Return whether ``a`` and ``b`` differ by at most one edit (Damerau: a swap counts as one)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


class Speller:
    """Corrects unknown words to the phrase word (stem or prefix) they are one edit from."""

    def __init__(self, stems: Iterable[str], prefixes: Iterable[str], known: Iterable[str]) -> None:
        self._stems = sorted({s for s in stems if len(s) >= MIN_LENGTH - 1})
        self._prefixes = sorted({p for p in prefixes if len(p) >= MIN_LENGTH - 1})
        self._known = frozenset(known) | frozenset(self._stems)
        self._memo: dict[str, str | None] = {}

    @property
    def known(self) -> frozenset[str]:
        """Return the words never taken for a misspelling."""
        return self._known

    def correct(self, word: str) -> str | None:
        """Return the phrase word ``word`` was meant to be, or None to leave it as typed."""
        if len(word) < MIN_LENGTH or not word.isalpha() or word in self._known or stem(word) in self._known:
            return None
        if word in self._memo:
            return self._memo[word]
        found = self._find(word)
        if len(self._memo) < 20_000:
            self._memo[word] = found
        return found

    def _find(self, word: str) -> str | None:
        if any(word.startswith(p) for p in self._prefixes):
            return None
        candidates: set[str] = set()
        base = stem(word)
        for s in self._stems:
            if s[0] == word[0] and within_one_edit(base, s):
                candidates.add(s)
        for p in self._prefixes:
            if p[0] != word[0] and p[:2] != word[1::-1]:
                continue
            n = len(p)
            if any(within_one_edit(word[:m], p) for m in (n - 1, n, n + 1) if m <= len(word)):
                candidates.add(p)
        return _best(word, candidates)


def _best(word: str, candidates: set[str]) -> str | None:
    """Return the one candidate meant: the most general of a family, then the longest shared start."""
    general = {c for c in candidates if not any(o != c and c.startswith(o) for o in candidates)}
    if len(general) <= 1:
        return next(iter(general), None)
    shared = {c: _common_start(word, c) for c in general}
    best = max(shared.values())
    winners = [c for c, n in shared.items() if n == best]
    return winners[0] if len(winners) == 1 else None


def _common_start(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n
