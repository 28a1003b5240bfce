"""`rehearse export` of saved table sessions: an HTML page, a table drill and labelled utterances."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from rehearse.cli import cli
from rehearse.content.tables import load_table, resolve_table
from rehearse.records.table_file import RecordedTable

HERE = Path(__file__).resolve().parent
TWO = HERE / "tables" / "two-party.yaml"
OFFER_DPRK = "@dprk If you halt ICBM tests, we will scale down the joint exercises."
OFFER_CHINA = "Beijing, if you press Pyongyang to freeze its tests, we will suspend the spring exercises."
TYPED = "<script>alert('x')</script>"


def saved(folder: Path, *script: str | tuple[str, ...], table: Path = TWO) -> Path:
    """Play a script at a table, saved: a message, "/undo", or (kind, item asked) to correct."""
    recorded = RecordedTable(load_table(table), 0, folder)
    for step in script:
        if step == "/undo":
            assert recorded.undo()
        elif isinstance(step, tuple):
            recorded.correct(step[0], asks=step[1:])
        else:
            recorded.say(step)
    recorded.close()
    assert recorded.path is not None
    return recorded.path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def two_party_session(folder: Path) -> Path:
    return saved(
        folder,
        OFFER_DPRK,
        f"@dprk {TYPED} You must disarm first.",
        "/undo",
        f"What does everyone want? {TYPED}",
        OFFER_CHINA,
        ("demand", "test_freeze_pressure"),
    )


def test_the_page_marks_every_speaker_and_shows_typed_markup_as_text(tmp_path: Path) -> None:
    path = two_party_session(tmp_path)
    code, _, err = run("export", str(path), "--format", "html", "-o", str(tmp_path / "t.html"))
    assert code == 0, err
    page = (tmp_path / "t.html").read_text(encoding="utf-8")
    assert "<script" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "src=" not in page and "<link" not in page and "url(" not in page  # nothing fetched
    assert "<h1>A two-party table</h1>" in page and "Vice Foreign Minister Ri Chol-su" in page
    assert "You → the DPRK delegation:</b> @dprk If you halt ICBM tests" in page
    assert '<p class="reaction">↳ <b>The Chinese delegation:</b>' in page and "(trust +2)" in page
    assert "to the whole table; the chair, the Chinese delegation, answers" in page
    assert '<span class="tag">corrected reading</span>' in page
    assert "(corrected by the trainee; first read as reciprocal)" in page
    taken_back = page.split("<h2>Taken back</h2>")[1]
    assert "You must disarm first" in taken_back.split("<h2>")[0]
    assert "You must disarm first" not in page.split("<h2>Taken back</h2>")[0]
    assert page.count("<svg") == 2 and "<figcaption>The DPRK delegation</figcaption>" in page
    assert "<h2>Outcome: ongoing</h2>" in page


def test_a_six_party_drill_passes_though_a_corrected_reading_changed_the_course(tmp_path: Path) -> None:
    path = saved(
        tmp_path,
        OFFER_DPRK,
        "@dprk Agreed.",
        OFFER_CHINA,
        "Seoul, if you join a common position at the table, we will consult you before any deal with Pyongyang.",
        ("demand", "joint_position"),  # Seoul never agrees its step: the table never closes
        "Tokyo, if you step up ship inspections and asset freezes, we will raise the abductees in every round.",
        "We accept the joint statement.",
        table=resolve_table("six-party") or Path(),
    )
    drill = tmp_path / "frozen.yaml"
    code, _, err = run("export", str(path), "--format", "drill", "-o", str(drill))
    assert code == 0, err
    text = drill.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["table"] == "six-party" and data["seed"] == 0
    assert data["turns"][0]["expect"] == {
        "party": "dprk",
        "kind": "reciprocal",
        "reactions": ["china", "rok"],
        "table": "talking",
        "outcome": "ongoing",
    }
    assert "# corrected reading: the trainee corrected it to demand (first read reciprocal)" in text
    assert data["turns"][3]["expect"]["kind"] == "reciprocal"  # what the reader reads today
    assert data["turns"][5]["expect"]["table"] == "agreement"  # so the table goes on to close
    assert data["objectives"] == {"outcome": "agreement"}
    code, out, _ = run("drill", str(drill))
    assert code == 0 and out.startswith("PASS"), out


def test_a_drill_of_a_table_file_names_the_file_and_passes(tmp_path: Path) -> None:
    path = saved(tmp_path, OFFER_DPRK, "@dprk Denuclearize by Friday or we will use force.")
    code, out, _ = run("export", str(path), "--format", "drill")
    data = yaml.safe_load(out)
    assert code == 0 and data["table"] == str(TWO)  # two-party is not a shipped table
    assert [t["expect"]["kind"] for t in data["turns"]] == ["reciprocal", "threat"]
    assert [t["expect"]["reactions"] for t in data["turns"]] == [["china"], ["china"]]
    (tmp_path / "d.yaml").write_text(out, encoding="utf-8")
    code, out, _ = run("drill", str(tmp_path / "d.yaml"))
    assert code == 0, out


def test_the_corpus_labels_each_message_for_the_persona_it_went_to(tmp_path: Path) -> None:
    code, out, _ = run("export", str(two_party_session(tmp_path)), "--format", "corpus")
    assert code == 0
    rows = yaml.safe_load(out)
    assert [(r["persona"], r["kind"]) for r in rows] == [
        ("dprk", "reciprocal"),
        ("china", "question"),  # to the whole table: the chair's persona
        ("china", "demand"),  # the trainee's correction wins
    ]
    assert rows[0]["text"] == "If you halt ICBM tests, we will scale down the joint exercises."
    assert rows[1]["text"] == f"What does everyone want? {TYPED}"
    assert rows[2] == rows[2] | {"gives": [], "asks": ["test_freeze_pressure"]}
    assert out.rstrip().endswith("# corrected by the trainee; the reader read reciprocal")


def test_a_damaged_file_exports_what_can_be_read_and_warns(tmp_path: Path) -> None:
    path = saved(tmp_path, OFFER_DPRK, "@china What does Beijing need?")
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[2]) | {"reactions": "lost", "meters": None, "parties": [], "move": {"kind": 7}}
    path.write_text("\n".join([lines[0], lines[1], "{not json", json.dumps(record)]) + "\n", encoding="utf-8")
    for fmt in ("html", "corpus", "drill"):
        code, out, err = run("export", str(path), "--format", fmt)
        assert code == 0 and "warning:" in err and "RH201 unreadable line skipped" in err, err
        assert "If you halt ICBM tests" in out
    assert "labels unknown to persona china" in run("export", str(path), "--format", "corpus")[2]


def test_errors_come_out_as_one_clear_line(tmp_path: Path) -> None:
    path = saved(tmp_path, OFFER_DPRK)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] = json.dumps(json.loads(lines[0]) | {"table": "nowhere", "table_file": "/gone/table.yaml"})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("export", str(path), "--format", "drill")
    assert code == 2 and err.startswith("rehearse: cannot export it as a drill:") and err.count("\n") == 1
    assert "no shipped table has the id 'nowhere' and its file /gone/table.yaml is gone" in err
    code, out, err = run("export", str(path), "--format", "html")  # the page needs no table
    assert code == 0 and "You → dprk:" in out and "no shipped table has the id 'nowhere'" in err
    before = path.read_text(encoding="utf-8")
    code, _, err = run("export", str(path), "--format", "md", "-o", str(path))
    assert code == 2 and "is a saved table session" in err
    assert path.read_text(encoding="utf-8") == before


def test_a_session_saved_before_party_snapshots_charts_the_same_meters(tmp_path: Path) -> None:
    path = two_party_session(tmp_path)
    _, page, _ = run("export", str(path), "--format", "html")
    lines = path.read_text(encoding="utf-8").splitlines()
    old = [lines[0]] + [
        json.dumps({k: v for k, v in json.loads(x).items() if k != "parties"}) for x in lines[1:]
    ]
    path.write_text("\n".join(old) + "\n", encoding="utf-8")
    _, old_page, _ = run("export", str(path), "--format", "html")
    charts = page.split('<div class="charts">')[1].split("</div>")[0]
    assert charts == old_page.split('<div class="charts">')[1].split("</div>")[0]
    assert "<polyline" in charts


def test_the_markdown_record_keeps_corrections_and_take_backs(tmp_path: Path) -> None:
    code, md, _ = run("export", str(two_party_session(tmp_path)))
    assert code == 0
    assert "read as **demand** (corrected by the trainee; first read as reciprocal)" in md
    assert "## Taken back" in md and "You must disarm first." in md.split("## Taken back")[1]
    assert "\\<script\\>" in md and "<script>" not in md


def test_a_drill_stops_expecting_where_the_uncorrected_table_has_ended(tmp_path: Path) -> None:
    path = saved(
        tmp_path,
        "@dprk You must disarm first.",
        ("question",),  # read as a question, Pyongyang stays at the table
        "@dprk Give up all your nuclear weapons now.",
        "@dprk Open every site to inspectors. That is the starting point.",
        "@china What does Beijing need?",
    )
    code, out, _ = run("export", str(path), "--format", "drill")
    data = yaml.safe_load(out)
    assert code == 0 and data["turns"][2]["expect"]["outcome"] == "derailed"
    assert data["turns"][3] == {"say": "@china What does Beijing need?"}
    assert "# not reached: without the corrected reading the table has already ended here" in out
    assert data["objectives"] == {"outcome": "derailed"}
    (tmp_path / "d.yaml").write_text(out, encoding="utf-8")
    code, out, _ = run("drill", str(tmp_path / "d.yaml"))
    assert code == 0, out


def test_export_refuses_to_write_into_a_fifo_instead_of_blocking(tmp_path: Path) -> None:
    import os

    path = saved(tmp_path, OFFER_DPRK)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = run("export", str(path), "--format", "html", "-o", str(fifo))
    assert code == 2 and "is not a regular file" in err
