"""A classroom tab: the name comes first; sessions are saved under it, with the name in the header."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static

from rehearse.records.dialogue_file import read_dialogue
from rehearse.ui.app import make_classroom_app
from rehearse.ui.screens.name import NameScreen
from rehearse.ui.screens.picker import PickerScreen
from tests.ui.conftest import say


async def test_a_name_first_then_the_picker_and_sessions_saved_under_it(tmp_path: Path) -> None:
    app = make_classroom_app(tmp_path / "class")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NameScreen)
        await pilot.press("?", "!", "enter")
        await pilot.pause()
        assert "at least one letter" in str(app.screen.query_one("#name-problem", Static).render())
        app.screen.query_one(Input).value = "Zoë Park"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        options = app.screen.query_one(OptionList)
        index = next(i for i in range(options.option_count) if options.get_option_at_index(i).id == "dprk")
        options.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # the briefing
        await pilot.pause()
        await say(pilot, "Good morning.")
    (saved,) = (tmp_path / "class" / "zoe-park").glob("dprk-*.jsonl")
    dialogue = read_dialogue(saved)
    assert dialogue.header["trainee"] == "Zoë Park" and len(dialogue.turns) == 1
