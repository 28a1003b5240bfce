"""Correcting how the last message was read: the modal, the replayed turn, the transcript, the file."""

from __future__ import annotations

import json
from time import monotonic

import pytest
from textual.widgets import OptionList, Static

from rehearse.errors import RehearseError
from rehearse.moves import Move
from rehearse.ui.app import RehearseApp
from rehearse.ui.screens.correction import CorrectionScreen
from rehearse.ui.screens.negotiation import NegotiationScreen
from rehearse.ui.widgets.message_input import MessageInput
from rehearse.ui.widgets.transcript import Line, Transcript
from tests.ui.conftest import say, start

RECIPROCAL = "If you halt ICBM tests, we will scale down the joint exercises."
READ = Move("reciprocal", frozenset({"exercise_limits"}), frozenset({"icbm_test_moratorium"}))
CONCESSION = Move("concession", frozenset({"exercise_limits"}))


def notes(app: RehearseApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def negotiation(app: RehearseApp) -> NegotiationScreen:
    screen = app.screen_stack[-1] if isinstance(app.screen, NegotiationScreen) else app.screen_stack[-2]
    assert isinstance(screen, NegotiationScreen)
    return screen


async def test_correcting_the_last_turn_replays_it_marks_it_and_saves_it(app: RehearseApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("f4")  # nothing said yet: a notification, no window
        await pilot.pause()
        assert isinstance(app.screen, NegotiationScreen)
        assert "Nothing to correct yet." in notes(app)
        await say(pilot, RECIPROCAL)
        neg = negotiation(app).session.negotiation
        assert neg.turns[-1].move == READ
        await pilot.press("f4")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, CorrectionScreen)
        assert RECIPROCAL in str(modal.query_one("#correction-said", Static).render())
        assert "a moratorium on ICBM tests" in str(modal.query_one("#correction-read", Static).render())
        assert modal.query_one("#correction-kind", OptionList).has_focus
        assert modal.chosen == READ  # preselected from the current reading
        # keyboard only: down to 'concession', Tab to the asks, Space unticks the ICBM moratorium
        await pilot.press("down", "down", "down", "tab", "tab", "space")
        assert modal.chosen == CONCESSION
        assert "concession: you offer limits on military exercises" in str(
            modal.query_one("#correction-preview", Static).render()
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NegotiationScreen)
        last = neg.turns[-1]
        assert len(neg.turns) == 1 and last.corrected
        assert last.move == CONCESSION and last.read_as == READ
        lines = [str(line.render()) for line in app.screen.query_one(Transcript).query(Line)]
        assert lines[0].startswith("You (corrected)  If you halt")
        assert "read as concession: you offer limits on military exercises (corrected)" in str(
            app.screen.query_one("#status", Static).render()
        )
        assert "Turn 1 replayed as concession: you offer limits on military exercises." in notes(app)
        assert app.screen.query_one(MessageInput).has_focus
    assert app.save_dir is not None
    (path,) = app.save_dir.glob("*.jsonl")
    records = [json.loads(line) for line in path.read_text().splitlines()]
    corrected = [r for r in records if r.get("corrected")]
    assert corrected[-1]["move"]["kind"] == "concession"
    assert corrected[-1]["read_as"] == READ.as_dict()


async def test_escape_cancel_or_an_error_changes_nothing(
    app: RehearseApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await say(pilot, RECIPROCAL)
        before = list(negotiation(app).session.negotiation.turns)
        for how in ("escape", "cancel button"):
            await pilot.press("f4")
            await pilot.pause()
            modal = app.screen
            assert isinstance(modal, CorrectionScreen)
            await pilot.press("down")  # a kind changed, then cancelled
            if how == "cancel button":
                modal.query_one("#correction-cancel").focus()
            await pilot.press("escape" if how == "escape" else "enter")
            await pilot.pause()
            assert isinstance(app.screen, NegotiationScreen)
            assert app.screen.session.negotiation.turns == before
        assert not before[-1].corrected

        def refuse(*args: object, **kwargs: object) -> None:
            raise RehearseError("no such thing")

        monkeypatch.setattr(negotiation(app).session, "correct", refuse)
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, NegotiationScreen)
        assert "Cannot replay the turn: no such thing" in notes(app)
        assert app.screen.session.negotiation.turns == before


async def test_a_correction_can_reopen_talks_a_misreading_ended(
    app: RehearseApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rehearse.ui.screens import negotiation as negotiation_screen

    monkeypatch.setattr(negotiation_screen, "DEBRIEF_DELAY", 0.6)  # 1.2 s in use
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await say(pilot, "Denuclearize now or face the consequences.", anyway=True)
        ended = monotonic()
        screen = negotiation(app)
        assert screen.session.negotiation.outcome == "derailed"
        assert screen.query_one(MessageInput).disabled
        await pilot.press("f4")  # before the debrief opens by itself (DEBRIEF_DELAY after the walkout)
        await pilot.pause(max(0.0, ended + 0.7 - monotonic()))  # past the moment it would have opened
        assert isinstance(app.screen, CorrectionScreen)  # ... and it does not open over the window
        app.screen.query_one("#correction-kind", OptionList).highlighted = 1  # demand
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen_stack[-1] is screen
        assert screen.session.negotiation.outcome == "ongoing"
        assert screen.session.negotiation.turns[-1].move.kind == "demand"
        assert not screen.query_one(MessageInput).disabled
        assert screen.query_one(MessageInput).has_focus
        assert not screen.query_one("#banner", Static).has_class("shown")
