"""Topics: every topic a message names, in any sentence, is there for the playbook's rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from rehearse.content.registry import load_persona
from rehearse.engine.negotiation import Negotiation
from rehearse.errors import ContentError
from rehearse.reading.reader import reader_for

ROOT = Path(__file__).resolve().parent.parent


def test_a_message_names_every_topic_of_every_sentence_in_order() -> None:
    reading = reader_for(load_persona("dprk")).read(
        "Good morning. Before anything else: how would your side sequence the sanctions relief?"
    )
    assert reading.topics[0] == "greeting" and reading.topic == "greeting"
    assert {"sequencing", "sanctions"} <= set(reading.topics)


def test_a_greeting_no_longer_hides_the_question_after_it() -> None:
    neg = Negotiation(load_persona("dprk"), seed=0)
    turn = neg.say("Good morning. What does your security require?")
    assert turn.move.kind == "question"
    assert any(r.rule == "question about security" for r in turn.reasons), turn.reasons


def test_an_unknown_topic_in_a_condition_is_a_problem_with_a_suggestion(tmp_path: Path) -> None:
    text = (ROOT / "personas" / "dprk.yaml").read_text(encoding="utf-8")
    assert "\"'security' in topics\"" in text
    path = tmp_path / "p.yaml"
    path.write_text(text.replace("\"'security' in topics\"", "\"'secrity' in topics\""), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_persona(str(path))
    assert "unknown topic 'secrity'; did you mean 'security'?" in str(caught.value)


@pytest.mark.parametrize(
    ("persona_id", "text", "situation"),
    [
        ("dprk", "Tell me about the 1994 Agreed Framework.", "answer_history"),
        ("dprk", "What about a peace treaty?", "answer_treaty"),
        ("rok", "What about a peace treaty?", "answer_treaty"),
        ("usa", "Tell me about the Agreed Framework.", "answer_history"),
        ("china", "What did you learn from the Agreed Framework?", "answer_history"),
        ("harbor", "What happened in the last strike?", "answer_history"),
    ]
    + [
        (p, "What do you make of our proposal?", "answer_view")
        for p in ("dprk", "usa", "rok", "china", "harbor")
    ],
)
def test_questions_on_the_brief_get_a_topical_answer_not_a_stock_line(
    persona_id: str, text: str, situation: str
) -> None:
    turn = Negotiation(load_persona(persona_id), seed=0).say(text)
    assert turn.situation == situation, (turn.move, turn.reply)
