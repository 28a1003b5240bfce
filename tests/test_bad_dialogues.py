"""Saved dialogues of every wrong shape: one clear message or a skipped line, never a traceback."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rehearse.cli import cli
from rehearse.records.dialogue_file import effective_turns, read_dialogue

FUZZ = int(os.environ.get("REHEARSE_FUZZ", "25"))
"""Examples per property (benchmarks/fuzz.sh runs thousands)."""

SAMPLE = Path(__file__).resolve().parent.parent / "dialogues" / "samples" / "recovery.jsonl"
NASTY = [
    "x",
    None,
    [1, 2],
    {"a": 1},
    -1,
    0,
    1.5,
    True,
    "accept",
    "__HUGE__",  # written as a 5,000-digit integer
    float("inf"),
    "[bold]x[/bold]",
    "\x1b[2J",
    [["deep"]],
]
COMMANDS = [
    ("replay", "--check"),
    ("export", "--format", "md"),
    ("export", "--format", "html"),
    ("export", "--format", "drill"),
    ("export", "--format", "corpus"),
]


def lines() -> list[dict]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def write(path: Path, records: list[object], raw_lines: tuple[str, ...] = ()) -> Path:
    text = "\n".join(json.dumps(r) if not isinstance(r, str) else r for r in records)
    text = text.replace('"__HUGE__"', "9" * 5000)
    path.write_text(text + "\n" + "".join(line + "\n" for line in raw_lines), encoding="utf-8")
    return path


def run_all(path: Path) -> list[tuple[str, int, str]]:
    out = []
    for command in [*COMMANDS, ("graph", "dprk", "--dialogue")]:
        result = CliRunner().invoke(cli, [*command, str(path)])
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"{command} crashed: {result.exception!r}") from result.exception
        assert result.exit_code in (0, 1, 2), (command, result.exit_code, result.output)
        assert "Traceback" not in result.output
        out.append((command[0], result.exit_code, result.output))
    return out


FIELDS = [
    "turn",
    "say",
    "move",
    "reply",
    "state",
    "outcome",
    "meters",
    "reasons",
    "confidence",
    "evidence",
    "situation",
    "table",
    "ledger",
    "corrected",
    "read_as",
]


@settings(max_examples=FUZZ, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.integers(min_value=1, max_value=7),
    st.sampled_from(FIELDS),
    st.sampled_from(NASTY),
)
def test_a_field_of_the_wrong_type_skips_its_line_and_keeps_the_rest(
    tmp_path_factory: pytest.TempPathFactory, line: int, field: str, value: object
) -> None:
    records = lines()
    records[line][field] = value
    path = write(tmp_path_factory.mktemp("d") / "bad.jsonl", records)
    dialogue = read_dialogue(path)
    assert len(dialogue.turns) >= line - 1  # the lines before the bad one are all kept
    run_all(path)


@pytest.mark.parametrize(
    "value",
    [
        {"event": "rewind", "to_turn": "x"},
        {"event": "rewind", "to_turn": None},
        {"event": "rewind", "to_turn": 99},
        {"event": "rewind", "to_turn": -3},
        {"event": "rewind"},
    ],
)
def test_a_bad_rewind_is_reported_and_skipped(tmp_path: Path, value: dict) -> None:
    records = [*lines()[:4], value, *lines()[4:]]
    path = write(tmp_path / "rewind.jsonl", records)
    dialogue = read_dialogue(path)
    assert any("RH202" in w and "to_turn" in w for w in dialogue.warnings)
    assert len(dialogue.effective_turns()) == 7
    run_all(path)


@pytest.mark.parametrize(
    "line",
    ["[" * 100_000, "1" * 5000, '{"turn": ' + "9" * 5000 + ', "say": "x"}', "null", "[1, 2]", '"text"'],
)
def test_unreadable_lines_are_reported_and_skipped(tmp_path: Path, line: str) -> None:
    path = write(tmp_path / "lines.jsonl", lines()[:3], (line, *(json.dumps(r) for r in lines()[3:])))
    dialogue = read_dialogue(path)
    assert dialogue.warnings and len(dialogue.effective_turns()) == 7
    outputs = run_all(path)
    assert outputs[0][1] == 0  # replay --check: the readable turns replay identically


@pytest.mark.parametrize(
    "header",
    [
        {"format": "rehearse-dialogue", "version": "__HUGE__", "persona": "dprk"},
        {"format": "rehearse-dialogue", "version": "1", "persona": "dprk"},
        {"format": "rehearse-dialogue", "version": 1, "persona": ["dprk"]},
        {"format": "rehearse-dialogue", "version": 1, "persona": "dprk", "seed": "x"},
        {"format": "rehearse-dialogue", "version": 1, "persona": "dprk", "seed": 2**80},
    ],
)
def test_a_bad_header_is_one_clear_error(tmp_path: Path, header: dict) -> None:
    path = write(tmp_path / "header.jsonl", [header, *lines()[1:]])
    for name, code, output in run_all(path)[:-1]:  # graph reads the persona's machine, named apart
        assert code == 2, (name, output)
        assert output.count("\n") <= 2


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_fifo_or_a_device_is_never_read_as_a_dialogue(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        result = CliRunner().invoke(cli, ["replay", "--check", str(path)])
        assert result.exit_code == 2 and "not a regular file" in result.output
    result = CliRunner().invoke(cli, ["replay", "--check", str(tmp_path)])  # a folder walk skips it
    assert "note: skipped" in result.output and "not a regular file" in result.output
    assert result.exit_code in (0, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_reading_the_turns_of_a_long_dialogue_is_linear() -> None:
    import time

    entries: list[dict] = []
    for n in range(1, 40_001):
        entries.append({"turn": n, "say": "x"})
    start = time.perf_counter()
    assert len(effective_turns(entries)) == 40_000
    assert time.perf_counter() - start < 0.5


def test_a_line_that_is_not_utf8_is_skipped_and_the_rest_kept(tmp_path: Path) -> None:
    raw = SAMPLE.read_bytes().split(b"\n")
    raw[3] = raw[3].replace(b"started", b"sta\xff\xferted")
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(b"\n".join(raw))
    dialogue = read_dialogue(path)
    assert any("RH201" in w and "not UTF-8" in w for w in dialogue.warnings)
    assert len(dialogue.turns) == 6
    run_all(path)
