"""Finding a playbook's items and topics in a message, from the phrases its author wrote.

Phrase syntax (docs/playbooks.md): words match their stem ('tests' matches 'test'); a word ending
in ``*`` matches any word it begins ('sanction*'); ``..`` allows up to six words in between;
small filler words ('the', 'your', 'all', ...) may stand between any two phrase words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rehearse.content.playbook import Item
from rehearse.reading.text import clean, stem, tokens
from rehearse.reading.typos import Speller

FILLERS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "your",
        "our",
        "its",
        "their",
        "all",
        "any",
        "this",
        "these",
        "those",
        "that",
        "his",
        "her",
        "my",
        "some",
        "on",
        "in",
        "at",
        "very",
        "whole",
        "entire",
        "two",
        "both",
        "new",
    ]
)
GAP = 6
GAP_STOPS = frozenset({"but", "if", "unless", "until", "or", "while", "because", "whereas"})
SUBJECTS = frozenset({"we", "you", "i", "they", "your", "our"})
MAX_FILLERS = 2


@dataclass(frozen=True)
class _Word:
    text: str
    prefix: bool
    gap: int


@dataclass(frozen=True)
class Match:
    """One phrase found in a message: what it names, the tokens it spans and the ones it used."""

    key: str
    start: int
    end: int
    used: frozenset[int]
    weak: bool = False


def compile_phrase(phrase: str) -> tuple[_Word, ...]:
    """Turn a phrase's text into the words the matcher walks."""
    words: list[_Word] = []
    gap = 0
    for raw in phrase.lstrip("~").replace("-", " ").split():
        if raw == "..":
            gap = GAP
            continue
        prefix = raw.endswith("*")
        text = raw.rstrip("*").lower()
        for part in tokens(text) or [text]:
            words.append(_Word(part if prefix else stem(part), prefix, gap))
            gap = 0
    return tuple(words)


def _word_matches(word: _Word, token: str, raw: str) -> bool:
    if word.prefix:
        return raw.startswith(word.text)
    return token == word.text


class Lexicon:
    """Matches item and topic phrases against the stems of a sentence."""

    def __init__(
        self, items: Iterable[Item], topics: Mapping[str, Iterable[str]], known: Iterable[str] = ()
    ) -> None:
        self.items = {item.id: item for item in items}
        self._sides = {key: item.side for key, item in self.items.items()}
        self._item_phrases = self._index((item.id, p) for item in self.items.values() for p in item.phrases)
        self._topic_phrases = self._index((name, p) for name, ps in topics.items() for p in ps)
        self._exclusions = self._index((item.id, p) for item in self.items.values() for p in item.exclude)
        words = [w for index in (self._item_phrases, self._topic_phrases) for w in index.words()]
        self.speller = Speller(
            (w.text for w in words if not w.prefix), (w.text for w in words if w.prefix), known
        )

    def spelled(self, raw: list[str], stemmed: list[str]) -> tuple[list[str], list[str]]:
        """Return the words with misspelt phrase words corrected (the same lists if none is)."""
        fixed_raw, fixed_stems = raw, stemmed
        for i, word in enumerate(raw):
            meant = self.speller.correct(word)
            if meant is not None:
                if fixed_raw is raw:
                    fixed_raw, fixed_stems = list(raw), list(stemmed)
                fixed_raw[i] = fixed_stems[i] = meant
        return fixed_raw, fixed_stems

    @staticmethod
    def _index(pairs: Iterable[tuple[str, str]]) -> _Index:
        index = _Index()
        for key, phrase in pairs:
            words = compile_phrase(phrase)
            if not words:
                continue
            if phrase.startswith("~"):
                index.weak.add(id(words))
            if words[0].prefix:
                index.by_prefix.setdefault(words[0].text, []).append((key, words))
            else:
                index.by_first.setdefault(words[0].text, []).append((key, words))
        return index

    def find_items(self, raw: list[str], stemmed: list[str]) -> list[Match]:
        """Return item matches in a sentence, dropping any whose words a longer match used."""
        raw, stemmed = self.spelled(raw, stemmed)
        found = _find(self._item_phrases, raw, stemmed)
        if self._exclusions.by_first or self._exclusions.by_prefix:
            blocked = _find(self._exclusions, raw, stemmed)
            found = [m for m in found if not any(b.key == m.key and b.used & m.used for b in blocked)]
        found = [m for m in found if not _spans_other(m, found, self._sides, other_side_only=True)]
        found.sort(key=lambda m: (-len(m.used), m.weak, m.start))
        kept: list[Match] = []
        repeats: list[Match] = []
        for match in found:
            # a longer match of another item wins, whichever of that item's matches it is
            if any(match.key != k.key and match.used <= k.used for k in (*kept, *repeats)):
                continue
            if any(match.key == k.key for k in kept):
                repeats.append(match)
                continue
            kept.append(match)
        side = self._sides
        strong = {k.key for k in kept if not k.weak}
        kept = [
            k
            for k in kept
            if not k.weak or not {s for s in strong - {k.key} if side.get(s) == side.get(k.key)}
        ]
        kept = [k for k in kept if not _spans_other(k, kept, side)]
        kept = [_merged(k, [r for r in repeats if r.key == k.key]) for k in kept]
        return sorted(kept, key=lambda m: m.start)

    def find_topics(self, raw: list[str], stemmed: list[str]) -> list[str]:
        """Return the topics named in a sentence, in the order they appear."""
        seen: list[str] = []
        for match in sorted(_find(self._topic_phrases, raw, stemmed), key=lambda m: m.start):
            if match.key not in seen:
                seen.append(match.key)
        return seen


