"""Hints by lookahead: tried on a copy of the session, read back as their move, leading to a deal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rehearse import Negotiation, load_persona
from rehearse.cli import cli
from rehearse.content.drills import load_drill
from rehearse.content.registry import available_personas

ROOT = Path(__file__).resolve().parent.parent
PERSONAS = tuple(entry.id for entry in available_personas())  # every shipped delegation


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_hints_read_back_as_their_move_and_never_touch_the_session(persona_id: str) -> None:
    persona = load_persona(persona_id)
    neg, twin = Negotiation(persona, seed=3), Negotiation(persona, seed=3)
    neg.say("Good morning.")
    twin.say("Good morning.")
    found = neg.hint(3)
    assert 1 <= len(found) <= 3
    for hint in found:
        assert neg.classify(hint.text) == hint.move
        assert hint.why.endswith(".") and str(hint.effect)
    assert neg.hint(3) == found  # deterministic
    assert len(neg.turns) == 1 and neg.meters == twin.meters
    # the random generator is untouched: the next reply is the one the twin gets
    assert neg.say(found[0].text).reply == twin.say(found[0].text).reply


def follow_hints(neg: Negotiation, horizon: int) -> int:
    """Send the first hint's text until the talks end or the horizon is reached; return turns used."""
    start = len(neg.turns)
    while neg.outcome == "ongoing" and len(neg.turns) - start < horizon:
        neg.say(neg.hint(1)[0].text)
    return len(neg.turns) - start


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_following_the_first_hint_reaches_agreement_from_the_opening(persona_id: str) -> None:
    persona = load_persona(persona_id)
    neg = Negotiation(persona, seed=0)
    used = follow_hints(neg, persona.strategy.horizon)
    assert neg.outcome == "agreement" and used <= persona.strategy.horizon


def test_following_the_first_hint_reaches_agreement_from_every_point_the_drills_reach() -> None:
    starts = 0
    for path in sorted((ROOT / "dialogues" / "drills").glob("*.yaml")):
        drill = load_drill(path)
        for played in range(len(drill.turns) + 1):
            neg = Negotiation(drill.persona, seed=drill.seed)
            for step in drill.turns[:played]:
                neg.say(step.say)
            if neg.outcome != "ongoing":
                break
            starts += 1
            follow_hints(neg, drill.persona.strategy.horizon)
            assert neg.outcome == "agreement", (path.name, played, neg.state)
    assert starts > 60


def test_no_hints_once_the_talks_have_ended() -> None:
    neg = Negotiation(load_persona("dprk"), seed=0)
    assert neg.hint(0) == []
    for threat in ("Denuclearize by Friday or we will use force.", "Disarm now, or face the consequences."):
        if neg.outcome == "ongoing":
            neg.say(threat)
    assert neg.outcome == "derailed" and neg.hint(3) == []


def test_chat_lists_hints_and_sends_one_marked_in_the_saved_turn(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["chat", "dprk", "--save-dir", str(tmp_path)], input="/use 1\n/hint\n/use 7\n/use 1\n"
    )
    assert result.exit_code == 0
    out = result.output
    assert "No suggestions to use: type /hint first." in out
    assert "1. If you agree to" in out and "why: " in out and "then: trust" in out
    assert "Usage: /use N, with N from 1 to 3" in out
    (saved,) = tmp_path.glob("*.jsonl")
    turns = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()[1:]]
    assert len(turns) == 1 and turns[0]["hint"] is True and turns[0]["move"]["kind"] == "reciprocal"


def test_chat_prints_the_debrief_when_the_talks_end_and_on_request() -> None:
    stdin = (
        "Freeze enrichment now.\n/debrief\n"
        "If you halt ICBM tests, we will scale down the joint exercises.\nAgreed.\nWe accept the roadmap.\n"
    )
    out = CliRunner().invoke(cli, ["chat", "dprk", "--no-save"], input=stdin).output
    assert out.count("Debrief: score") == 2
    assert "Turn 1: walk-out warning" in out and "  Instead: If you agree to" in out
