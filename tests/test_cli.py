"""The command line as users and scripts see it: chat, classify, personas, validate, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rehearse import __version__
from rehearse.cli import cli
from rehearse.records.dialogue_file import read_dialogue

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert __version__ in out


def test_chat_saves_every_turn_and_ends_on_eof(tmp_path: Path) -> None:
    stdin = "Good morning.\nIf you halt ICBM tests, we will scale down the joint exercises.\n\nAgreed.\n"
    code, out, _ = run("chat", "dprk", "--save-dir", str(tmp_path), stdin=stdin)
    assert code == 0
    assert "United States delegation" in out
    assert (
        "read as reciprocal; offers limits on military exercises; asks a moratorium on ICBM tests"
        in " ".join(out.split())
    )
    assert "trust 40 (+5)" in out
    files = list(tmp_path.glob("*.jsonl"))
    assert len(files) == 1
    header, *turns = [json.loads(line) for line in files[0].read_text().splitlines()]
    assert header["format"] == "rehearse-dialogue" and header["version"] == 1
    assert header["persona"] == "dprk" and header["seed"] == 0 and len(header["playbook_sha256"]) == 64
    assert [t["turn"] for t in turns] == [1, 2, 3]
    assert turns[1]["move"] == {
        "kind": "reciprocal",
        "gives": ["exercise_limits"],
        "asks": ["icbm_test_moratorium"],
    }
    assert set(turns[2]) >= {"say", "reply", "state", "outcome", "meters"}


def test_chat_ends_cleanly_on_an_outcome(tmp_path: Path) -> None:
    stdin = "Denuclearize completely or we will use military force.\nHello?\n"
    code, out, _ = run("chat", "dprk", "--save-dir", str(tmp_path), stdin=stdin)
    assert code == 0
    assert "derailed" in out
    dialogue = read_dialogue(next(tmp_path.glob("*.jsonl")))
    assert len(dialogue.turns) == 1
    assert dialogue.turns[0]["outcome"] == "derailed"


def test_chat_undo_is_recorded(tmp_path: Path) -> None:
    stdin = "Freeze enrichment now.\n/undo\nHow would you sequence the steps?\n"
    code, out, _ = run("chat", "dprk", "--save-dir", str(tmp_path), stdin=stdin)
    assert code == 0
    assert "Took back your last message" in out
    dialogue = read_dialogue(next(tmp_path.glob("*.jsonl")))
    assert dialogue.events == [{"event": "rewind", "to_turn": 0, "after_line": 1}]
    assert [t["turn"] for t in dialogue.turns] == [1, 1]


def test_chat_no_save_writes_nothing(tmp_path: Path) -> None:
    code, out, _ = run("chat", "dprk", "--no-save", "--save-dir", str(tmp_path), stdin="Hello.\n")
    assert code == 0
    assert list(tmp_path.iterdir()) == []
    assert "saved" not in out.lower()


def test_chat_saves_in_the_user_data_dir_by_default(data_dir: Path) -> None:
    code, _, _ = run("chat", "dprk", stdin="Hello.\n")
    assert code == 0
    assert len(list((data_dir / "sessions").glob("dprk-*.jsonl"))) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["chat", "nosuch"], "unknown persona 'nosuch'"),
        (["chat", "dprkk"], "did you mean 'dprk'?"),
        (["chat", "missing/file.yaml"], "no playbook file"),
        (["classify", "--persona", "nosuch"], "unknown persona"),
        (["validate", "no/such/path.yaml"], "no such file or folder"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(args: list[str], message: str) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_broken_playbook_lists_problems_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\nname: [unclosed\n", encoding="utf-8")
    code, _, err = run("chat", str(bad))
    assert code == 2
    assert f"{bad}:" in err and "YAML syntax" in err


def test_classify_json_follows_the_contract() -> None:
    stdin = "If you halt ICBM tests, we will limit exercises.\nGood afternoon.\n"
    code, out, _ = run("classify", "--persona", "dprk", "--json", stdin=stdin)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert set(rows[0]) == {"text", "kind", "gives", "asks", "confidence", "evidence"}
    assert {k: rows[0][k] for k in ("text", "kind", "gives", "asks")} == {
        "text": "If you halt ICBM tests, we will limit exercises.",
        "kind": "reciprocal",
        "gives": ["exercise_limits"],
        "asks": ["icbm_test_moratorium"],
    }
    assert 0.5 < rows[0]["confidence"] <= 1
    assert "offer: 'we will limit exercises'" in rows[0]["evidence"]
    assert "ask: 'you halt icbm tests'" in rows[0]["evidence"]
    assert rows[1]["kind"] == "other"
    assert 0 <= rows[1]["confidence"] <= 1 and isinstance(rows[1]["evidence"], list)


def test_classify_plain_output_is_readable() -> None:
    code, out, _ = run("classify", "--persona", "dprk", stdin="Freeze enrichment now.\n")
    assert code == 0
    assert out.startswith("demand")
    assert "asks=fissile_freeze" in out


def test_personas_lists_the_delegations() -> None:
    code, out, _ = run("personas")
    assert code == 0
    assert out.splitlines()[0].split()[0] in {p.stem for p in (ROOT / "personas").glob("*.yaml")}
    assert "dprk " in out and "United States delegation" in out


def test_validate_exit_codes(tmp_path: Path) -> None:
    code, _, _ = run("validate", str(ROOT / "personas"))
    assert code == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text((ROOT / "personas" / "dprk.yaml").read_text().replace("to: walkout", "to: walkot", 1))
    code, out, _ = run("validate", str(bad), str(ROOT / "personas"))
    assert code == 1
    line = out.splitlines()[0]
    assert line.startswith(f"{bad}:") and "unknown state 'walkot'; did you mean 'walkout'?" in line


def test_installed_script_runs_from_anywhere(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("rehearse")
    if not exe.exists():
        pytest.skip("the rehearse script is not installed next to this Python")
    env = {**os.environ, "REHEARSE_DATA_DIR": str(tmp_path)}
    out = subprocess.run([str(exe), "personas"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert out.returncode == 0 and "dprk " in out.stdout


def test_the_readme_chat_example_is_what_chat_prints() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ rehearse chat dprk\n", 1)[1].split("```", 1)[0]
    said = [line[len("you> ") :] for line in block.splitlines() if line.startswith("you> ")]
    shown = [line for line in block.splitlines() if line and not line.startswith(("you> ", "..."))]
    code, out, _ = run("chat", "dprk", "--no-save", stdin=said[0] + "\n")
    assert code == 0
    printed = out.splitlines()
    for line in shown:
        assert line in printed, line


def test_explore_help_describes_its_options() -> None:
    code, out, _ = run("explore", "--help")
    assert code == 0
    assert "Random sessions to play" in out and "same seed, same findings" in out


def test_an_unknown_persona_says_a_path_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("new", "persona", "myp")
    assert code == 0
    code, _, err = run("chat", "myp", "--no-save")
    assert code == 2 and "give its path: rehearse play ./personas/myp.yaml" in err
    code, out, _ = run("chat", "./personas/myp.yaml", "--no-save", stdin="Hello.\n")
    assert code == 0 and "the The" not in out


def test_piped_chat_echoes_what_it_read() -> None:
    code, out, _ = run("chat", "dprk", "--no-save", stdin="Good morning.\n")
    assert code == 0 and "you> Good morning." in out
