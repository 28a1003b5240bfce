"""Authoring tools: lints with codes, graphs, random exploration, new personas, JSON schemas."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from rehearse.cli import cli
from rehearse.content.loader import load_playbook
from rehearse.content.playbook import Playbook
from rehearse.engine.explore import as_drill, explore

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout + result.stderr


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    code, out = run("new", "persona", "border_talks", "--dir", str(tmp_path))
    assert code == 0, out
    return tmp_path / "border_talks.yaml"


def test_new_persona_is_valid_playable_and_never_overwritten(starter: Path) -> None:
    code, out = run("validate", str(starter))
    assert code == 0, out
    code, out = run("chat", str(starter), "--no-save")
    assert code == 0
    code, out = run("new", "persona", "border_talks", "--dir", str(starter.parent))
    assert code == 2 and "already exists" in out
    code, out = run("new", "persona", "Bad Id!", "--dir", str(starter.parent))
    assert code == 2 and "not a persona id" in out


def test_lints_have_codes_lines_and_hints(starter: Path) -> None:
    text = starter.read_text().replace('from: "*"', "from: [opening, bargaining]")
    text = text.replace(
        "  walkout: {outcome: derailed",
        "  orphan: {outcome: ongoing}\n  stuck: {outcome: ongoing}\n  walkout: {outcome: derailed",
    )
    text = text.replace(
        "transitions:\n",
        "transitions:\n  - move: other\n    from: opening\n    to: stuck\n    reply: unmatched\n",
    )
    text = text.replace(
        "  - move: demand\n    from: [opening, bargaining]\n    when: streak.demands >= 3",
        "  - move: demand\n    from: [opening, bargaining]\n    reply: demand_rebuff\n"
        "  - move: demand\n    from: [opening, bargaining]\n    when: streak.demands >= 3",
    )
    text = text.replace("    phrases: [aid, food, medicine*, humanitarian]", "    phrases: []")
    text = text.replace("  agreed:\n", '  spare:\n    - "Unused."\n  agreed:\n')
    starter.write_text(text)
    code, out = run("validate", str(starter))
    assert code == 1
    for code_ in ("RH101", "RH102", "RH103", "RH104", "RH105", "RH106"):
        assert code_ in out, (code_, out)
    for line in out.splitlines()[:-1]:
        assert line.startswith(f"{starter}:") and "(fix: " in line


def test_loading_problems_are_coded() -> None:
    bad = ROOT / "personas" / "dprk.yaml"
    code, out = run("validate", str(bad))
    assert code == 0, out


def test_graph_as_mermaid_and_dot_with_a_highlighted_path() -> None:
    code, out = run("graph", "dprk")
    assert code == 0
    assert (
        out.startswith("stateDiagram-v2") and "opening --> bargaining : reciprocal, concession, accept" in out
    )
    code, out = run(
        "graph",
        "dprk",
        "--format",
        "dot",
        "--dialogue",
        str(ROOT / "dialogues" / "samples" / "walkout.jsonl"),
    )
    assert code == 0
    assert out.startswith('digraph "dprk"')
    assert '"hardening" -> "walkout" [label="threat, demand, after turn", color="#d32f2f"' in out


def test_explore_finds_nothing_wrong_with_the_shipped_persona(dprk: Playbook) -> None:
    report = explore(dprk, walks=300, seed=1)
    assert report.findings == []
    assert {"agreement", "walkout", "hardening"} <= set(report.reached)


def test_explore_reports_a_broken_template_with_a_replayable_drill(starter: Path) -> None:
    text = starter.read_text().replace(
        "Demands will not move us. What do you offer?", "{{ (you_ask|first).nope.deeper }}"
    )
    assert "nope" in text
    starter.write_text(text)
    playbook = load_playbook(starter)
    report = explore(playbook, walks=200, seed=0)
    kinds = {f.kind for f in report.findings}
    assert "template" in kinds
    finding = next(f for f in report.findings if f.kind == "template")
    drill = yaml.safe_load(as_drill(playbook, finding, 1))
    assert drill["turns"] and drill["persona"] == "border_talks"


def test_explore_asks_about_topics_and_sends_corpus_messages(starter: Path, tmp_path: Path) -> None:
    text = starter.read_text().replace(
        "transitions:\n",
        "topics:\n  rations: [ration*, food parcel*]\ntransitions:\n"
        "  - move: question\n    from: '*'\n    when: \"'rations' in topics\"\n"
        "    reply: answer_rations\n    reason: question about rations\n",
    )
    text = text.replace("replies:\n", "replies:\n  answer_rations:\n    - '{{ (you_ask|first).nope }}'\n")
    starter.write_text(text)
    playbook = load_playbook(starter)
    # a rule reached only through a topic: walks built from item labels alone never find it
    assert any(f.kind == "template" for f in explore(playbook, walks=200, seed=0).findings)
    corpus = tmp_path / "corpus.yaml"
    corpus.write_text('- {text: "Zq corpus line?", kind: question, gives: [], asks: []}\n- "Zq plain"\n')
    code, out = run("explore", str(starter), "--walks", "20", "--corpus", str(corpus))
    drawn = int(out.split(" turns (")[1].split(" from the corpora")[0])
    assert drawn > 20  # about two messages in five come from the corpus
    code, out = run("explore", str(starter), "--corpus", str(tmp_path / "missing.yaml"))
    assert code == 2 and "file not found" in out and "Traceback" not in out


def test_explore_reports_a_reply_said_again_within_five_turns(starter: Path) -> None:
    text = starter.read_text()
    start = text.index("  demand_rebuff:\n") + len("  demand_rebuff:\n")
    end = text.index("  walkout:\n")
    starter.write_text(text[:start] + '    - "Demands will not move us."\n' + text[end:])
    report = explore(load_playbook(starter), walks=100, seed=0)
    assert any(f.kind == "repeat" and "'demand_rebuff'" in f.detail for f in report.findings)


@pytest.mark.parametrize(
    ("schema", "pattern"),
    [
        ("playbook", "personas/*.yaml"),
        ("drill", "dialogues/drills/*.yaml"),
        ("table", "personas/tables/*.yaml"),
        ("table", "tests/tables/*.yaml"),
    ],
)
def test_shipped_content_matches_the_json_schemas(schema: str, pattern: str) -> None:
    spec = json.loads((ROOT / "docs" / "schema" / f"{schema}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(spec)
    validator = jsonschema.validators.validator_for(spec)(spec)  # what jsonschema.validate builds, built once
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the documents safe_load reads, read faster
    for path in ROOT.glob(pattern):
        error = jsonschema.exceptions.best_match(
            validator.iter_errors(yaml.load(path.read_text(), Loader=loader))
        )
        assert error is None, f"{path.relative_to(ROOT)}: {error}"


def test_graph_merges_parallel_edges_and_marks_only_the_transitions_taken(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from rehearse.cli import cli

    plain = CliRunner().invoke(cli, ["graph", "dprk"]).output
    edges = [line for line in plain.splitlines() if "-->" in line and "[*]" not in line]
    pairs = [line.split(" : ")[0] for line in edges]
    assert len(pairs) == len(set(pairs)) <= 36  # one edge a pair of states
    assert any(" : threat, demand" in line for line in edges)
    stdin = (
        "Freeze enrichment now.\nIf you halt ICBM tests, we will scale down the joint exercises.\nAgreed.\n"
    )
    CliRunner().invoke(cli, ["chat", "dprk", "--save-dir", str(tmp_path)], input=stdin)
    (saved,) = tmp_path.glob("*.jsonl")
    marked = [
        line
        for line in CliRunner().invoke(cli, ["graph", "dprk", "--dialogue", str(saved)]).output.splitlines()
        if "✔" in line
    ]
    assert len(marked) == 3  # three turns, three transitions


def test_explore_reports_its_progress_walk_by_walk(dprk: Playbook) -> None:
    done: list[int] = []
    explore(dprk, walks=25, seed=2, progress=done.append)
    assert sum(done) == 25
