"""Replaying in the TUI: the list, stepping through turns, rewinds shown, branching off."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from textual.widgets import OptionList, Static

from rehearse.cli import cli
from rehearse.content.playbook import Playbook
from rehearse.records.dialogue_file import read_dialogue
from rehearse.records.session import RecordedSession
from rehearse.ui.app import make_replay_app
from rehearse.ui.screens.negotiation import NegotiationScreen
from rehearse.ui.screens.replay import ReplayScreen
from rehearse.ui.widgets.transcript import Line, Transcript

SAMPLES = Path(__file__).resolve().parent.parent.parent / "dialogues" / "samples"


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#status", Static).render())


async def test_list_newest_first_then_step_through(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    for name in ("walkout", "agreement"):
        shutil.copy(SAMPLES / f"{name}.jsonl", folder / f"{name}.jsonl")
    app = make_replay_app(None, folder, tmp_path / "branches")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert options.option_count == 2
        first = str(options.get_option_at_index(0).prompt)
        assert "turns" in first
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        await pilot.press("home")
        assert "step 0 of" in status(app)
        await pilot.press("right")
        await pilot.pause()
        assert "step 1 of" in status(app)
        assert "turn 1" in status(app)
        await pilot.press("end")
        await pilot.pause()
        lines = app.screen.query_one(Transcript).query(Line)
        assert len(lines) >= 2


async def test_rewinds_are_shown_where_they_happened_and_branch_records_its_source(tmp_path: Path) -> None:
    stdin = "Freeze enrichment now.\n/undo\nIf you halt ICBM tests, we will scale down the joint exercises.\nAgreed.\n"
    CliRunner().invoke(cli, ["chat", "dprk", "--save-dir", str(tmp_path / "s")], input=stdin)
    path = next((tmp_path / "s").glob("*.jsonl"))
    app = make_replay_app(read_dialogue(path), tmp_path / "s", tmp_path / "branches")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "step 0 of" in status(app)  # a replay opens at the beginning
        await pilot.press("end")
        await pilot.pause()
        text = "\n".join(str(line.render()) for line in app.screen.query_one(Transcript).query(Line))
        assert "taken back" in text
        await pilot.press("home", "right", "right", "right")
        await pilot.pause()
        assert "turn 1" in status(app)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, NegotiationScreen)
        assert app.session is not None
        assert len(app.session.negotiation.turns) == 1
        branched = app.session.path
    assert branched is not None
    header = read_dialogue(branched).header
    assert header["branched_from"] == {"file": str(path), "turn": 1}
    assert read_dialogue(branched).turns[0]["say"].startswith("If you halt ICBM tests")


async def test_a_corrected_turn_is_shown_and_a_branch_keeps_the_correction(
    tmp_path: Path, dprk: Playbook
) -> None:
    session = RecordedSession(dprk, 0, tmp_path / "s")
    session.say("If you halt ICBM tests, we will scale down the joint exercises.")
    session.correct("concession", gives=["exercise_limits"])
    path = session.path
    session.close()
    assert path is not None
    app = make_replay_app(read_dialogue(path), tmp_path / "s", tmp_path / "branches")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        text = "\n".join(str(line.render()) for line in app.screen.query_one(Transcript).query(Line))
        assert "✎ turn 1 replayed read as concession" in text
        assert "You (1) (corrected)  If you halt ICBM tests" in text
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, NegotiationScreen)
        assert app.session is not None
        (turn,) = app.session.negotiation.turns
        assert turn.corrected and turn.move.kind == "concession"
        assert turn.move.gives == frozenset({"exercise_limits"}) and not turn.move.asks


async def test_a_dialogue_with_bad_lines_replays_what_is_readable(tmp_path: Path) -> None:
    """Fields of the wrong type used to crash the replay screen (with exit code 0)."""
    import json

    sample = Path(__file__).resolve().parents[2] / "dialogues" / "samples" / "recovery.jsonl"
    lines = sample.read_text(encoding="utf-8").splitlines()
    bad = [json.loads(line) for line in lines]
    bad[2]["meters"] = [1, 2]
    bad[3]["move"] = "accept"
    path = tmp_path / "bad.jsonl"
    path.write_text(
        "\n".join([*map(json.dumps, bad), "[" * 100_000, '{"event": "rewind", "to_turn": null}']) + "\n"
    )
    dialogue = read_dialogue(path)
    assert len(dialogue.warnings) == 4
    app = make_replay_app(dialogue, tmp_path, tmp_path / "branches")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("home", "right", "right", "end")
        await pilot.pause()
        lines_shown = [str(line.render()) for line in app.screen.query_one(Transcript).query(Line)]
        assert lines_shown and app.is_running


def test_the_list_counts_the_turns_that_stood_not_the_ones_taken_back(tmp_path: Path) -> None:
    from rehearse.ui.screens.replay_list import list_dialogues

    stdin = "Freeze enrichment now.\n/undo\nGood morning.\n/undo\nHello.\n"
    CliRunner().invoke(cli, ["chat", "dprk", "--save-dir", str(tmp_path)], input=stdin)
    (saved,) = list_dialogues(tmp_path)
    assert saved.turns == 1 and saved.first == "Hello."


async def test_the_list_previews_each_first_message_on_one_line_cut_at_a_word(tmp_path: Path) -> None:
    from textual.widgets import OptionList

    from rehearse.ui.screens.replay_list import preview

    long = (
        "We are here in good faith and would like to begin with a frank exchange about "
        "sequencing, monitoring and the timeline of the first phase."
    )
    CliRunner().invoke(cli, ["chat", "dprk", "--save-dir", str(tmp_path)], input=long + "\n")
    cut = preview(long)
    assert len(cut) <= 64 and cut.endswith(" …") and long.startswith(cut[:-2])
    app = make_replay_app(None, tmp_path, tmp_path / "branches")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        prompt = str(options.get_option_at_index(0).prompt)
        meta, shown = prompt.split("\n")
        assert "1 turn  ·" in meta and shown.strip() == cut
