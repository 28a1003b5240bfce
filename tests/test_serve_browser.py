"""`rehearse serve` in a real browser: a name, dprk, a message, a reply, and the dialogue on disk."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(port: int, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"rehearse serve did not listen on {port}")


def poll(ready: Callable[[], bool], seconds: float = 10.0) -> None:
    """Wait until ``ready()`` is true (the browser acts in another process)."""
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise AssertionError("the browser session did not get there in time")
        time.sleep(0.05)


def dprk_position() -> int:
    """Return how many options come before dprk in the picker (tables, then personas with their drills)."""
    from rehearse.content.registry import available_personas
    from rehearse.ui.app import bundled_drills, bundled_tables

    drills = bundled_drills()
    position = len(bundled_tables())  # the tables come first
    for entry in available_personas():
        if entry.id == "dprk":
            return position
        position += 1 + len(drills.get(entry.id, []))
    raise AssertionError("dprk is not shipped")


def dialogue_with_a_reply(folder: Path, seconds: float = 10.0) -> list[dict[str, object]]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for path in folder.glob("dprk-*.jsonl"):
            lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
            if len(lines) >= 2 and lines[1].get("reply"):
                return lines
        time.sleep(0.2)
    raise AssertionError(f"no dialogue with a reply under {folder}")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)")
def test_a_trainee_rehearses_in_the_browser_and_the_dialogue_is_saved_under_their_name(
    tmp_path: Path,
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (test extras)")
    root = tmp_path / "class"
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        server = subprocess.Popen(  # its own process group, no inherited stdin: nothing outlives the test
            [sys.executable, "-m", "rehearse", "serve", "--port", str(port), "--save-dir", str(root)],
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(port)
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(f"http://127.0.0.1:{port}/")
                page.wait_for_timeout(2500)  # the tab's own process starts and paints
                page.mouse.click(640, 404)  # the name box: the terminal takes the keyboard
                page.keyboard.type("Alice O'Brien")
                page.keyboard.press("Enter")
                folder = root / "alice-o-brien"
                poll(folder.is_dir)  # the name was taken: the trainee's folder exists
                page.wait_for_timeout(300)
                for _ in range(dprk_position()):
                    page.keyboard.press("ArrowDown")
                page.keyboard.press("Enter")  # dprk: its briefing
                page.wait_for_timeout(700)
                page.keyboard.press("Enter")  # begin: the dialogue file is created
                poll(lambda: any(folder.glob("dprk-*.jsonl")))
                page.wait_for_timeout(300)
                page.keyboard.type("If you halt ICBM tests, we will scale down the joint exercises.")
                page.keyboard.press("Enter")
                lines = dialogue_with_a_reply(folder)
                page.wait_for_timeout(800)
                page.screenshot(path=str(tmp_path / "browser.png"))
            finally:
                browser.close()  # never left running, whatever failed
        assert lines[0]["persona"] == "dprk" and lines[0]["trainee"] == "Alice O'Brien"
        assert lines[1]["move"]["kind"] == "reciprocal"  # type: ignore[index]
        assert (tmp_path / "browser.png").stat().st_size > 10_000
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl+C
        try:
            code = server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            raise
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)  # any tab process left behind
    assert code == 0
    assert "Traceback" not in log.read_text(encoding="utf-8", errors="replace")
