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
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.query_one(MessageInput).value.startswith("@")
