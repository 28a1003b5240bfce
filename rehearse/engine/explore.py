"""`rehearse explore`: seeded random walks of moves against a persona.

Each walk plays up to ``max_turns`` messages: of random kinds naming random items, asking about the
playbook's topics, and (when given) drawn from labelled corpora. Findings: crashes, reply templates
that failed, a reply said again within five turns, ongoing states with no way to an outcome, and
states or outcomes no walk reached. Each finding comes with the shortest walk that shows it, written
as a drill.
"""

from __future__ import annotations

import random
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from rehearse.content.playbook import Playbook
from rehearse.content.yamlsource import read_yaml_file
from rehearse.engine.negotiation import RECENT_REPLIES, Negotiation
from rehearse.errors import EmptyMessageError, RehearseError

TEMPLATES = {
    "reciprocal": ["If you agree to {ask}, we will offer {give}.", "We offer {give} in exchange for {ask}."],
    "demand": ["You must accept {ask} first.", "We require {ask}."],
    "threat": [
        "Accept {ask} or we will walk out of these talks.",
        "The military option remains on the table.",
    ],
    "concession": ["As a goodwill gesture we offer {give}.", "We are ready to offer {give}."],
    "question": [
        "What would you need for {ask}?",
        "How would you sequence the steps?",
        "What does security mean to you?",
    ],
    "accept": ["Agreed.", "We accept.", "We accept the roadmap."],
    "reject": ["That is not acceptable to us.", "We refuse."],
    "other": ["Good afternoon.", "Let us take a short break."],
}
TOPIC_TEMPLATES = [
    "What is your view on {topic}?",
    "Good morning. Let us talk about {topic}.",
    "And {topic}?",
]


@dataclass
class Finding:
    """Something a walk revealed, with the shortest walk that shows it."""

    kind: str
    detail: str
    walk: list[str] = field(default_factory=list)
    seed: int = 0


@dataclass
class ExploreReport:
    """The result of exploring a persona."""

    persona: str
    walks: int
    turns: int
    seconds: float
    findings: list[Finding]
    reached: dict[str, list[str]]
    from_corpus: int = 0
    """Messages sent that were drawn from the labelled corpora."""


def topic_words(persona: Playbook) -> list[str]:
    """Return plain words for each topic phrase (wildcards and gaps dropped), to ask about."""
    words = []
    for phrases in persona.topics.values():
        for phrase in phrases:
            plain = " ".join(w.rstrip("*") for w in phrase.split() if w != "..")
            if plain and len(plain) > 2:
                words.append(plain)
    return words


def load_messages(paths: Sequence[Path]) -> list[str]:
    """Return the texts of labelled corpora (YAML lists of ``{text: ...}`` or of strings)."""
    messages: list[str] = []
    for path in paths:
        data, _ = read_yaml_file(path)
        if not isinstance(data, list):
            raise RehearseError(f"{path}: a corpus is a YAML list of {{text: ...}} entries")
        for entry in data:
            text = entry.get("text") if isinstance(entry, dict) else entry
            if isinstance(text, str) and text.strip():
                messages.append(text)
    if paths and not messages:
        raise RehearseError(f"no messages in {', '.join(str(p) for p in paths)}")
    return messages


def _message(rng: random.Random, persona: Playbook, topics: list[str], corpus: Sequence[str]) -> str:
    roll = rng.random()
    if corpus and roll < 0.4:
        return rng.choice(corpus)
    if topics and roll > 0.85:
        return rng.choice(TOPIC_TEMPLATES).format(topic=rng.choice(topics))
    kind = rng.choice(list(TEMPLATES))
    template = rng.choice(TEMPLATES[kind])
    mine = [i.label for i in persona.items.values() if i.side == "persona"]
    theirs = [i.label for i in persona.items.values() if i.side == "user"]
    return template.format(
        ask=rng.choice(mine) if mine else "peace", give=rng.choice(theirs) if theirs else "talks"
    )


