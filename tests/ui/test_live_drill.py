"""A drill played live: briefing with objectives, scripted turns, then the trainee; graded in the debrief."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from rehearse.content.drills import load_drill
from rehearse.records.dialogue_file import read_dialogue
from rehearse.ui.app import make_app
from rehearse.ui.screens.briefing import BriefingScreen
from rehearse.ui.screens.debrief import DebriefScreen
from rehearse.ui.screens.negotiation import NegotiationScreen
from tests.ui.conftest import debrief_opens, say

DRILL = """\
drill: live-sample
persona: dprk
title: Live sample
briefing: Open with a trade.
handover: 1
turns:
  - say: "Good morning."
  - say: "We accept the roadmap."
objectives:
  outcome: agreement
  secure: [icbm_test_moratorium]
  within_turns: 4
"""


@pytest.mark.usefixtures("quick_debrief")
async def test_live_drill_hands_over_and_grades(tmp_path: Path) -> None:
    path = tmp_path / "live.yaml"
    path.write_text(DRILL)
    drill = load_drill(path)
    app = make_app(None, drill.seed, tmp_path / "s", drill=drill)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        briefing = str(app.screen.query_one("#briefing-drill", Static).render())
        assert "☐ secure a moratorium on ICBM tests" in briefing
        assert "The first 1 turn(s) are scripted" in briefing
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NegotiationScreen)
        assert app.session is not None
        # only the turns before the hand-over are played: the script's closing line is the trainee's
        assert [t.say for t in app.session.negotiation.turns] == ["Good morning."]
        objectives = str(app.screen.query_one("#objectives", Static).render())
        assert "☐ secure" in objectives and "turns left: 3" in objectives
        await say(pilot, "If you halt ICBM tests, we will limit exercises and end the hostile policy.")
        objectives = str(app.screen.query_one("#objectives", Static).render())
        assert "☑ secure" in objectives and "turns left: 2" in objectives
        await say(pilot, "We accept the roadmap.", anyway=True)
        await debrief_opens(pilot)
        assert isinstance(app.screen, DebriefScreen)
        graded = str(app.screen.query_one("#drill-objectives", Static).render())
        assert "MET  outcome" in graded and "MET  within_turns" in graded
        saved = app.session.path
    assert saved is not None
    assert read_dialogue(saved).header["drill"] == "live-sample"
    # the finished live drill is in the progress history, passed
    from rehearse.locations import history_file
    from rehearse.records.history import read_history

    (entry,), _ = read_history(history_file())
    assert entry.drill == "live-sample" and entry.passed is True and entry.outcome == "agreement"


async def test_the_picker_lists_drills_under_their_persona(tmp_path: Path) -> None:
    app = make_app(None, save_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("drill" in p and "ICBM moratorium" in p for p in prompts)
        index = next(i for i, p in enumerate(prompts) if "Three demands" in p)
        options.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert "Three demands in a row" in str(app.screen.query_one("#briefing-drill", Static).render())


def test_a_live_drill_briefing_shows_the_live_objectives_in_reflowed_paragraphs() -> None:
    from rehearse.ui.app import objectives_text

    root = Path(__file__).resolve().parents[2]
    text = objectives_text(load_drill(root / "dialogues" / "drills" / "three-demands.yaml"))
    assert "☐ reach agreement" in text and "derailed" not in text
    assert "the third in a row ends the talks" in text  # YAML line breaks are joined
    assert "The first 2 turn(s) are scripted" in text
