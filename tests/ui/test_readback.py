"""The read-back line while typing, and the question asked once before a risky send."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer

from rehearse.ui.app import RehearseApp
from rehearse.ui.screens.negotiation import NegotiationScreen
from rehearse.ui.widgets.message_input import MessageInput
from rehearse.ui.widgets.readback import ReadBackLine
from tests.ui.conftest import say, settle_reading, start

pytestmark = pytest.mark.usefixtures("quick_reading")

SIZES = [(80, 24), (120, 40)]
RECIPROCAL = "If you halt ICBM tests, we will scale down the joint exercises."
WALKOUT = "Denuclearize now or face the consequences."


def line(app: RehearseApp) -> ReadBackLine:
    return app.screen.query_one(ReadBackLine)


def turns(app: RehearseApp) -> int:
    assert isinstance(app.screen, NegotiationScreen)
    return len(app.screen.session.negotiation.turns)


async def draft(app: RehearseApp, pilot: Pilot[None], text: str) -> None:
    app.screen.query_one(MessageInput).value = text
    await settle_reading(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_draft_is_read_back_under_the_box_at_every_width(
    app: RehearseApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await start(pilot)
        assert line(app).plain == ""
        app.screen.query_one(MessageInput).value = "Freeze enrichment no"
        await pilot.press("w", ".")  # the last keystrokes, typed
        await settle_reading(pilot)
        assert line(app).plain == "reading: demand: you ask a freeze on fissile material production"

        await draft(app, pilot, RECIPROCAL)
        shown = line(app).plain
        assert shown.startswith("reading: reciprocal")
        assert "limits on military exercises" in shown and "a moratorium on ICBM tests" in shown

        # two lines, directly under the message box, above the footer, on screen
        box = app.screen.query_one(MessageInput).region
        region = line(app).region
        assert (
            region.height == 2 and region.y == box.bottom
        )  # two fixed lines: the whole reading at 80 columns
        assert region.bottom <= app.screen.query_one(Footer).region.y <= size[1]
        shown_on_screen = " ".join(line(app).render_line(y).text.strip() for y in range(2))
        assert shown_on_screen.startswith("reading: reciprocal: you offer limits on military")
        assert shown_on_screen.endswith("you ask a moratorium on ICBM tests")  # the whole reading, at 80 too

        await draft(app, pilot, "")
        assert line(app).plain == ""
        assert turns(app) == 0


async def test_a_confident_move_is_sent_on_the_first_enter(app: RehearseApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        box = app.screen.query_one(MessageInput)
        hostile = "[bold]sanctions relief[/bold] if you [@click=app.quit]halt ICBM tests[/]"
        await draft(app, pilot, hostile)  # read back, never run as markup, never played
        assert app.is_running and "sanctions relief" in line(app).plain
        assert turns(app) == 0
        await draft(app, pilot, RECIPROCAL)
        await pilot.press("escape")  # nothing to cancel: the draft stays
        assert box.value == RECIPROCAL
        await pilot.press("enter")
        await pilot.pause()
        assert turns(app) == 1
        assert box.value == "" and box.history == [RECIPROCAL]
        assert line(app).plain == "" and not line(app).has_class("warning")


async def test_a_walkout_is_asked_about_escape_or_editing_keeps_it_and_enter_enter_sends(
    app: RehearseApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        box = app.screen.query_one(MessageInput)
        await draft(app, pilot, WALKOUT)
        await pilot.press("enter")
        await pilot.pause()
        assert turns(app) == 0
        assert line(app).has_class("warning")
        warning = line(app).plain
        assert warning.startswith("⚠ Vice Foreign Minister Ri Chol-su would walk out and the talks would end")
        assert (
            "read as threat: you ask complete denuclearization" in warning and "Enter sends anyway" in warning
        )
        assert box.value == WALKOUT and box.has_class("asking")

        await pilot.press("escape")
        await settle_reading(pilot)
        assert turns(app) == 0 and box.value == WALKOUT and box.has_focus
        assert not line(app).has_class("warning") and not box.has_class("asking")
        assert line(app).plain.startswith("reading: threat")

        await pilot.press("enter")
        await pilot.pause()
        assert turns(app) == 0 and line(app).has_class("warning")
        await pilot.press("backspace")  # editing the draft drops the question
        await pilot.pause()
        assert not line(app).has_class("warning") and not box.has_class("asking")
        await pilot.press(".", "enter")  # ... and the edited draft is asked about afresh
        await pilot.pause()
        assert turns(app) == 0 and line(app).has_class("warning")
        await pilot.press("enter")
        await pilot.pause()
        assert turns(app) == 1
        assert app.session is not None and app.session.negotiation.outcome == "derailed"
        assert box.history == [WALKOUT] and box.value == ""


async def test_the_status_line_says_what_was_offered_and_asked_at_80_columns(app: RehearseApp) -> None:
    from textual.widgets import Static

    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await say(pilot, RECIPROCAL)
        status = str(app.screen.query_one("#status", Static).render())
        assert "you offer limits on military exercises; you ask a moratorium on ICBM tests" in status


async def test_at_80_columns_the_whole_status_line_fits_even_with_long_labels(tmp_path: Path) -> None:
    from textual.widgets import Static

    from rehearse.content.registry import load_persona
    from rehearse.ui.app import make_app

    app = make_app(load_persona("rok"), seed=0, save_dir=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await say(
            pilot,
            "If you reopen the Kaesong industrial zone, we will hold sports and cultural exchanges "
            "and open a joint liaison office.",
        )
        status = app.screen.query_one("#status", Static)
        from rehearse.ui.widgets.status import status_text

        lines = status_text(app.session.negotiation).wrap(app.console, status.content_size.width)
        assert "reopening of the Kaesong industrial zone" in str(status.render())
        assert len(lines) <= status.content_size.height  # nothing cut off: the side panel is hidden
