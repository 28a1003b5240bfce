"""Drills: validation with suggestions, grading, the command line, JUnit, parallel runs, pytest."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from rehearse.cli import cli
from rehearse.content.drills import load_drill
from rehearse.engine.drill_runner import run_drill
from rehearse.engine.negotiation import Negotiation
from rehearse.errors import ContentError

ROOT = Path(__file__).resolve().parent.parent
DRILLS = ROOT / "dialogues" / "drills"

GOOD = """\
drill: sample
persona: dprk
seed: 2
title: A sample
turns:
  - say: "If you halt ICBM tests, we will scale back the spring exercises."
    expect:
      kind: reciprocal
      gives: [exercise_limits]
      asks: [icbm_test_moratorium]
      state: bargaining
      trust: up
      tension: "<= 50"
  - say: "Agreed."
  - say: "We accept the roadmap."
    expect: {outcome: agreement}
objectives:
  outcome: agreement
  secure: [icbm_test_moratorium]
  within_turns: 3
"""


def write(tmp_path: Path, text: str, name: str = "d.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout + result.stderr


def test_the_library_has_twelve_passing_dprk_drills() -> None:
    drills = [load_drill(path) for path in sorted(DRILLS.glob("*.yaml"))]
    assert len([d for d in drills if d.persona.id == "dprk"]) >= 12
    for drill in drills:
        assert drill.title and drill.briefing
        assert run_drill(drill).passed, drill.path.name


def test_every_shipped_drill_hands_a_live_session_over_before_it_ends() -> None:
    for path in sorted(DRILLS.glob("*.yaml")):
        assert "\nhandover:" in path.read_text(encoding="utf-8"), path.name
        drill = load_drill(path)
        neg = Negotiation(drill.persona, seed=drill.seed)
        for step in drill.turns[: drill.handover]:
            neg.say(step.say)
        # the trainee takes over a live session: the script must leave something to do
        assert neg.outcome == "ongoing", path.name
        assert drill.handover < len(drill.turns), path.name


GOOD_PLAY = {
    "dprk": "phased-roadmap",
    "usa": "usa-phased-roadmap",
    "rok": "rok-full-agreement",
    "china": "china-freeze-for-freeze",
    "harbor": "harbor-package-trade",
}


def test_live_objectives_never_ask_a_trainee_to_derail_and_can_be_met() -> None:
    for path in sorted(DRILLS.glob("*.yaml")):
        drill = load_drill(path)
        assert drill.live.outcome != "derailed", path.name
        if drill.objectives.outcome != "derailed":
            continue
        # the script derails the talks headless; live, good play from the hand-over reaches agreement
        assert drill.live.outcome == "agreement", path.name
        neg = Negotiation(drill.persona, seed=drill.seed)
        for step in drill.turns[: drill.handover]:
            neg.say(step.say)
        for step in load_drill(DRILLS / f"{GOOD_PLAY[drill.persona.id]}.yaml").turns:
            if neg.outcome == "ongoing":
                neg.say(step.say)
        assert neg.outcome == "agreement", path.name


def test_handover_defaults_to_the_first_turn_and_never_changes_grading(tmp_path: Path) -> None:
    plain = load_drill(write(tmp_path, GOOD))
    handed = load_drill(write(tmp_path, GOOD.replace("seed: 2\n", "seed: 2\nhandover: 2\n"), "h.yaml"))
    assert plain.handover == 0 and handed.handover == 2
    assert run_drill(plain).passed and run_drill(handed).passed
    assert run_drill(handed).turns_run == 3


def test_a_good_drill_passes_and_grades_each_objective(tmp_path: Path) -> None:
    result = run_drill(load_drill(write(tmp_path, GOOD)))
    assert result.passed
    assert [o.name for o in result.objectives] == ["outcome", "secure", "within_turns"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "asks: [icbm_test_moratorium]",
            "asks: [icbm_moratorium]",
            "unknown item 'icbm_moratorium'; did you mean 'icbm_test_moratorium'?",
        ),
        ("state: bargaining", "state: bargainng", "unknown state 'bargainng'; did you mean 'bargaining'?"),
        ("kind: reciprocal", "kind: reciprocl", "unknown move kind 'reciprocl'; did you mean 'reciprocal'?"),
        ("persona: dprk", "persona: dprkk", "unknown persona 'dprkk'; did you mean 'dprk'?"),
        ('tension: "<= 50"', "tension: lots", "'tension' must be up, down, same or a comparison"),
        ("within_turns: 3", "within_turns: soon", "'within_turns' must be a whole number"),
        ('  - say: "Agreed."\n', '  - sya: "Agreed."\n', "unknown key 'sya'; did you mean 'say'?"),
        ("seed: 2\n", "seed: 2\nhandover: 4\n", "'handover' must be a whole number from 0 to 3"),
        ("seed: 2\n", "seed: 2\nhandover: two\n", "'handover' must be a whole number from 0 to 3"),
        (
            "seed: 2\n",
            "seed: 2\nlive_objectives: {outcome: agreed}\n",
            "live_objectives: unknown outcome 'agreed'; did you mean 'agreement'?",
        ),
    ],
)
def test_invalid_drills_are_reported_with_lines_and_suggestions(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in GOOD
    with pytest.raises(ContentError) as caught:
        load_drill(write(tmp_path, GOOD.replace(old, new, 1)))
    found = [str(p) for p in caught.value.problems]
    assert any(message in p for p in found), found
    assert all(p.split(":")[1].isdigit() for p in found)


def test_a_drill_that_ends_early_fails_the_turns_that_never_ran(tmp_path: Path) -> None:
    text = GOOD.replace(
        "If you halt ICBM tests, we will scale back the spring exercises.",
        "Denuclearize completely or we will use military force.",
    )
    result = run_drill(load_drill(write(tmp_path, text)))
    assert not result.passed
    assert [f.turn for f in result.failures if "already ended" in f.actual] == [
        3
    ]  # turn 2 expects nothing, so it fails nothing by not running


def test_cli_reports_failures_with_the_reply_and_exit_codes(tmp_path: Path) -> None:
    bad = write(tmp_path, GOOD.replace("trust: up", "trust: down"), "bad.yaml")
    good = write(tmp_path, GOOD, "good.yaml")
    code, out = run("drill", str(good))
    assert code == 0 and out.startswith("PASS sample")
    code, out = run("drill", str(good), str(bad))
    assert code == 1
    assert "turn 1: expected trust down, got trust 35 -> 40" in out
    assert "delegation: " in out
    assert "1 passed, 1 failed" in out
    broken = write(
        tmp_path, GOOD.replace("asks: [icbm_test_moratorium]", "asks: [icbm_moratorium]", 1), "broken.yaml"
    )
    code, out = run("drill", str(good), str(broken))
    assert code == 2
    assert "PASS sample" in out and "did you mean 'icbm_test_moratorium'" in out


def test_junit_report_and_parallel_runs(tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    code, out = run("drill", str(DRILLS), "-j", "2", "--junit", str(report))
    assert code == 0, out
    suite = ET.parse(report).getroot()
    assert suite.get("tests") == str(len(list(DRILLS.rglob("*.yaml"))))  # table drills too
    assert suite.get("failures") == "0"


def test_pytest_collects_drills_and_shows_the_drill_report(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace("trust: up", "trust: down"), "failing_drill.yaml")
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert out.returncode == 1
    assert "expected trust down, got trust 35 -> 40" in out.stdout
    assert "Traceback" not in out.stdout


def test_a_turn_with_no_expect_that_never_ran_fails_nothing(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        "drill: x\npersona: dprk\nturns:\n  - say: Denuclearize now or face the consequences.\n"
        "  - say: Hello.\n  - say: Hello again.\n    expect: {kind: other}\nobjectives: {outcome: derailed}\n",
        encoding="utf-8",
    )
    result = run_drill(load_drill(path))
    assert [f.turn for f in result.failures] == [3]  # only the turn that expected something