def _merged(match: Match, repeats: list[Match]) -> Match:
    """Fold other mentions of the same item into one match, so their words are not read twice."""
    if not repeats:
        return match
    used = match.used.union(*(r.used for r in repeats))
    return Match(match.key, min(used), max(used) + 1, frozenset(used), match.weak)


def _spans_other(
    match: Match, others: list[Match], side: Mapping[str, str], other_side_only: bool = False
) -> bool:
    """Return whether a gap in ``match`` holds a whole match of another item.

    With ``other_side_only``, a one-word item of the other side ("suspend the exercises for a
    test freeze" is not "suspend .. test"); otherwise any match of several words.
    """
    gaps = set(range(match.start, match.end)) - match.used
    for o in others:
        if o.key == match.key or not o.used <= gaps:
            continue
        if other_side_only:
            if side.get(o.key) != side.get(match.key) and len(o.used) == 1:
                return True
        elif len(o.used) > 1:
            return True
    return False


class _Index:
    """Phrases indexed by their first word, so a sentence is scanned once."""

    def __init__(self) -> None:
        self.by_first: dict[str, list[tuple[str, tuple[_Word, ...]]]] = {}
        self.by_prefix: dict[str, list[tuple[str, tuple[_Word, ...]]]] = {}
        self._lengths: list[int] | None = None
        self.weak: set[int] = set()
        self._memo: dict[tuple[str, str], list[tuple[str, tuple[_Word, ...]]]] = {}

    def words(self) -> list[_Word]:
        """Return every phrase word of the index."""
        return [
            w
            for table in (self.by_first, self.by_prefix)
            for entries in table.values()
            for _, ws in entries
            for w in ws
        ]

    def candidates(self, raw: str, stemmed: str) -> list[tuple[str, tuple[_Word, ...]]]:
        """Return the phrases whose first word matches this token (remembered per token)."""
        memo = self._memo.get((raw, stemmed))
        if memo is not None:
            return memo
        if self._lengths is None:
            self._lengths = sorted({len(p) for p in self.by_prefix})
        found = list(self.by_first.get(stemmed, ()))
        for length in self._lengths:
            if length > len(raw):
                break
            found.extend(self.by_prefix.get(raw[:length], ()))
        if len(self._memo) < 50_000:
            self._memo[(raw, stemmed)] = found
        return found


def _find(index: _Index, raw: list[str], stemmed: list[str]) -> list[Match]:
    out: list[Match] = []
    done: set[int] = set()
    n = len(raw)
    for start in range(n):
        for key, words in index.candidates(raw[start], stemmed[start]):
            if id(words) in done:
                continue
            end = _match_rest(words, raw, stemmed, start, n) if len(words) > 1 else [start]
            if end is not None:
                done.add(id(words))
                out.append(Match(key, start, end[-1] + 1, frozenset(end), id(words) in index.weak))
    return out


