"""`rehearse replay --check`: re-run saved dialogues against today's playbooks.

Every divergence is reported, with whether the playbook changed or the engine itself now behaves
differently.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rehearse.content.registry import load_persona
from rehearse.engine.negotiation import Negotiation
from rehearse.errors import DialogueFileError, RehearseError
from rehearse.records.dialogue_file import read_dialogue, turn_fields

FIELDS = ("move", "state", "reply", "meters", "outcome")


@dataclass(frozen=True)
class Divergence:
    """One field of one turn that differs today."""

    turn: int
    field: str
    saved: Any
    today: Any


@dataclass
class CheckResult:
    """The outcome of checking one dialogue file."""

    path: Path
    persona: str
    turns: int = 0
    playbook_changed: bool = False
    changed: str = ""
    """What changed since the session was saved, when more than one file plays (a table's)."""
    divergences: list[Divergence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        """Return whether every turn came out the same today."""
        return not self.divergences

    @property
    def cause(self) -> str:
        """Say why it diverged: the playbook changed, or the engine behaves differently."""
        if self.changed:
            return f"{self.changed} changed since the session was saved (sha256 differs)"
        if self.playbook_changed:
            return "the playbook changed since the dialogue was saved (its sha256 differs)"
        return "the playbook is unchanged, so the engine itself now behaves differently"


def check_dialogue(path: Path) -> CheckResult:
    """Re-run one dialogue (rewinds included) and compare every saved turn with today's."""
    dialogue = read_dialogue(path)
    header = dialogue.header
    persona_id = str(header.get("persona", ""))
    try:
        persona = load_persona(persona_id)
    except RehearseError as exc:
        raise DialogueFileError(f"{path}: cannot check it: {exc}") from None
    seed = header.get("seed", 0)
    if not isinstance(seed, int):
        raise DialogueFileError(f"{path}: its header has no usable seed")
    result = CheckResult(path, persona_id, warnings=list(dialogue.warnings))
    result.playbook_changed = header.get("playbook_sha256") != persona.sha256
    neg = Negotiation(persona, seed=seed)
    gc.freeze()  # the records read above live until the end: keep the collector from rescanning them
    try:
        _replay(neg, dialogue.entries, result)
    finally:
        gc.unfreeze()
    return result


def _replay(neg: Negotiation, entries: list[dict[str, Any]], result: CheckResult) -> None:
    """Play the saved entries again, recording every divergence in ``result``."""
    for entry in entries:
        if "event" in entry:
            to_turn = int(entry.get("to_turn", 0))
            if to_turn > len(neg.turns):
                result.divergences.append(Divergence(to_turn, "rewind", to_turn, len(neg.turns)))
                break
            neg.rewind(to_turn)
            continue
        number = int(entry.get("turn", len(neg.turns) + 1))
        if entry.get("corrected") is True and 0 < number <= len(neg.turns):
            if not _correct(neg, entry, number, result):
                break
            continue
        if neg.outcome != "ongoing":
            result.divergences.append(Divergence(number, "outcome", "ongoing", neg.outcome))
            break
        try:
            today = turn_fields(neg.say(str(entry.get("say", ""))))
        except RehearseError as exc:
            result.divergences.append(Divergence(number, "move", entry.get("move"), f"error: {exc}"))
            break
        if entry.get("corrected") is True and not _correct(neg, entry, number, result):
            break
        if entry.get("corrected") is not True:
            _compare(entry, today, number, result)
        result.turns += 1


def _compare(entry: dict[str, Any], today: dict[str, Any], number: int, result: CheckResult) -> None:
    for name in FIELDS:
        if entry.get(name) != today[name]:
            result.divergences.append(Divergence(number, name, entry.get(name), today[name]))


def _correct(neg: Negotiation, entry: dict[str, Any], number: int, result: CheckResult) -> bool:
    """Replay a corrected turn with its correction (after rewinding to it); False when it cannot."""
    move = entry.get("move")
    if not isinstance(move, dict):
        result.divergences.append(Divergence(number, "move", move, "error: the corrected move is unreadable"))
        return False
    try:
        if number < len(neg.turns):
            neg.rewind(number)
        turn = neg.correct(
            str(move.get("kind")), gives=_id_list(move.get("gives")), asks=_id_list(move.get("asks"))
        )
    except RehearseError as exc:
        result.divergences.append(Divergence(number, "move", move, f"error: {exc}"))
        return False
    _compare(entry, turn_fields(turn), number, result)
    return True


def _id_list(value: object) -> list[str]:
    return [str(i) for i in value] if isinstance(value, list) else []


def dialogue_files(paths: list[Path]) -> list[Path]:
    """Expand folders into the dialogue files (``*.jsonl``) they hold."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.jsonl") if p.is_file()))  # FIFOs, devices: skipped
        else:
            files.append(path)
    return files
