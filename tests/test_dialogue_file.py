"""Saved dialogues: written line by line, read back even when the last line was cut off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rehearse import Negotiation, __version__
from rehearse.content.playbook import Playbook
from rehearse.errors import DialogueFileError, RehearseError
from rehearse.records.dialogue_file import DialogueWriter, read_dialogue


def saved(tmp_path: Path, dprk: Playbook, messages: list[str]) -> Path:
    writer = DialogueWriter.create(tmp_path, dprk, 5, __version__)
    neg = Negotiation(dprk, seed=5)
    for message in messages:
        writer.write_turn(dprk, neg.say(message))
    writer.close()
    return writer.path


def test_each_turn_is_on_disk_before_the_next_is_played(tmp_path: Path, dprk: Playbook) -> None:
    writer = DialogueWriter.create(tmp_path, dprk, 0, __version__)
    neg = Negotiation(dprk)
    writer.write_turn(dprk, neg.say("Good morning."))
    lines = writer.path.read_text().splitlines()
    assert len(lines) == 2 and json.loads(lines[1])["say"] == "Good morning."
    writer.close()


def test_round_trip(tmp_path: Path, dprk: Playbook) -> None:
    path = saved(tmp_path, dprk, ["Hello.", "Freeze enrichment now."])
    dialogue = read_dialogue(path)
    assert dialogue.header["seed"] == 5
    assert [t["say"] for t in dialogue.turns] == ["Hello.", "Freeze enrichment now."]
    assert dialogue.turns[1]["reasons"] == ["unilateral demand: trust -8, tension +12"]
    assert dialogue.warnings == []


def test_a_truncated_last_line_is_reported_and_the_rest_kept(tmp_path: Path, dprk: Playbook) -> None:
    path = saved(tmp_path, dprk, ["Hello.", "Freeze enrichment now."])
    text = path.read_text()
    path.write_text(text[: len(text) - 25])
    dialogue = read_dialogue(path)
    assert [t["say"] for t in dialogue.turns] == ["Hello."]
    assert "cut off" in dialogue.warnings[0]


def test_unknown_keys_are_ignored(tmp_path: Path, dprk: Playbook) -> None:
    path = saved(tmp_path, dprk, ["Hello."])
    lines = path.read_text().splitlines()
    record = json.loads(lines[1]) | {"future_field": [1, 2]}
    path.write_text("\n".join([lines[0], json.dumps(record)]) + "\n")
    assert read_dialogue(path).turns[0]["future_field"] == [1, 2]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("hello world\n", "not a rehearse dialogue"),
        ('{"format": "something-else"}\n', "not a rehearse dialogue"),
        ('{"format": "rehearse-dialogue", "version": 9}\n', "version 9"),
    ],
)
def test_files_that_are_not_dialogues_are_refused_clearly(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(content)
    with pytest.raises(DialogueFileError, match=message):
        read_dialogue(path)
    assert issubclass(DialogueFileError, RehearseError)


def test_a_new_session_never_overwrites_an_existing_file(tmp_path: Path, dprk: Playbook) -> None:
    first = DialogueWriter.create(tmp_path, dprk, 0, __version__)
    second = DialogueWriter.create(tmp_path, dprk, 0, __version__)
    assert first.path != second.path
    first.close()
    second.close()
    assert len(list(tmp_path.iterdir())) == 2


def test_unwritable_save_folder_is_a_clear_error(tmp_path: Path, dprk: Playbook) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DialogueFileError, match="cannot create the save folder"):
        DialogueWriter.create(blocker / "sub", dprk, 0, __version__)
