"""Progress over time: a history line per finished session or live drill, and `rehearse progress`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rehearse.cli import cli
from rehearse.records.history import DrillRecord, HistoryEntry, append_entry, next_drills, read_history
from rehearse.records.progress import progress_html, summarize

DEAL = "If you halt ICBM tests, we will scale down the joint exercises.\nAgreed.\nWe accept the roadmap.\n"


def chat(*args: str, stdin: str) -> str:
    result = CliRunner().invoke(cli, ["chat", *args], input=stdin)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_finished_saved_session_adds_one_history_line(data_dir: Path) -> None:
    chat("dprk", stdin=DEAL)
    chat("dprk", stdin="Good morning.\n")  # not finished: no line
    chat("dprk", "--no-save", stdin=DEAL)  # not saved: no line
    (entry,) = [json.loads(line) for line in (data_dir / "history.jsonl").read_text().splitlines()]
    assert entry["persona"] == "dprk" and entry["outcome"] == "agreement" and entry["turns"] == 3
    assert entry["score"] > 0 and entry["hints"] == 0 and entry["corrections"] == 0
    assert Path(entry["file"]).is_file()


def test_hints_and_corrections_are_counted(data_dir: Path) -> None:
    chat(
        "dprk",
        stdin="/hint\n/use 1\nWe will scale down the joint exercises.\n/correct concession offer exercise_limits\n"
        "/hint\n/use 1\n/hint\n/use 1\n/hint\n/use 1\n/hint\n/use 1\n",
    )
    entries, _ = read_history(data_dir / "history.jsonl")
    assert entries and entries[-1].hints >= 2 and entries[-1].corrections == 1


def test_a_damaged_history_is_read_around_its_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "history.jsonl"
    append_entry(path, HistoryEntry("dprk", "2026-01-02T10:00:00+00:00", "agreement", 60, 5))
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"persona": "dprk", "date": 5}\nnot json\n{"persona": "usa", "date": "2026-01-0')
    entries, skipped = read_history(path)
    assert [e.score for e in entries] == [60] and skipped == 3
    assert path.stat().st_mode & 0o777 == 0o600


def test_next_drills_put_failed_ones_first_then_new_ones_for_the_personas_practised() -> None:
    records = [
        DrillRecord("icbm-first", "dprk", 2, 2, True, "2026-01-01"),
        DrillRecord("three-demands", "dprk", 1, 0, False, "2026-01-03"),
    ]
    shipped = {"icbm-first": "dprk", "three-demands": "dprk", "accept-counter": "dprk", "china-x": "china"}
    suggested = next_drills(records, shipped, practiced=["dprk"], count=4)
    assert [d for d, _ in suggested] == ["three-demands", "accept-counter", "china-x", "icbm-first"]
    assert suggested[0][1].startswith("failed last time")


def test_progress_plain_and_html(data_dir: Path, tmp_path: Path) -> None:
    chat("dprk", stdin=DEAL)
    result = CliRunner().invoke(cli, ["progress", "--plain"])
    assert result.exit_code == 0
    assert "dprk: 1 session, 1 agreed; best" in result.output and "next: accept-counter" in result.output
    page_path = tmp_path / "progress.html"
    result = CliRunner().invoke(cli, ["progress", "--html", str(page_path)])
    assert result.exit_code == 0
    page = page_path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "dprk: score by session" in page
    assert "<script" not in page
    assert "src=" not in page and 'href="http' not in page  # nothing fetched when it is viewed
    assert progress_html(summarize(tmp_path / "none.jsonl", shipped={})).count("No finished sessions") == 1


def test_table_drills_are_suggested_after_a_table_session() -> None:
    from rehearse.records.history import next_drills
    from rehearse.records.progress import shipped_drills

    shipped = shipped_drills()
    assert shipped["six-party-walkout-fatal"] == "six-party" and shipped["accept-counter"] == "dprk"
    suggested = [d for d, _ in next_drills([], shipped, practiced=["six-party"])]
    assert all(d.startswith("six-party-") for d in suggested)
