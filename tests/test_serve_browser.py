"""`rehearse serve` in a real browser: a name, dprk, a message, a reply, and the dialogue on disk."""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
"""Terminal control sequences: what is left is the text the tab's terminal was asked to show."""


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
        time.sleep(0.05)
    raise AssertionError(f"rehearse serve did not listen on {port}")


def poll(ready: Callable[[], bool], seconds: float = 10.0) -> None:
    """Wait until ``ready()`` is true (the browser acts in another process)."""
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise AssertionError("the browser session did not get there in time")
        time.sleep(0.02)


class Terminal:
    """The text the tab's terminal is sent over its websocket (the app's output, without control codes)."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.text = ""
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        page.on("websocket", lambda websocket: websocket.on("framereceived", self._received))

    def _received(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):  # the terminal's output; text frames are the protocol's own
            self.text += ESCAPES.sub("", self._decoder.decode(payload))

    def shows(self, words: str, since: int = 0, seconds: float = 15.0) -> None:
        """Wait until the app has drawn ``words`` (after position ``since`` of what it drew)."""
        deadline = time.monotonic() + seconds
        while words not in self.text[since:]:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"the tab never showed {words!r}; it showed:\n{self.text[since:][-3000:]}"
                )
            self.page.wait_for_timeout(20)  # the browser's events are delivered while it waits

    def painted(self) -> None:
        """Wait until the browser has painted what the terminal received (two animation frames)."""
        self.page.evaluate(
            "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
        )


def dprk_position() -> int:
    """Return how many options come before dprk in the picker (as the app composes it)."""
    from textual.widgets import OptionList

    from rehearse.ui.app import make_app

    picker = make_app(None, save_dir=None)._picker()
    (options,) = [widget for widget in picker.compose() if isinstance(widget, OptionList)]
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    return ids.index("dprk")


def dialogue_with_a_reply(folder: Path, seconds: float = 10.0) -> list[dict[str, object]]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for path in folder.glob("dprk-*.jsonl"):
            lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
            if len(lines) >= 2 and lines[1].get("reply"):
                return lines
        time.sleep(0.02)
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
        downs = dprk_position()  # while the server starts
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
            try:
                wait_for(port)
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                terminal = Terminal(page)
                page.goto(f"http://127.0.0.1:{port}/")
                terminal.shows("Your name")  # the tab's own process started and drew the name screen
                page.mouse.click(640, 404)  # the name box: the terminal takes the keyboard
                page.keyboard.type("Alice O'Brien")
                seen = len(terminal.text)
                page.keyboard.press("Enter")
                folder = root / "alice-o-brien"
                poll(folder.is_dir)  # the name was taken: the trainee's folder exists
                terminal.shows("choose a delegation", since=seen)  # ... and the picker is up
                for _ in range(downs):
                    page.keyboard.press("ArrowDown")
                seen = len(terminal.text)
                page.keyboard.press("Enter")  # dprk: its briefing
                terminal.shows("Press Enter to begin", since=seen)
                seen = len(terminal.text)
                page.keyboard.press("Enter")  # begin: the dialogue file is created
                poll(lambda: any(folder.glob("dprk-*.jsonl")))
                terminal.shows("your move", since=seen)  # the message box is up
                page.keyboard.type("If you halt ICBM tests, we will scale down the joint exercises.")
                seen = len(terminal.text)
                page.keyboard.press("Enter")
                lines = dialogue_with_a_reply(folder)
                terminal.shows("read as reciprocal", since=seen)  # the status line: the turn is on screen
                terminal.painted()
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
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in text
    assert "WARNING" not in text and "ERROR" not in text, text[-600:]  # the tabs quit before the loop closed
