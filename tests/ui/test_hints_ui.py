"""F6 hints in the TUI: the list, the chosen text in the box, the debrief's count, drills without hints."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from rehearse.content.drills import load_drill
from rehearse.ui.app import RehearseApp, make_app
from rehearse.ui.screens.debrief import DebriefScreen
from rehearse.ui.screens.hints import HintScreen
from rehearse.ui.screens.negotiation import NegotiationScreen
from rehearse.ui.widgets.message_input import MessageInput
from tests.ui.conftest import start


async def test_f6_lists_hints_and_enter_puts_one_in_the_box_to_send(app: RehearseApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, HintScreen)
        options = app.screen.query_one(OptionList)
        assert 1 <= options.option_count <= 3
        first = app.screen.hints[0]
        assert first.text in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NegotiationScreen)
        box = app.screen.query_one(MessageInput)
        assert box.value == first.text and len(app.session.negotiation.turns) == 0  # not sent yet
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.negotiation.turns[-1].move == first.move
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        moves = [str(s.render()) for s in app.screen.query(Static) if "Moves" in str(s.render())]
        assert moves and "1 from hints" in moves[0]


async def test_escape_leaves_the_hints_without_touching_the_box(app: RehearseApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        app.screen.query_one(MessageInput).value = "my own draft"
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(MessageInput).value == "my own draft"


async def test_a_drill_that_forbids_hints_says_so(tmp_path: Path) -> None:
    path = tmp_path / "nohints.yaml"
    path.write_text(
        "drill: no-hints\npersona: dprk\nhints: false\nturns:\n  - say: Good morning.\n", encoding="utf-8"
    )
    drill = load_drill(path)
    assert drill.hints is False
    app = make_app(None, drill.seed, tmp_path / "s", drill=drill)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, NegotiationScreen)
        assert any("does not allow hints" in str(n.message) for n in app._notifications)


async def test_the_debrief_shows_what_would_have_worked_instead(app: RehearseApp) -> None:
    from tests.ui.conftest import say

    async with app.run_test(size=(100, 40)) as pilot:
        await start(pilot)
        await say(pilot, "Freeze enrichment now.")
        await say(pilot, "If you halt ICBM tests, we will scale down the joint exercises.")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        points = str(app.screen.query_one("#turning-points", Static).render())
        assert "turn 1 · walk-out warning" in points
        assert "Instead: If you agree to" in points and "It would have made: trust" in points
        score = str(app.screen.query_one("#score", Static).render())
        assert "/40  outcome" in score and "/20  trust built" in score
