"""`rehearse graph TABLE` and `rehearse explore TABLE`: the table drawn, and random walks at it."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from rehearse.cli import cli
from rehearse.content.table_drills import load_table_drill
from rehearse.content.tables import load_table
from rehearse.engine import table as table_engine
from rehearse.engine.table import TABLE, Reaction, TableSession, TableTurn
from rehearse.engine.table_explore import as_table_drill, explore_table

HERE = Path(__file__).resolve().parent
TWO = HERE / "tables" / "two-party.yaml"
THREAT = "@dprk Denuclearize by Friday or we will use military force."


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def saved_session(tmp_path: Path, *messages: str) -> Path:
    from rehearse.records.table_file import RecordedTable

    recorded = RecordedTable(load_table(TWO), 0, tmp_path)
    for message in messages:
        recorded.say(message)
    recorded.close()
    assert recorded.path is not None
    return recorded.path


def shipped_table(name: str) -> Path:
    from rehearse.content.tables import resolve_table

    found = resolve_table(name)
    assert found is not None
    return found


def test_graph_of_the_six_party_table_draws_each_party_and_each_link() -> None:
    code, out = run("graph", "six-party")
    assert code == 0 and out.startswith("flowchart LR")
    spec = load_table(shipped_table("six-party"))
    for party in spec.parties.values():
        assert party.name in out and party.persona.leader in out
    assert out.count("in the chair") == 1 and "needs none (may leave)" in out  # Moscow may leave
    assert "you, the trainee" in out and '-.->|"to the whole table"| p_china' in out
    assert len(re.findall(r" -->\|", out)) == len(spec.links)
    assert '"2. reciprocal, concession on troop_withdrawal: trust -8, tension +10"| p_rok' in out
    assert "✔" not in out
    code, dot = run("graph", str(shipped_table("six-party")), "--format", "dot")
    assert code == 0 and dot.startswith('digraph "six-party"') and dot.count(" -> ") == len(spec.links) + 1


def test_graph_with_a_saved_table_session_marks_the_links_that_fired(tmp_path: Path) -> None:
    saved = saved_session(tmp_path, THREAT)
    code, out = run("graph", str(TWO), "--dialogue", str(saved))
    assert code == 0
    assert "1. threat: trust -5, tension +6 ✔" in out and out.count("✔") == 1
    assert "linkStyle 0 stroke:#d32f2f" in out
    code, dot = run("graph", str(TWO), "--dialogue", str(saved), "--format", "dot")
    assert '"1. threat: trust -5, tension +6 (fired 1x)", color="#d32f2f"' in dot


def test_graph_of_one_party_draws_its_machine_and_its_path_at_the_table(tmp_path: Path) -> None:
    saved = saved_session(tmp_path, "@dprk If you halt ICBM tests, we will scale down the joint exercises.")
    code, out = run("graph", str(TWO), "--party", "dprk", "--dialogue", str(saved))
    assert code == 0 and out.startswith("stateDiagram-v2")
    assert "%% the DPRK delegation (@dprk, persona dprk) at the table two-party" in out
    assert "opening --> bargaining : reciprocal, concession, accept ✔" in out and out.count("✔") == 1
    code, out = run("graph", str(TWO), "--party", "dprkk")
    assert code == 2 and "no party 'dprkk'; did you mean 'dprk'?" in out
    code, out = run("graph", "dprk", "--party", "china")
    assert code == 2 and "--party is for a table" in out
    code, out = run("graph", "six-party", "--dialogue", str(saved))
    assert code == 2 and "played at the table 'two-party'" in out


def test_explore_at_a_table_reports_each_party_s_states_and_the_statements_adopted() -> None:
    report = explore_table(load_table(TWO), walks=12, seed=0)
    assert set(report.reached) == {"china", "dprk"}
    assert {"opening", "bargaining"} <= set(report.reached["dprk"])
    assert 0 < report.adopted < 12 and sum(report.ended.values()) == 12
    head = "\n".join(report.summary())
    assert re.search(rf"joint statement adopted in {report.adopted} walks?; derailed in \d+", head)
    assert re.search(r"^  dprk +bargaining, .*opening", head, re.MULTILINE)
    again = explore_table(load_table(TWO), walks=12, seed=0)
    assert again.reached == report.reached and again.turns == report.turns  # same seed, same walks


def test_explore_sends_corpus_messages_addressed_to_parties() -> None:
    line = "Could your side be more specific about sequencing?"
    report = explore_table(load_table(TWO), walks=6, seed=1, corpus=[line])
    assert report.from_corpus > 0
    sent = {m for states in report.reached.values() for walk in states.values() for m in walk}
    assert any(m.endswith(line) and m != line for m in sent)  # with an address in front


def test_explore_finds_a_planted_placeholder_and_prints_a_drill_that_replays_it(tmp_path: Path) -> None:
    table = tmp_path / "planted.yaml"
    table.write_text(
        TWO.read_text(encoding="utf-8").replace(
            "warns that threats make Beijing's work harder.", "warns that {mood} threats are unwise."
        ),
        encoding="utf-8",
    )
    code, out = run("explore", str(table), "--walks", "15")
    assert code == 1
    assert "template: china's reaction keeps the placeholder '{mood}'" in out
    drill_text = out.split(
        "china's reaction keeps the placeholder '{mood}'\nshortest walk, as a table drill:\n"
    )[1].split("\n\n")[0]
    drill = tmp_path / "found.yaml"
    drill.write_text(drill_text, encoding="utf-8")
    code, graded = run("drill", str(drill))
    assert code == 0 and "PASS explore-two-party-" in graded
    loaded = load_table_drill(drill)
    replay = TableSession(loaded.spec, loaded.seed)
    last = [replay.say(step.say) for step in loaded.turns][-1]
    assert any("{mood}" in r.text for r in last.reactions)


def _refuse(self: TableSession, text: str, number: int) -> TableTurn:
    return TableTurn(number, text, TABLE, None, (), self.state, self.outcome, "The chair adjourns.")


@pytest.mark.parametrize(
    ("fault", "kinds"),
    [
        ("refuse to adopt", {"cannot close", "never adopted"}),
        ("three reactions", {"reactions"}),
        ("silent derailment", {"silent end"}),
        ("reactions that change", {"nondeterminism"}),
        ("a crash", {"crash"}),
    ],
)
def test_explore_finds_a_planted_engine_fault(
    fault: str, kinds: set[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    spec_path = TWO
    if fault == "refuse to adopt":
        monkeypatch.setattr(TableSession, "_adopt", _refuse)
    elif fault == "three reactions":
        monkeypatch.setattr(table_engine, "MAX_REACTIONS", 5)
        extra = "".join(
            f'  - from: dprk\n    kinds: [threat]\n    to: china\n    say: "{{leader}} objects ({n})."\n'
            for n in (1, 2)
        )
        spec_path = tmp_path / "three.yaml"
        spec_path.write_text(TWO.read_text(encoding="utf-8") + extra, encoding="utf-8")
    elif fault == "silent derailment":
        after = TableSession._after
        monkeypatch.setattr(TableSession, "_after", lambda self, speaker: (after(self, speaker), "")[1])
    elif fault == "reactions that change":
        counter = itertools.count()
        reactions = TableSession._reactions
        monkeypatch.setattr(
            TableSession,
            "_reactions",
            lambda self, speaker, turn: tuple(
                Reaction(r.party, f"{r.text} ({next(counter)})", r.changes)
                for r in reactions(self, speaker, turn)
            ),
        )
    else:
        reactions = TableSession._reactions

        def crash(self: TableSession, speaker: str, turn: object) -> tuple[Reaction, ...]:
            found = reactions(self, speaker, turn)  # type: ignore[arg-type]
            if found:
                raise ZeroDivisionError("planted")
            return found

        monkeypatch.setattr(TableSession, "_reactions", crash)
    spec = load_table(spec_path)
    report = explore_table(spec, walks=12, seed=0)
    found = {f.kind for f in report.findings}
    assert kinds <= found, [(f.kind, f.detail) for f in report.findings]
    for index, finding in enumerate(report.findings, start=1):
        if finding.kind in kinds and finding.walk:
            drill = tmp_path / f"d{index}.yaml"
            drill.write_text(as_table_drill(spec, finding, index), encoding="utf-8")
            assert len(load_table_drill(drill).turns) == len(finding.walk)


def test_graph_of_a_persona_given_a_table_session_points_to_the_table_graph(tmp_path: Path) -> None:
    path = saved_session(tmp_path, "@dprk If you halt ICBM tests, we will scale down the joint exercises.")
    code, out = run("graph", "dprk", "--dialogue", str(path))
    assert code == 2 and "is a table session" in out and "--party dprk" in out
