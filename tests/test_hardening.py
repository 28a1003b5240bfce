"""Hardening: a failed save never advances the session; odd bytes and long pastes are read safely."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from rehearse.content.playbook import Playbook
from rehearse.errors import DialogueFileError
from rehearse.reading.reader import Reader
from rehearse.records.dialogue_file import DialogueWriter, read_dialogue
from rehearse.records.session import RecordedSession

OFFER = "If you halt ICBM tests, we will scale down the joint exercises."


def failing_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(self: DialogueWriter, record: dict) -> None:
        raise DialogueFileError(f"cannot write to '{self.path}': No space left on device")

    monkeypatch.setattr(DialogueWriter, "write", full)


def test_a_turn_that_cannot_be_saved_is_taken_back_and_said(
    dprk: Playbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = RecordedSession(dprk, 0, tmp_path)
    session.say("Good morning.")
    failing_disk(monkeypatch)
    with pytest.raises(DialogueFileError, match="No space left on device; the message was not played"):
        session.say(OFFER)
    assert len(session.negotiation.turns) == 1  # the session never ran ahead of its file
    monkeypatch.undo()
    session.say(OFFER)
    assert session.path is not None
    session.close()
    assert [t["turn"] for t in read_dialogue(session.path).effective_turns()] == [1, 2]


def test_a_correction_that_cannot_be_saved_leaves_the_turn_as_it_was(
    dprk: Playbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = RecordedSession(dprk, 0, tmp_path)
    before = session.say(OFFER)
    failing_disk(monkeypatch)
    with pytest.raises(DialogueFileError, match="the correction was not made"):
        session.correct("concession", gives=["exercise_limits"])
    after = session.negotiation.turns[-1]
    session.close()
    assert (after.move, after.reply, after.corrected) == (before.move, before.reply, False)


def test_an_undo_that_cannot_be_saved_changes_nothing(
    dprk: Playbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = RecordedSession(dprk, 0, tmp_path)
    session.say(OFFER)
    failing_disk(monkeypatch)
    with pytest.raises(DialogueFileError):
        session.undo()
    session.close()
    assert len(session.negotiation.turns) == 1


def test_bytes_that_are_not_utf8_on_chat_input_are_read_and_saved(tmp_path: Path) -> None:
    message = b"If you halt ICBM tests, we will ease sanctions \xff\xfe now.\n"
    result = subprocess.run(
        [sys.executable, "-m", "rehearse", "chat", "dprk", "--save-dir", str(tmp_path)],
        input=message,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stderr
    (path,) = tmp_path.glob("*.jsonl")
    (turn,) = read_dialogue(path).turns
    assert turn["move"]["kind"] == "reciprocal" and "now." in turn["say"]


def test_reading_stays_linear_on_a_long_repetitive_paste(dprk: Playbook) -> None:
    reader = Reader(dprk)
    reader.memo = reader.sentence_memo = False
    reader.read("u visas " * 10)
    start = time.perf_counter()
    reader.read("u visas " * 500)  # 4,000 characters, the reading cap
    assert time.perf_counter() - start < 0.15


def test_classify_never_echoes_terminal_escape_sequences() -> None:
    from click.testing import CliRunner

    from rehearse.cli import cli

    result = CliRunner().invoke(
        cli, ["classify", "--persona", "dprk"], input="hello \x1b[2J\x1b]0;pwned\x07 there\n"
    )
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "hello \\x1b[2J" in result.output
