"""Snapshots of the main screens at 80x24 and 120x40 (taken after the screen has settled)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, SelectionList

from rehearse.content.playbook import Playbook
from rehearse.ui.app import make_app
from tests.ui.conftest import debrief_opens, say, start

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_picker(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def settle(pilot: Pilot[None]) -> None:
        await pilot.pause()

    assert snap_compare(make_app(None, save_dir=tmp_path), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_negotiation_mid_session(snap_compare, tmp_path: Path, dprk: Playbook, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def play(pilot: Pilot[None]) -> None:
        await start(pilot)
        await say(pilot, "Good morning.")
        await say(pilot, "If you halt ICBM tests, we will scale down the joint exercises.")
        await say(pilot, "Freeze enrichment now.")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()  # the transcript's scroll to the end settles
        await pilot.pause()

    assert snap_compare(make_app(dprk, save_dir=tmp_path), terminal_size=size, run_before=play)


@pytest.mark.usefixtures("quick_debrief")
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_debrief(snap_compare, tmp_path: Path, dprk: Playbook, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def play(pilot: Pilot[None]) -> None:
        await start(pilot)
        await say(
            pilot, "If you halt ICBM and nuclear tests, we will limit exercises and impose no new sanctions."
        )
        await say(pilot, "Agreed.")
        await say(pilot, "Freeze enrichment now.")
        await say(pilot, "We accept the roadmap.", anyway=True)
        await debrief_opens(pilot)

    assert snap_compare(make_app(dprk, save_dir=tmp_path), terminal_size=size, run_before=play)


def test_correction_modal(snap_compare, tmp_path: Path, dprk: Playbook) -> None:  # type: ignore[no-untyped-def]
    async def open_it(pilot: Pilot[None]) -> None:
        await start(pilot)
        await say(pilot, "If you halt ICBM tests, we will scale down the joint exercises.")
        await pilot.press("f4")
        await pilot.pause()
        app = pilot.app
        app.screen.query_one("#correction-kind", OptionList).highlighted = 3  # concession
        app.screen.query_one("#correction-asks", SelectionList).deselect_all()
        app.screen.query_one("#correction-asks", SelectionList).focus()
        await pilot.pause()

    assert snap_compare(make_app(dprk, save_dir=tmp_path), terminal_size=(80, 24), run_before=open_it)


def test_progress(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from rehearse.records.history import HistoryEntry, append_entry
    from rehearse.records.progress import summarize
    from rehearse.ui.app import make_progress_app

    history = tmp_path / "history.jsonl"
    for day, (score, outcome) in enumerate(
        [(12, "derailed"), (41, "ongoing"), (58, "agreement"), (73, "agreement")]
    ):
        append_entry(
            history, HistoryEntry("dprk", f"2026-11-0{day + 1}T10:00:00+00:00", outcome, score, 6, hints=1)
        )
    append_entry(
        history,
        HistoryEntry(
            "dprk", "2026-11-05T10:00:00+00:00", "derailed", 5, 3, drill="three-demands", passed=False
        ),
    )
    shipped = {"three-demands": "dprk", "icbm-first": "dprk", "china-red-line": "china"}
    app = make_progress_app(summarize(history, shipped=shipped), "history.jsonl")

    async def settle(pilot: Pilot[None]) -> None:
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 40), run_before=settle)


def test_six_party_table_mid_session(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from rehearse.content.tables import load_table, tables_dir

    async def play(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await say(pilot, "@dprk If you halt ICBM tests, we will scale down the joint exercises.")
        await say(pilot, "@dprk Agreed.")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    app = make_app(None, save_dir=tmp_path, table=load_table(tables_dir() / "six-party.yaml"))
    assert snap_compare(app, terminal_size=(100, 30), run_before=play)