def _match_rest(
    words: tuple[_Word, ...], raw: list[str], stemmed: list[str], start: int, n: int
) -> list[int] | None:
    used = [start]
    pos = start + 1
    for word in words[1:]:
        limit = pos + (word.gap if word.gap else MAX_FILLERS)
        hit = -1
        j = pos
        while j < n and j <= limit:
            if _word_matches(word, stemmed[j], raw[j]):
                hit = j
                break
            if raw[j] in ",;:?" or (not word.gap and raw[j] not in FILLERS):
                break
            if raw[j] in GAP_STOPS or (raw[j] == "and" and j + 1 < n and raw[j + 1] in SUBJECTS):
                break
            j += 1
        if hit < 0:
            return None
        used.append(hit)
        pos = hit + 1
    return used


OUR_SIDE = "ourside"
THEIR_SIDE = "theirside"
_ACRONYM = re.compile(r"^[A-Z](?:[A-Z.]*[A-Z.])?$")


class SideNames:
    """Finds how each side is named (the playbook's ``sides``) so a sentence reads "our side"/"their side".

    Names in capitals ("US", "U.S.") match only as typed in capitals, in the original text, so
    the pronoun "us" is never taken for a country; other names match on the cleaned words, a
    final ``*`` allowing endings ("Ruritan*" finds "Ruritanians").
    """

    def __init__(self, user: Iterable[str], persona: Iterable[str]) -> None:
        acronyms: list[tuple[str, str]] = []
        self._phrases: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
        for names, token in ((user, OUR_SIDE), (persona, THEIR_SIDE)):
            for name in names:
                if _ACRONYM.match(name):
                    acronyms.append((name, token))
                    continue
                words = tokens(clean(name.rstrip("*")))
                if words:
                    entry = (tuple(words), name.endswith("*"), token)
                    self._phrases.setdefault(words[0], []).append(entry)
        for entries in self._phrases.values():
            entries.sort(key=lambda e: -len(e[0]))
        acronyms.sort(key=lambda a: -len(a[0]))
        self._acronyms = (
            re.compile(
                r"(?<![A-Za-z.])(?:"
                + "|".join(
                    re.escape(a) + (r"(?![A-Za-z])" if a[-1] == "." else r"(?![A-Za-z.])")
                    for a, _ in acronyms
                )
                + ")"
            )
            if acronyms
            else None
        )
        self._acronym_token = dict(acronyms)
        self._open_words = [
            (first, entry)
            for first, entries in self._phrases.items()
            for entry in entries
            if len(entry[0]) == 1 and entry[1]
        ]
        self._prefixed_memo: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}

    def mask_capitals(self, text: str) -> str:
        """Replace the names written in capitals by their side token, unless the whole text shouts."""
        if self._acronyms is None or not self._acronyms.search(text):
            return text
        letters = [c for c in text if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
            return text
        return self._acronyms.sub(lambda m: f" {self._acronym_token[m.group(0)]} ", text)

    def find(self, raw: list[str], taken: set[int]) -> list[tuple[int, int, str]]:
        """Return (start, end, side token) of every side name in these words, outside ``taken``."""
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(raw):
            hit = None
            if i not in taken:
                for words, open_end, token in self._phrases.get(raw[i], ()) or self._prefixed(raw[i]):
                    end = i + len(words)
                    if end > len(raw) or any(j in taken for j in range(i, end)):
                        continue
                    head, last = raw[i : end - 1], raw[end - 1]
                    if list(head) == list(words[:-1]) and (
                        last == words[-1] or (open_end and last.startswith(words[-1]))
                    ):
                        hit = (i, end, token)
                        break
            if hit:
                found.append(hit)
                i = hit[1]
            else:
                i += 1
        return found

    def _prefixed(self, word: str) -> list[tuple[tuple[str, ...], bool, str]]:
        """Return one-word open-ended names that ``word`` begins with ("ruritanians" for "Ruritan*")."""
        found = self._prefixed_memo.get(word)
        if found is None:
            found = [entry for first, entry in self._open_words if word.startswith(first) and word != first]
            if len(self._prefixed_memo) < 50_000:
                self._prefixed_memo[word] = found
        return found
