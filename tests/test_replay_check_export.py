"""Saved dialogues: check against today's playbooks, export, and survive crashes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from rehearse.cli import cli
from rehearse.records.dialogue_file import read_dialogue

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "dialogues" / "samples"


def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def saved_session(folder: Path, *messages: str) -> Path:
    code, _, _ = run("chat", "dprk", "--save-dir", str(folder), stdin="\n".join(messages) + "\n")
    assert code == 0
    return next(folder.glob("*.jsonl"))


def test_shipped_samples_cover_walkout_agreement_and_recovery() -> None:
    outcomes = {p.stem: read_dialogue(p).turns[-1]["outcome"] for p in SAMPLES.glob("*.jsonl")}
    assert outcomes == {"walkout": "derailed", "agreement": "agreement", "recovery": "agreement"}
    recovery = read_dialogue(SAMPLES / "recovery.jsonl").turns
    assert recovery[0]["move"]["kind"] == "demand"


def test_check_passes_on_the_samples() -> None:
    code, out, _ = run("replay", "--check", str(SAMPLES))
    assert code == 0
    assert out.count("identical") == 3


def test_check_reports_each_divergence_and_its_cause(tmp_path: Path) -> None:
    path = saved_session(tmp_path, "Good morning.", "Freeze enrichment now.")
    lines = path.read_text().splitlines()
    record = json.loads(lines[2])
    record["reply"] = "An edited reply."
    record["meters"]["trust"] = 99
    lines[2] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n")
    code, out, _ = run("replay", "--check", str(path))
    assert code == 1
    assert "2 divergence(s)" in out
    assert "engine itself now behaves differently" in out
    assert 'turn 2 reply: saved "An edited reply."' in out
    assert "turn 2 meters" in out

    header = json.loads(lines[0]) | {"playbook_sha256": "0" * 64}
    lines[0] = json.dumps(header)
    path.write_text("\n".join(lines) + "\n")
    _, out, _ = run("replay", "--check", str(path))
    assert "the playbook changed since the dialogue was saved" in out


def test_check_replays_rewinds(tmp_path: Path) -> None:
    path = saved_session(tmp_path, "Freeze enrichment now.", "/undo", "How would you sequence the steps?")
    dialogue = read_dialogue(path)
    assert [t["say"] for t in dialogue.effective_turns()] == ["How would you sequence the steps?"]
    code, out, _ = run("replay", "--check", str(path))
    assert code == 0, out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all\n", "not a rehearse dialogue"),
        ('{"format": "rehearse-dialogue", "version": 2, "persona": "dprk", "seed": 0}\n', "version 2"),
        (
            '{"format": "rehearse-dialogue", "version": 1, "persona": "nobody", "seed": 0}\n',
            "unknown persona 'nobody'",
        ),
    ],
)
def test_check_refuses_bad_files_with_exit_2(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content)
    code, _, err = run("replay", "--check", str(bad))
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_a_cut_off_last_line_is_reported_and_the_rest_checked(tmp_path: Path) -> None:
    path = saved_session(
        tmp_path, "Good morning.", "Freeze enrichment now.", "How would you sequence the steps?"
    )
    text = path.read_text()
    path.write_text(text[: len(text) - 40])
    code, out, _ = run("replay", "--check", str(path))
    assert code == 0
    assert "cut off mid-write" in out
    assert "identical (2 turns)" in out


def start_chat(
    tmp_path: Path, first_lines: str, stdout: int | None = subprocess.DEVNULL
) -> tuple[subprocess.Popen[str], Path]:
    """Start a real `rehearse chat`, send it lines, and wait until they are saved; return it and its file."""
    env = {**os.environ, "REHEARSE_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "rehearse", "chat", "dprk", "--save-dir", str(tmp_path / "s")],
        stdin=subprocess.PIPE,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdin is not None
    proc.stdin.write(first_lines)
    proc.stdin.flush()
    wanted = first_lines.count("\n") + 1
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        files = list((tmp_path / "s").glob("*.jsonl"))
        if files and len(files[0].read_text().splitlines()) >= wanted:
            return proc, files[0]
        time.sleep(0.05)
    raise AssertionError("the chat never saved its turns")


def test_a_killed_chat_keeps_every_completed_turn(tmp_path: Path) -> None:
    proc, saved = start_chat(tmp_path, "Good morning.\nFreeze enrichment now.\n")
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.stdin is not None and proc.stderr is not None
    proc.stdin.close()
    proc.stderr.close()
    dialogue = read_dialogue(saved)
    assert [t["say"] for t in dialogue.turns] == ["Good morning.", "Freeze enrichment now."]
    code, out, _ = run("replay", "--check", str(saved))
    assert code == 0, out


def test_export_markdown_and_html(tmp_path: Path) -> None:
    code, out, _ = run("export", str(SAMPLES / "agreement.jsonl"), "--format", "md")
    assert code == 0
    assert out.startswith("# US–DPRK summit")
    assert "read as **reciprocal**" in out and "## Outcome: agreement" in out
    target = tmp_path / "report.html"
    code, _, _ = run("export", str(SAMPLES / "walkout.jsonl"), "--format", "html", "-o", str(target))
    assert code == 0
    page = target.read_text()
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "@media print" in page
    assert ">turn</text>" in page and 'text-anchor="middle">0</text>' in page  # the chart's turn axis
    assert "derailed" in page
    assert "<script" not in page and "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_export_drill_expects_what_happened(tmp_path: Path) -> None:
    target = tmp_path / "frozen.yaml"
    code, _, _ = run("export", str(SAMPLES / "recovery.jsonl"), "--format", "drill", "-o", str(target))
    assert code == 0
    drill = yaml.safe_load(target.read_text())
    assert drill["persona"] == "dprk" and drill["seed"] == 0
    assert drill["turns"][0]["expect"]["kind"] == "demand"
    assert drill["objectives"] == {"outcome": "agreement"}


def test_export_never_overwrites_a_saved_dialogue(tmp_path: Path) -> None:
    path = saved_session(tmp_path, "Good morning.")
    before = path.read_text()
    code, _, err = run("export", str(path), "--format", "md", "-o", str(path))
    assert code == 2
    assert "is a saved dialogue" in err
    assert path.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_ctrl_c_ends_chat_cleanly_and_keeps_the_session(tmp_path: Path) -> None:
    proc, saved = start_chat(tmp_path, "Good morning.\n", stdout=subprocess.PIPE)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 130, err  # the shell's code for Ctrl+C
    assert "Traceback" not in err
    assert "Saved to" in out
    assert [t["say"] for t in read_dialogue(saved).turns] == ["Good morning."]


def test_exports_keep_the_umask_and_show_what_was_typed_literally(tmp_path: Path) -> None:
    import os

    path = saved_session(
        tmp_path / "s", "[link](http://x) **bold** <script>alert(1)</script> freeze enrichment"
    )
    old = os.umask(0o022)
    try:
        code, _, err = run("export", str(path), "--format", "md", "-o", str(tmp_path / "out.md"))
    finally:
        os.umask(old)
    assert code == 0, err
    assert (tmp_path / "out.md").stat().st_mode & 0o777 == 0o644
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert r"\[link\](http://x) \*\*bold\*\* \<script\>alert(1)\</script\>" in text
    assert "<script>" not in text


def test_exports_keep_the_moves_taken_back(tmp_path: Path) -> None:
    path = saved_session(
        tmp_path,
        "Freeze enrichment now.",
        "/undo",
        "If you halt ICBM tests, we will scale down the joint exercises.",
    )
    code, md, _ = run("export", str(path), "--format", "md")
    assert code == 0
    back = md.split("## Taken back")[1].split("## Roadmap")[0]
    assert "turn 1: Freeze enrichment now. (read as **demand**" in back
    assert "### Turn 1" in md and "Freeze enrichment now." not in md.split("## Taken back")[0]
    code, page, _ = run("export", str(path), "--format", "html")
    assert "<h2>Taken back</h2>" in page and "Freeze enrichment now." in page
    code, md_plain, _ = run("export", str(SAMPLES / "agreement.jsonl"), "--format", "md")
    assert "## Taken back" not in md_plain


def test_exports_carry_the_debrief_coaching() -> None:
    code, md, _ = run("export", str(SAMPLES / "recovery.jsonl"), "--format", "md")
    assert code == 0
    coaching = md.split("## Coaching")[1]
    assert "/40: outcome: agreement" in coaching
    assert "walk-out warning" in coaching and "- Instead: " in coaching and "instead of" in coaching
    code, page, _ = run("export", str(SAMPLES / "recovery.jsonl"), "--format", "html")
    assert "<h2>Coaching</h2>" in page and "<b>Instead:</b>" in page
