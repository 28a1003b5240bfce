"""The six-party table in the TUI: from the picker, every speaker marked, reactions, hints."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from rehearse.content.tables import load_table, tables_dir
from rehearse.ui.app import make_app
from rehearse.ui.screens.briefing import BriefingScreen
from rehearse.ui.screens.table import TableScreen
from rehearse.ui.widgets.message_input import MessageInput
from rehearse.ui.widgets.transcript import Line, Transcript
from tests.ui.conftest import say


async def test_the_picker_opens_the_table_and_a_turn_shows_reply_and_reactions(tmp_path: Path) -> None:
    app = make_app(None, save_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert "table" in str(options.get_option_at_index(0).prompt)
        options.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)  # the table's briefing paints before the parties load
        assert "Press Enter to begin" in str(app.screen.query_one("#briefing-hint", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TableScreen)
        await say(pilot, "@dprk If you halt ICBM tests, we will scale down the joint exercises.")
        lines = [str(line.render()) for line in app.screen.query_one(Transcript).query(Line)]
        assert any(line.startswith("the DPRK delegation") for line in lines)
        assert any(line.startswith("the ROK delegation") for line in lines)  # a reaction
        rows = str(app.screen.query_one("#table-parties", Static).render())
        assert "@dprk  bargaining" in rows and "@russia" in rows
    (saved,) = tmp_path.glob("six-party-*.jsonl")
    assert len(saved.read_text(encoding="utf-8").splitlines()) == 2


async def test_f6_at_the_table_names_the_party_to_address(tmp_path: Path) -> None:
    app = make_app(None, save_dir=None, table=load_table(tables_dir() / "six-party.yaml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = str(app.screen.query_one("#table-parties", Static).render())
        assert "@dprk  opening  0/1\n trust  35 tension  50" in rows  # compact under 100 columns
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.query_one(MessageInput).value.startswith("@")


OFFER = "@dprk If you halt ICBM tests, we will scale down the joint exercises."


def lines_of(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(line.render()) for line in app.screen.query_one(Transcript).query(Line)]


async def test_at_the_table_ctrl_z_takes_back_and_f4_corrects_the_reading(tmp_path: Path) -> None:
    from rehearse.records.table_file import read_table_dialogue
    from rehearse.ui.screens.correction import CorrectionScreen

    app = make_app(None, save_dir=tmp_path, table=load_table(tables_dir() / "six-party.yaml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await say(pilot, OFFER)
        await say(pilot, "@dprk You must disarm first.")
        assert any("You must disarm first." in line for line in lines_of(app))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not any("You must disarm first." in line for line in lines_of(app))
        heading = str(app.screen.query_one("#table-heading", Static).render())
        assert "@dprk read your message as reciprocal" in heading
        await pilot.press("f4")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, CorrectionScreen)
        assert "Turn 1" in str(modal.query_one("#correction-said", Static).render())
        await pilot.press("down", "down", "down", "tab", "tab", "space", "enter")  # concession, ask unticked
        await pilot.pause()
        assert isinstance(app.screen, TableScreen)
        assert "read your message as concession" in str(
            app.screen.query_one("#table-heading", Static).render()
        )
        assert any("(corrected)" in line for line in lines_of(app))
    (saved,) = tmp_path.glob("six-party-*.jsonl")
    dialogue = read_table_dialogue(saved)
    assert [t["move"]["kind"] for t in dialogue.turns] == ["concession"]
    assert [t["say"] for t in dialogue.taken_back] == ["@dprk You must disarm first."]


async def test_a_table_drill_from_the_picker_hands_over_shows_objectives_and_grades(tmp_path: Path) -> None:
    from rehearse.records.history import read_history

    app = make_app(None, save_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        index = next(
            i
            for i in range(options.option_count)
            if "Pyongyang walks out" in str(options.get_option_at_index(i).prompt)
        )
        options.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TableScreen) and len(screen.table.turns) == 2  # the script, handed over
        panel = str(screen.query_one("#table-parties", Static).render())
        assert "☐ adopt the joint statement" in panel and "within 20 turns (2 used)" in panel
        for _ in range(20):
            if screen.table.outcome != "ongoing":
                break
            await pilot.press("f6")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert screen.table.outcome == "agreement"
        assert any(line.startswith("Drill passed: ☑ adopt the joint statement") for line in lines_of(app))
        assert screen.recorded.drill_passed is True
        await pilot.press("ctrl+z")  # taking back the adopting message un-passes the drill
        await pilot.pause()
    from rehearse.locations import history_file

    (entry,), _ = read_history(history_file())  # written when the table closes
    assert entry.drill == "six-party-walkout-fatal" and entry.passed is False and entry.hints > 0


async def test_a_saved_table_replays_step_by_step_and_branches(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from rehearse.cli import cli
    from rehearse.records.table_file import read_table_dialogue
    from rehearse.ui.app import make_replay_app
    from rehearse.ui.screens.table_replay import TableReplayScreen

    stdin = f"{OFFER}\n@dprk You must disarm first.\n/undo\n@dprk Agreed.\n"
    CliRunner().invoke(cli, ["chat", "six-party", "--save-dir", str(tmp_path / "s")], input=stdin)
    (saved,) = (tmp_path / "s").glob("six-party-*.jsonl")
    app = make_replay_app(None, tmp_path / "s", tmp_path / "branches")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "table six-party" in str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TableReplayScreen)
        await pilot.press("right")
        await pilot.pause()
        assert "step 1 of 4 · turn 1 · table talking" in str(
            app.screen.query_one("#table-status", Static).render()
        )
        rows = str(app.screen.query_one("#table-parties", Static).render())
        assert "@dprk  bargaining" in rows and "@rok  opening" in rows
        await pilot.press("end")
        await pilot.pause()
        assert any("taken back: the table returned to turn 1" in line for line in lines_of(app))
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, TableScreen) and len(app.screen.table.turns) == 2
    (branch,) = (tmp_path / "branches").glob("six-party-*.jsonl")
    header = read_table_dialogue(branch).header
    assert header["branched_from"] == {"file": str(saved), "turn": 2}


async def test_the_draft_is_read_back_with_the_party_it_will_go_to() -> None:
    from rehearse.ui.widgets.readback import ReadBackLine

    app = make_app(None, save_dir=None, table=load_table(tables_dir() / "six-party.yaml"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        box = app.screen.query_one(MessageInput)
        box.value = "Tokyo, if you step up ship inspections, we will raise the abductees in every round."
        await pilot.pause(0.3)
        line = app.screen.query_one(ReadBackLine).plain
        assert line.startswith("reading: @japan → reciprocal: you offer the abductees")
        box.value = "Let us all agree to freeze tests."
        await pilot.pause(0.3)
        assert app.screen.query_one(ReadBackLine).plain.startswith("reading: the table (chair @china) → ")
        box.value = ""
        await pilot.pause(0.3)
        assert app.screen.query_one(ReadBackLine).plain == ""


async def test_f2_at_the_table_opens_its_debrief_and_escape_returns() -> None:
    from rehearse.ui.screens.table_debrief import TableDebriefScreen

    app = make_app(None, save_dir=None, table=load_table(tables_dir() / "six-party.yaml"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await say(pilot, OFFER)
        await say(pilot, "@dprk Agreed.")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, TableDebriefScreen)
        score = str(app.screen.query_one("#score", Static).render())
        assert "steps agreed: 1 of the 4 the parties need" in score
        points = str(app.screen.query_one("#points", Static).render())
        assert "turn 2  the DPRK delegation agreed an exchange with you." in points
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TableScreen)
