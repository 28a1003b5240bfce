"""Helpers for driving the TUI with Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from rehearse.content.playbook import Playbook
from rehearse.ui.app import RehearseApp, make_app
from rehearse.ui.widgets.message_input import MessageInput


async def say(pilot: Pilot[None], text: str) -> None:
    """Type a message into the box and send it."""
    box = pilot.app.screen.query_one(MessageInput)
    box.value = text
    await pilot.press("enter")
    await pilot.pause()


async def start(pilot: Pilot[None]) -> None:
    """Dismiss the briefing and wait for the negotiation screen."""
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


@pytest.fixture
def app(tmp_path: Path, dprk: Playbook) -> RehearseApp:
    return make_app(dprk, seed=0, save_dir=tmp_path / "sessions")
