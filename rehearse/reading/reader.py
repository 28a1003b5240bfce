"""Reading a message as a move, one way through the stages (docs/reading.md).

1. ``text`` and ``sentences``: clean the text, split it into sentences;
2. ``find``: the playbook's items and both sides' names;
3. ``roles``, ``threats``, ``cues``: what each item does (offered, asked, refused, mentioned),
   threat phrases, and the rules' own reading;
4. ``mask``: items and sides replaced by their roles;
5. ``features``: word and character n-grams of the masked text, and the rules' cues;
6. ``model``: a linear model's probability for each kind;
7. ``decide``: the best kind that fits the items found, with its confidence and evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from rehearse.content.playbook import Playbook
from rehearse.moves import Move
from rehearse.reading.cues import rule_move
from rehearse.reading.decide import decide
from rehearse.reading.evidence import evidence
from rehearse.reading.features import cue_features, word_features
from rehearse.reading.find import Finder
from rehearse.reading.intents import NO_INTENTS, Intents, read_intents
from rehearse.reading.itemroles import RoleModel, apply_role_model
from rehearse.reading.mask import masked_words
from rehearse.reading.model import KindModel, probabilities, shipped_model
from rehearse.reading.roles import apply_grants, read_roles
from rehearse.reading.sentences import Sentence, split_sentences
from rehearse.reading.text import clean

MEMO_SIZE = 4096
SENTENCE_MEMO_SIZE = 8192


def copy_sentence(sentence: Sentence) -> Sentence:
    """Return a copy of a sentence whose sets and lists can be changed without touching the original."""
    values: dict[str, Any] = {
        f.name: (type(v)(v) if isinstance(v, (set, list)) else v)
        for f in fields(Sentence)
        for v in [getattr(sentence, f.name)]
    }
    return Sentence(**values)


@dataclass(frozen=True)
class Reading:
    """How one message was read: the move, the topics it names, confidence and evidence."""

    move: Move
    topic: str = ""
    """The first topic the message names ('' if none)."""
    confidence: float = 1.0
    evidence: tuple[str, ...] = ()
    rules: Move | None = field(default=None, compare=False)
    """The move the rules alone would have read (for diagnostics)."""
    intents: Intents = NO_INTENTS
    """What the message does to the deal as a whole (assents, closes, strikes, puts off)."""
    topics: tuple[str, ...] = ()
    """Every topic the message names, in any sentence, in the order first named."""


@dataclass
class Analysis:
    """Everything the stages before the model found in a message."""

    sentences: list[Sentence]
    topics: tuple[str, ...]
    rule: Move
    words: list[str]

    @property
    def topic(self) -> str:
        """Return the first topic the message names ('' if none)."""
        return self.topics[0] if self.topics else ""


class Reader:
    """Reads messages for one persona: its items and sides, the shared patterns and the model."""

    def __init__(
        self,
        playbook: Playbook,
        model: KindModel | None = None,
        *,
        use_model: bool = True,
        known: Iterable[str] | None = None,
    ) -> None:
        self.playbook = playbook
        self.model = (model or shipped_model()) if use_model else None
        if known is None:
            vocabulary_source = self.model or shipped_model()
            known = vocabulary_source.vocabulary if vocabulary_source is not None else frozenset()
        self.finder = Finder(playbook, known)
        self.memo = True
        """Remember whole messages read (a message seen before costs a lookup)."""
        self.sentence_memo = True
        """Remember each sentence's items and roles, so a long draft re-reads only what changed."""
        self._memo: dict[str, Reading] = {}
        self._sentences: dict[tuple[str, str, bool], tuple[Sentence, tuple[str, ...]]] = {}

    def classify(self, text: str) -> Move:
        """Return the move ``text`` makes."""
        return self.read(text).move

    def read(self, text: str) -> Reading:
        """Return the reading of ``text`` (remembered: a message seen before costs a lookup)."""
        found = self._memo.get(text) if self.memo else None
        if found is None:
            found = self._read(text)
            if self.memo:
                if len(self._memo) >= MEMO_SIZE:
                    self._memo.pop(next(iter(self._memo)))
                self._memo[text] = found
        return found

    def analyse(self, text: str, roles: RoleModel | None = None) -> Analysis:
        """Run the stages before the kind model: sentences, items, roles, the rules' move, masked words.

        With ``roles``, the item-role model has the last word on what each item is doing.
        """
        read = [self._sentence_read(s) for s in split_sentences(clean(self.finder.mask_capitals(text)))]
        topics = tuple(dict.fromkeys(t for _, named in read for t in named))
        sentences = [sentence for sentence, _ in read]
        items = self.playbook.items
        apply_grants(sentences)
        rule = rule_move(sentences)
        if roles is not None:
            apply_role_model(sentences, items, roles)
        return Analysis(sentences, topics, rule, masked_words(sentences, items))

    def _sentence_read(self, sentence: Sentence) -> tuple[Sentence, tuple[str, ...]]:
        """Return the sentence with its items and roles read, and the topics it names.

        What a sentence holds depends on its words alone, so each is read once and remembered:
        the copy handed out may be changed by the later, cross-sentence stages.
        """
        key = (sentence.text, sentence.mark, sentence.question)
        found = self._sentences.get(key) if self.sentence_memo else None
        if found is None:
            read_roles(sentence, self.finder.find(sentence), self.playbook.items)
            found = (copy_sentence(sentence), tuple(self.finder.topics(sentence)))
            if self.sentence_memo:
                if len(self._sentences) >= SENTENCE_MEMO_SIZE:
                    self._sentences.pop(next(iter(self._sentences)))
                self._sentences[key] = found
        return copy_sentence(found[0]), found[1]

    def _read(self, text: str) -> Reading:
        a = self.analyse(text, self.model.roles if self.model is not None else None)
        gives = frozenset().union(*(s.gives for s in a.sentences)) if a.sentences else frozenset()
        asks = frozenset().union(*(s.asks for s in a.sentences)) if a.sentences else frozenset()
        known = self.finder.lexicon.speller.known
        other: list[str] = []
        if self.model is None:
            move, confidence = a.rule, 1.0
        elif not (gives or asks or any(w in known or w in self.model.vocabulary for w in a.words)):
            move, confidence = Move("other"), 0.5  # noise (a pasted key, keyboard mash): no word we know
        else:
            other = word_features(a.words) + cue_features(a.sentences, a.rule, known)
            probs = probabilities(self.model.scores(a.words, other))
            move, confidence = decide(probs, self.model.kinds, gives, asks)
        why = evidence(a.sentences, move, self.playbook.items, self.model, other)
        return Reading(move, a.topic, confidence, why, a.rule, read_intents(a.sentences), a.topics)


def reader_for(playbook: Playbook) -> Reader:
    """Return the reader of a playbook (built once and kept with it)."""
    reader = playbook.cache.get("reader")
    if not isinstance(reader, Reader):
        reader = playbook.cache["reader"] = Reader(playbook)
    return reader
