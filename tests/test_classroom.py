"""The classroom: safe trainee folders, `rehearse serve`'s guard rails, and `rehearse report`."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from rehearse.classroom import trainee_folder, trainee_slug
from rehearse.cli import cli
from rehearse.errors import RehearseError

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "dialogues" / "samples"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Alice O'Brien", "alice-o-brien"),
        ("../../etc/passwd", "etc-passwd"),
        ("Ana María", "ana-maria"),
        ("  Bob\t\x00 ", "bob"),
        ("x" * 300, "x" * 40),
    ],
)
def test_a_name_becomes_a_safe_folder_inside_the_classroom(tmp_path: Path, name: str, slug: str) -> None:
    assert trainee_slug(name) == slug
    assert trainee_folder(tmp_path, name).parent == tmp_path.resolve()


@pytest.mark.parametrize("name", ["", "...", "/", "?!", "\u0000"])
def test_a_name_with_no_letter_or_digit_is_refused(name: str) -> None:
    with pytest.raises(RehearseError, match="at least one letter or digit"):
        trainee_slug(name)


class FakeServer:
    """Stands in for textual-serve: records what it was asked to serve, then 'Ctrl+C'."""

    seen: ClassVar[dict[str, object]] = {}

    def __init__(self, command: str, host: str, port: int, title: str, public_url: str | None) -> None:
        FakeServer.seen = {"command": command, "host": host, "port": port}

    def serve(self) -> None:
        raise KeyboardInterrupt


def test_serve_binds_to_localhost_and_warns_loudly_on_any_other_host(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import textual_serve.server

    monkeypatch.setattr(textual_serve.server, "Server", FakeServer)
    result = CliRunner().invoke(cli, ["serve", "--save-dir", str(tmp_path / "class")])
    assert result.exit_code == 0
    assert FakeServer.seen["host"] == "127.0.0.1" and "WARNING" not in result.output
    assert "-m rehearse classroom --save-dir" in str(FakeServer.seen["command"])
    assert "Stopped; every completed turn is saved." in result.output
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--save-dir", str(tmp_path / "class")])
    assert "WARNING: listening on 0.0.0.0: anyone who can reach this machine" in result.output


def make_class(root: Path) -> None:
    for trainee, names in {"alice": ["agreement.jsonl"], "bob": ["walkout.jsonl", "recovery.jsonl"]}.items():
        (root / trainee).mkdir(parents=True)
        for name in names:
            shutil.copy(SAMPLES / name, root / trainee / name)
    text = (SAMPLES / "agreement.jsonl").read_text(encoding="utf-8")
    (root / "bob" / "cut.jsonl").write_text(text[:300], encoding="utf-8")
    (root / "bob" / "junk.jsonl").write_text("not a dialogue\n", encoding="utf-8")
    CliRunner().invoke(
        cli,
        [
            "drill",
            str(ROOT / "dialogues" / "drills" / "icbm-first.yaml"),
            "--junit",
            str(root / "alice" / "d.xml"),
        ],
    )


def test_report_totals_each_trainee_and_skips_what_it_cannot_read(tmp_path: Path) -> None:
    root = tmp_path / "class"
    make_class(root)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", str(root), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "6 files, 2 skipped" in result.output
    assert (
        "skipped bob/cut.jsonl: no complete turn" in result.output
        and "skipped bob/junk.jsonl" in result.output
    )
    markdown = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "| alice | dprk | 1 | 1 | 0 |" in markdown
    assert "| bob | dprk | 2 | 1 | 1 |" in markdown
    assert "| alice | 1 | 0 |" in markdown  # the drill report
    assert "- dprk: third unilateral demand in a row: 1" in markdown
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<script" not in page
    assert "Scores per trainee" in page and "bob/junk.jsonl" in page


def test_the_trainee_named_in_a_dialogue_wins_over_its_folder(tmp_path: Path) -> None:
    from rehearse.records.report import trainee_of

    root = tmp_path
    assert trainee_of(root, root / "anna" / "x.jsonl", {"trainee": "Anna K."}) == "Anna K."
    assert trainee_of(root, root / "anna" / "x.jsonl", {}) == "anna"
    assert trainee_of(root, root / "x.jsonl", None) == "(no name)"


def test_report_counts_table_sessions_per_trainee_and_table(tmp_path: Path) -> None:
    root = tmp_path / "class"
    stdin = (
        "@dprk If you halt ICBM tests, we will scale down the joint exercises.\n"
        "@dprk Agreed.\n"
        "@dprk Denuclearize by Friday or we will use military force.\n"
    )
    CliRunner().invoke(cli, ["chat", "six-party", "--save-dir", str(root / "carla")], input=stdin)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", str(root), "-o", str(out)])
    assert result.exit_code == 0 and "1 files, 0 skipped" in result.output, result.output
    markdown = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "| carla | six-party | 1 | 0 | 1 |" in markdown
    assert "- six-party: dprk walked out: 1" in markdown
