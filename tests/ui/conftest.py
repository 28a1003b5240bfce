"""Helpers for driving the TUI with Pilot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from time import monotonic

import pytest
import textual._wait
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
    """Wait past the read-back's debounce and for its thread to report (``quick_reading`` shortens it)."""
    await pilot.pause()  # the draft's change is handled: its reading is scheduled
    deadline = monotonic() + 10
    while monotonic() < deadline:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not getattr(pilot.app.screen, "reading_pending", False):
            return
        await pilot.pause(0.01)
    raise AssertionError("the read-back never settled")


async def debrief_opens(pilot: Pilot[None]) -> None:
    """Wait until the debrief has opened by itself (``DEBRIEF_DELAY`` after the session ended)."""
    from rehearse.ui.screens.debrief import DebriefScreen

    deadline = monotonic() + 10
    while not isinstance(pilot.app.screen, DebriefScreen):
        if monotonic() > deadline:
            raise AssertionError("the debrief never opened")
        await pilot.pause(0.02)
    await pilot.pause()


async def start(pilot: Pilot[None]) -> None:
    """Dismiss the briefing and wait for the negotiation screen."""
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


@pytest.fixture(scope="session", autouse=True)
def quick_idle_checks() -> Iterator[None]:
    """Let Pilot see that the app has gone idle after 5 ms without work rather than 20 ms.

    After each key press and pause, Pilot waits for every queued message to be handled and then
    sleeps in slices until one passes with the process almost idle (under 5% of a CPU). Shorter
    slices, the same 5% threshold: a test waits for the same work, with less idle time after it.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textual._wait, "SLEEP_GRANULARITY", 0.005)
        patch.setattr(textual._wait, "SLEEP_IDLE", 0.005 / 20)
        yield


@pytest.fixture
def app(tmp_path: Path, dprk: Playbook) -> RehearseApp:
    return make_app(dprk, seed=0, save_dir=tmp_path / "sessions")


@pytest.fixture
def quick_debrief(monkeypatch: pytest.MonkeyPatch) -> None:
    """Open the debrief 0.2 s after a session ends (1.2 s in use); ``debrief_opens`` waits for it."""
    from rehearse.ui.screens import negotiation

    monkeypatch.setattr(negotiation, "DEBRIEF_DELAY", 0.2)


@pytest.fixture
def quick_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read the draft back 0.02 s after the last keystroke (0.15 s in use): the same reading, sooner."""
    from rehearse.ui.screens import negotiation

    monkeypatch.setattr(negotiation, "DEBOUNCE", 0.02)
