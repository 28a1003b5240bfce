"""Helpers for driving the TUI with Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from rehearse.content.playbook import Playbook
from rehearse.ui.app import RehearseApp, make_app
from rehearse.ui.widgets.message_input import MessageInput


async def say(pilot: Pilot[None], text: str, anyway: bool = False) -> None:
    """Type a message into the box and send it (``anyway``: press Enter again past the warning)."""
    box = pilot.app.screen.query_one(MessageInput)
    box.value = text
    await pilot.press("enter")
    await pilot.pause()
    if anyway:
        await pilot.press("enter")
        await pilot.pause()


async def settle_reading(pilot: Pilot[None]) -> None:
    """Wait past the read-back's debounce and for its thread to report."""
    await pilot.pause(0.2)
    for _ in range(100):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not getattr(pilot.app.screen, "reading_pending", False):
            return
        await pilot.pause(0.02)
    raise AssertionError("the read-back never settled")


async def start(pilot: Pilot[None]) -> None:
    """Dismiss the briefing and wait for the negotiation screen."""
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


@pytest.fixture
def app(tmp_path: Path, dprk: Playbook) -> RehearseApp:
    return make_app(dprk, seed=0, save_dir=tmp_path / "sessions")


@pytest.fixture
def quick_debrief(monkeypatch: pytest.MonkeyPatch) -> float:
    """Open the debrief 0.2 s after a session ends (1.2 s in use) and return how long to wait for it."""
    from rehearse.ui.screens import negotiation

    monkeypatch.setattr(negotiation, "DEBRIEF_DELAY", 0.2)
    return 0.5