def dead_ends(persona: Playbook) -> list[str]:
    """Return the ongoing states from which no rule path leads to an ending state."""
    back: dict[str, set[str]] = {name: set() for name in persona.states}
    for rule in (*persona.rules, *persona.checks):
        for source in rule.sources:
            back[rule.dest or source].add(source)
    can_end = {name for name, s in persona.states.items() if s.outcome != "ongoing"}
    queue = deque(can_end)
    while queue:
        for previous in back[queue.popleft()]:
            if previous not in can_end:
                can_end.add(previous)
                queue.append(previous)
    return [n for n, s in persona.states.items() if s.outcome == "ongoing" and n not in can_end]


def explore(
    persona: Playbook,
    walks: int = 1000,
    seed: int = 0,
    max_turns: int = 20,
    progress: Callable[[int], None] | None = None,
    corpus: Sequence[str] = (),
) -> ExploreReport:
    """Play ``walks`` seeded random walks and report what they found (``progress(1)`` after each).

    ``corpus`` holds messages (from labelled corpora) that walks draw from as well.
    """
    start = time.perf_counter()
    findings: dict[tuple[str, str], Finding] = {}
    reached: dict[str, list[str]] = {persona.initial: []}
    turns = from_corpus = 0
    topics = topic_words(persona)
    corpus_set = frozenset(corpus)

    def note(kind: str, detail: str, walk: list[str], walk_seed: int = 0) -> None:
        key = (kind, detail)
        if key not in findings or len(walk) < len(findings[key].walk):
            findings[key] = Finding(kind, detail, list(walk), walk_seed)

    for number in range(walks):
        if progress is not None:
            progress(1)
        rng = random.Random(seed * 1_000_003 + number)
        neg = Negotiation(persona, seed=number)
        walk: list[str] = []
        said: list[str] = []
        for _ in range(max_turns):
            text = _message(rng, persona, topics, corpus)
            walk.append(text)
            try:
                turn = neg.say(text)
            except EmptyMessageError:  # a corpus line with nothing to read ('...') is not sent
                walk.pop()
                continue
            except Exception as exc:  # a crash, deliberate or not, is exactly what exploring looks for
                note("crash", f"{type(exc).__name__}: {exc}", walk, number)
                break
            turns += 1
            from_corpus += text in corpus_set
            for problem in turn.notes:
                note("template", problem, walk, number)
            if turn.reply in said[-RECENT_REPLIES:]:
                note(
                    "repeat",
                    f"the '{turn.situation}' reply was said again within {RECENT_REPLIES} turns "
                    "(give it more variants)",
                    walk,
                    number,
                )
            said.append(turn.reply)
            if turn.state not in reached or len(walk) < len(reached[turn.state]):
                reached[turn.state] = list(walk)
            if turn.outcome != "ongoing":
                break
    for state in dead_ends(persona):
        note(
            "dead end",
            f"state '{state}' is ongoing but no path leads from it to an outcome",
            reached.get(state, []),
        )
    outcomes = {persona.states[s].outcome for s in reached}
    for name, spec in persona.states.items():
        if name not in reached:
            note("never reached", f"state '{name}' ({spec.outcome}) was never reached in {walks} walks", [])
    for outcome in ("agreement", "derailed"):
        if outcome not in outcomes and any(s.outcome == outcome for s in persona.states.values()):
            note("never reached", f"no walk reached the outcome '{outcome}'", [])
    seconds = time.perf_counter() - start
    return ExploreReport(persona.id, walks, turns, seconds, list(findings.values()), reached, from_corpus)


def as_drill(persona: Playbook, finding: Finding, index: int) -> str:
    """Write a finding's walk as a drill that replays it."""
    drill = {
        "drill": f"explore-{persona.id}-{index}",
        "persona": persona.id,
        "title": f"{finding.kind}: {finding.detail}"[:120],
        "briefing": "Found by rehearse explore; replays the shortest walk that shows it.",
        "seed": finding.seed,
        "turns": [{"say": text} for text in finding.walk],
    }
    dumped: str = yaml.safe_dump(drill, sort_keys=False, allow_unicode=True, width=100)
    return dumped
