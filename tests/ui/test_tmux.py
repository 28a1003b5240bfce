"""End to end in a real terminal: `rehearse play dprk` in tmux, two messages, the saved dialogue."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from rehearse.records.dialogue_file import read_dialogue

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def rehearse_command() -> str:
    script = Path(sys.executable).with_name("rehearse")
    return str(script) if script.exists() else f"{sys.executable} -m rehearse"


@pytest.fixture(params=["dprk"])
def session(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[str, Path]]:
    name = f"rehearse-{uuid.uuid4().hex[:8]}"
    save = tmp_path / "saved"
    env = {**os.environ, "REHEARSE_DATA_DIR": str(tmp_path / "data")}
    command = f"{rehearse_command()} play {request.param} --save-dir {save}; sleep 5"
    subprocess.run(
        ["tmux", "-L", name, "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command],
        check=True,
        env=env,
    )
    try:
        yield name, save
    finally:
        subprocess.run(["tmux", "-L", name, "kill-session", "-t", name], check=False)


def screen(name: str) -> str:
    return subprocess.run(
        ["tmux", "-L", name, "capture-pane", "-t", name, "-p"], capture_output=True, text=True, check=True
    ).stdout


def wait_for(name: str, text: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = screen(name)
        if text in shown or text in " ".join(shown.split()):  # the words may wrap across lines
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen(name)}")


def send(name: str, text: str) -> None:
    subprocess.run(["tmux", "-L", name, "send-keys", "-t", name, "-l", text], check=True)
    subprocess.run(["tmux", "-L", name, "send-keys", "-t", name, "Enter"], check=True)


def test_play_in_a_real_terminal(session: tuple[str, Path]) -> None:
    name, save = session
    wait_for(name, "Press Enter to begin")
    subprocess.run(["tmux", "-L", name, "send-keys", "-t", name, "Enter"], check=True)
    wait_for(name, "Make your move")
    send(name, "If you halt ICBM tests, we will scale down the joint exercises.")
    wait_for(name, "trust 40 (+5)")
    wait_for(name, "moratorium on ICBM tests")  # the reply, once the transcript has painted
    send(name, "Freeze enrichment now.")
    shown = wait_for(name, "tension 59 (+12)")
    assert "hardening" in shown
    files = list(save.glob("dprk-*.jsonl"))
    assert len(files) == 1
    dialogue = read_dialogue(files[0])
    assert [t["move"]["kind"] for t in dialogue.turns] == ["reciprocal", "demand"]
    assert dialogue.turns[1]["reply"]


def test_a_draft_is_read_back_before_it_is_sent(session: tuple[str, Path]) -> None:
    name, save = session
    wait_for(name, "Press Enter to begin")
    subprocess.run(["tmux", "-L", name, "send-keys", "-t", name, "Enter"], check=True)
    wait_for(name, "Make your move")
    draft = "If you halt ICBM tests, we will scale down the joint exercises."
    subprocess.run(["tmux", "-L", name, "send-keys", "-t", name, "-l", draft], check=True)  # typed, no Enter
    shown = wait_for(name, "reading: reciprocal: you offer limits on military")
    assert "trust 35 ·" in shown  # nothing was played yet
    (path,) = save.glob("dprk-*.jsonl")
    assert read_dialogue(path).turns == []
    subprocess.run(["tmux", "-L", name, "send-keys", "-t", name, "Enter"], check=True)
    wait_for(name, "trust 40 (+5)")


@pytest.mark.parametrize("session", ["six-party"], indirect=True)
def test_the_six_party_table_in_a_real_terminal(session: tuple[str, Path]) -> None:
    name, save = session
    wait_for(name, "Press Enter to begin")
    subprocess.run(["tmux", "-L", name, "send-keys", "-t", name, "Enter"], check=True)
    wait_for(name, "Table: talking")
    send(name, "@dprk Halt the missile tests by Friday or we will use military force.")
    shown = wait_for(name, "Beijing's work harder")  # the chair's warning: a reaction to a threat
    assert "the Russian delegation" in shown  # Moscow reacts too
    (path,) = save.glob("six-party-*.jsonl")
    assert len(path.read_text(encoding="utf-8").splitlines()) == 2
