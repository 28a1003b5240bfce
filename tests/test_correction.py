"""Never bound to a misreading: correcting the last turn, in the API, the file, chat and exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from rehearse import Negotiation, RehearseError
from rehearse.cli import cli
from rehearse.content.playbook import Playbook
from rehearse.moves import Move
from rehearse.records.dialogue_file import read_dialogue

OFFER = "If you halt ICBM tests, we will scale down the joint exercises."


def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_correct_replays_the_last_turn_as_if_read_so(dprk: Playbook) -> None:
    neg = Negotiation(dprk, seed=3)
    neg.say("Good morning.")
    first = neg.say(OFFER)
    turn = neg.correct("concession", gives={"exercise_limits"})
    assert turn.number == 2 and len(neg.turns) == 2
    assert turn.move == Move("concession", frozenset({"exercise_limits"}))
    assert turn.corrected and turn.read_as == first.move
    # exactly as if the reader had read it so: the same as a session where it was read that way
    twin = Negotiation(dprk, seed=3)
    twin.say("Good morning.")
    twin._play(OFFER, Move("concession", frozenset({"exercise_limits"})))
    assert (turn.reply, turn.meters, turn.state) == (twin.turns[-1].reply, twin.turns[-1].meters, twin.state)
    assert "exercise_limits" in neg.agreed_items


def test_a_correction_survives_a_rewind_and_a_second_correction_keeps_the_first_reading(
    dprk: Playbook,
) -> None:
    neg = Negotiation(dprk, seed=0)
    original = neg.say(OFFER).move
    neg.correct("demand", asks=["icbm_test_moratorium"])
    again = neg.correct("question", asks=["icbm_test_moratorium"])
    assert again.read_as == original and again.move.kind == "question"
    neg.say("What would your side need for a freeze?")
    neg.rewind(1)
    assert neg.turns[0].corrected and neg.turns[0].move.kind == "question"


def test_correct_can_reopen_a_session_a_misreading_closed(dprk: Playbook) -> None:
    neg = Negotiation(dprk, seed=0)
    neg.say("Denuclearize now or face the consequences.")
    assert neg.outcome == "derailed"
    turn = neg.correct("question", asks=["complete_denuclearization"])
    assert turn.outcome == "ongoing" and neg.outcome == "ongoing"


@pytest.mark.parametrize(
    ("kind", "gives", "asks", "message"),
    [
        ("bargain", (), (), "unknown move kind 'bargain'"),
        ("concession", ("moon_base",), (), "unknown item 'moon_base'"),
        ("concession", ("inspections",), (), "'inspections' is given by the delegation"),
        ("demand", (), ("sanctions_relief",), "'sanctions_relief' is given by your side"),
    ],
)
def test_bad_corrections_are_clear_errors_that_change_nothing(
    dprk: Playbook, kind: str, gives: tuple[str, ...], asks: tuple[str, ...], message: str
) -> None:
    neg = Negotiation(dprk, seed=0)
    before = neg.say(OFFER)
    with pytest.raises(RehearseError, match=message):
        neg.correct(kind, gives=gives, asks=asks)
    assert neg.turns == [before]


def test_nothing_to_correct_before_the_first_message(dprk: Playbook) -> None:
    with pytest.raises(RehearseError, match="no message to correct"):
        Negotiation(dprk).correct("accept")


def test_the_saved_file_keeps_both_readings_and_replay_check_replays_the_correction(tmp_path: Path) -> None:
    script = f"{OFFER}\n/correct concession offer exercise_limits\nWhat about sanctions?\n"
    code, out, _ = run("chat", "dprk", "--save-dir", str(tmp_path), stdin=script)
    assert code == 0 and "Turn 1 replayed" in out and "corrected by you" in out
    path = next(tmp_path.glob("*.jsonl"))
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    assert [r["turn"] for r in records] == [1, 1, 2]
    corrected = read_dialogue(path).effective_turns()[0]
    assert corrected["corrected"] is True
    assert corrected["move"] == {"kind": "concession", "gives": ["exercise_limits"], "asks": []}
    assert corrected["read_as"]["kind"] == "reciprocal"
    code, out, _ = run("replay", "--check", str(path))
    assert code == 0, out
    assert "identical" in out


def test_replay_check_notices_a_corrected_turn_that_now_comes_out_differently(tmp_path: Path) -> None:
    script = f"{OFFER}\n/correct concession offer exercise_limits\n"
    run("chat", "dprk", "--save-dir", str(tmp_path), stdin=script)
    path = next(tmp_path.glob("*.jsonl"))
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[-1])
    record["move"]["gives"] = ["economic_aid"]
    path.write_text("\n".join([*lines[:-1], json.dumps(record)]) + "\n", encoding="utf-8")
    code, out, _ = run("replay", "--check", str(path))
    assert code == 1 and "turn 1" in out


def test_corpus_export_labels_every_message_and_the_correction_wins(tmp_path: Path) -> None:
    script = f"{OFFER}\n/correct concession offer exercise_limits\nFreeze enrichment now.\n"
    run("chat", "dprk", "--save-dir", str(tmp_path), stdin=script)
    path = next(tmp_path.glob("*.jsonl"))
    out_file = tmp_path / "out.yaml"
    code, _, err = run("export", str(path), "--format", "corpus", "-o", str(out_file))
    assert code == 0, err
    text = out_file.read_text(encoding="utf-8")
    utterances = yaml.safe_load(text)
    assert utterances == [
        {"text": OFFER, "kind": "concession", "gives": ["exercise_limits"], "asks": []},
        {"text": "Freeze enrichment now.", "kind": "demand", "gives": [], "asks": ["fissile_freeze"]},
    ]
    assert "corrected by the trainee; the reader read reciprocal" in text
    code, md, _ = run("export", str(path), "--format", "md")
    assert "corrected by the trainee; first read as reciprocal" in md


def test_chat_read_shows_a_reading_without_sending_it(tmp_path: Path) -> None:
    code, out, _ = run(
        "chat", "dprk", "--no-save", stdin=f"/read {OFFER}\n/read [bold]Agreed.[/bold]\n/status\n"
    )
    assert code == 0
    assert "Would be read as reciprocal: you offer limits on military exercises; you ask a moratorium" in out
    assert "Would be read as accept" in out
    assert "Session ended after 0 turns" in out


def test_chat_correct_lists_the_choices_and_explains_mistakes() -> None:
    _, out, _ = run(
        "chat", "dprk", "--no-save", stdin=f"/correct\n{OFFER}\n/correct\n/correct reciprocal ask 99\n"
    )
    assert "Nothing to correct yet" in out
    assert "was read as reciprocal: you offer limits on military exercises" in out
    assert "limits on military exercises (exercise_limits)" in out
    assert "Cannot correct: there is no item number 99" in out


def test_a_drill_exported_from_a_corrected_session_marks_the_misreading(tmp_path: Path) -> None:
    from rehearse.content.drills import load_drill
    from rehearse.engine.drill_runner import run_drill

    script = f"{OFFER}\n/correct concession offer exercise_limits\nFreeze enrichment now.\n"
    run("chat", "dprk", "--save-dir", str(tmp_path), stdin=script)
    path = next(tmp_path.glob("*.jsonl"))
    out_file = tmp_path / "frozen.yaml"
    code, _, err = run("export", str(path), "--format", "drill", "-o", str(out_file))
    assert code == 0, err
    text = out_file.read_text(encoding="utf-8")
    lines = text.splitlines()
    mark = next(i for i, line in enumerate(lines) if line.startswith("# misread"))
    assert "read this as reciprocal" in lines[mark] and lines[mark + 1].startswith("- say: ")
    assert sum(line.startswith("# ") for line in lines) == 1  # the confident demand is not marked
    drill = yaml.safe_load(text)
    assert drill["turns"][0]["expect"]["kind"] == "concession"
    # the reader still reads the offer as reciprocal, so the frozen drill fails on that turn
    result = run_drill(load_drill(out_file))
    assert not result.passed and result.failures[0].turn == 1


def test_an_unsure_reading_is_marked_for_the_trainer_to_check() -> None:
    from rehearse.records.export import _drill_mark

    assert "unsure reading (confidence 0.41)" in _drill_mark({"confidence": 0.41})
    assert _drill_mark({"confidence": 0.97}) == ""
