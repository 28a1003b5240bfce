"""Tables of several delegations: addressing, reactions, the joint statement, walk-outs, files."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rehearse.cli import cli
from rehearse.content.tables import load_table
from rehearse.engine.table import TableSession
from rehearse.errors import ContentError, RehearseError

HERE = Path(__file__).resolve().parent
TWO = HERE / "tables" / "two-party.yaml"
OFFER_DPRK = "@dprk If you halt ICBM tests, we will scale down the joint exercises."
OFFER_CHINA = "Beijing, if you press Pyongyang to freeze its tests, we will suspend the spring exercises."


def table(seed: int = 0) -> TableSession:
    return TableSession(load_table(TWO), seed)


def test_a_message_goes_to_the_party_it_names_or_to_the_chair() -> None:
    t = table()
    assert t.address("@china What do you need?") == ("china", "What do you need?")
    assert t.address("Pyongyang, what would you want?")[0] == "dprk"
    assert t.address("What does everyone want?") == ("table", "What does everyone want?")
    turn = t.say("What does everyone want?")
    assert turn.party == "china" and turn.turn is not None  # the chair answers the table


def test_a_move_to_one_party_draws_a_reaction_that_moves_another() -> None:
    t = table()
    before = dict(t.parties["china"].meters)
    turn = t.say("@dprk Denuclearize by Friday or we will use force.")
    assert turn.turn is not None and turn.turn.move.kind == "threat"
    (reaction,) = turn.reactions
    assert reaction.party == "china" and "Beijing's work harder" in reaction.text
    assert t.parties["china"].meters["trust"] == before["trust"] - 5
    assert dict(reaction.changes) == {"trust": -5, "tension": 6}


def test_the_chair_proposes_a_joint_statement_and_the_table_adopts_it() -> None:
    t = table()
    t.say(OFFER_DPRK)
    t.say("@dprk Agreed.")
    assert t.state == "talking"
    t.say(OFFER_CHINA)
    if t.state != "closing":
        t.say("@china Agreed.")
    assert t.state == "closing" and "joint statement" in t.turns[-1].notice
    last = t.say("We accept the joint statement.")
    assert t.outcome == "agreement" and "adopted" in last.notice


def test_a_walkout_of_a_party_the_table_needs_ends_it() -> None:
    t = table()
    for _ in range(3):
        if t.outcome == "ongoing":
            t.say("@dprk You must disarm first.")
    assert t.parties["dprk"].outcome == "derailed"
    assert t.outcome == "derailed" and "cannot close without them" in t.turns[-1].notice


def test_same_table_seed_and_messages_give_the_same_turns_and_rewind_replays() -> None:
    a, b = table(3), table(3)
    for message in (OFFER_DPRK, "@dprk Agreed.", OFFER_CHINA):
        assert a.say(message) == b.say(message)
    replies = [t.turn.reply for t in a.turns if t.turn]
    a.rewind(1)
    assert len(a.turns) == 1 and a.say("@dprk Agreed.").turn.reply == replies[1]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("chair: china", "chair: chna", "unknown chair 'chna'; did you mean 'china'?"),
        (
            "  - from: dprk\n    kinds: [threat]",
            "  - from: dprkk\n    kinds: [threat]",
            "unknown party 'dprkk'",
        ),
        ("items: [exercise_limits]", "items: [exercise_limit]", "'exercise_limit' is not an item of dprk"),
        ("kinds: [threat]", "kinds: [thret]", "unknown move kind 'thret'"),
        ("persona: china", "persona: chinaa", "unknown persona 'chinaa'"),
    ],
)
def test_a_bad_table_is_reported_with_lines_and_suggestions(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    text = TWO.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "t.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_table(path)
    assert any(message in str(p) for p in caught.value.problems), caught.value.problems


def test_chat_plays_a_table_and_saves_every_reply(tmp_path: Path) -> None:
    stdin = f"{OFFER_DPRK}\n/parties\n@dprk Agreed.\n"
    result = CliRunner().invoke(cli, ["chat", str(TWO), "--save-dir", str(tmp_path)], input=stdin)
    assert result.exit_code == 0, result.output
    assert "[the DPRK delegation]" in result.output and "[the Chinese delegation]" in result.output
    assert "@dprk: bargaining" in result.output
    import json

    (saved,) = tmp_path.glob("two-party-*.jsonl")
    lines = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["table"] == "two-party" and lines[1]["party"] == "dprk"
    assert lines[1]["reactions"][0]["party"] == "china"


def test_the_six_party_table_reaches_a_joint_statement_in_under_twenty_turns() -> None:
    from rehearse.content.tables import tables_dir

    t = TableSession(load_table(tables_dir() / "six-party.yaml"), 0)
    assert set(t.parties) == {"dprk", "china", "rok", "japan", "russia"}
    for message in [
        "@dprk If you halt ICBM tests, we will scale down the joint exercises.",
        "@dprk Agreed.",
        "Beijing, if you press Pyongyang to freeze its tests, we will suspend the spring exercises.",
        "@china Agreed.",
        "Seoul, if you join a common position at the table, we will consult you before any deal with Pyongyang.",
        "@rok Agreed.",
        "Tokyo, if you step up ship inspections and asset freezes, we will raise the abductees in every round.",
        "@japan Agreed.",
    ]:
        t.say(message)
    assert t.state == "closing"
    t.say("We accept the joint statement.")
    assert t.outcome == "agreement" and len(t.turns) <= 20
    reacted = {r.party for turn in t.turns for r in turn.reactions}
    assert {"rok", "china"} <= reacted  # an offer to one party drew words from others


def test_following_the_table_hint_adopts_a_joint_statement_within_twenty_turns() -> None:
    from rehearse.content.tables import tables_dir

    t = TableSession(load_table(tables_dir() / "six-party.yaml"), 0)
    while t.outcome == "ongoing" and len(t.turns) < 20:
        found = t.hint()
        assert found is not None
        text, why = found
        assert text.startswith("@") or "joint statement" in text
        assert why.endswith(".")
        t.say(text)
    assert t.outcome == "agreement", [(x.party, x.notice) for x in t.turns]


TABLE_DRILL = """\
drill: two-party-threat
table: two-party.yaml
title: A threat to Pyongyang draws Beijing
turns:
  - say: "@dprk Denuclearize by Friday or we will use military force."
    expect:
      party: dprk
      kind: threat
      reactions: [china]
      china: {trust: down, tension: up}
objectives:
  within_turns: 1
"""


def test_a_table_drill_runs_headless_and_reports_what_did_not_hold(tmp_path: Path) -> None:
    import shutil

    shutil.copy(TWO, tmp_path / "two-party.yaml")
    good = tmp_path / "good.yaml"
    good.write_text(TABLE_DRILL, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(TABLE_DRILL.replace("china: {trust: down", "china: {trust: up"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["drill", str(good), str(bad)])
    assert result.exit_code == 1
    assert "PASS two-party-threat" in result.output
    assert "turn 1: expected china trust up, got china trust" in result.output


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("reactions: [china]", "reactions: [chna]", "unknown party 'chna'; did you mean 'china'?"),
        ("table: two-party.yaml", "table: no-such-table", "unknown table 'no-such-table'"),
        ("kind: threat", "kind: thret", "unknown kind 'thret'"),
    ],
)
def test_a_bad_table_drill_is_reported(tmp_path: Path, old: str, new: str, message: str) -> None:
    import shutil

    from rehearse.content.table_drills import load_table_drill

    shutil.copy(TWO, tmp_path / "two-party.yaml")
    path = tmp_path / "d.yaml"
    path.write_text(TABLE_DRILL.replace(old, new), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_table_drill(path)
    assert any(message in str(p) for p in caught.value.problems), caught.value.problems


def test_replay_check_replays_a_saved_table_and_notices_a_changed_reply(tmp_path: Path) -> None:
    import json

    stdin = f"{OFFER_DPRK}\n@dprk Agreed.\n{OFFER_CHINA}\n"
    CliRunner().invoke(cli, ["chat", "six-party", "--save-dir", str(tmp_path)], input=stdin)
    (saved,) = tmp_path.glob("six-party-*.jsonl")
    result = CliRunner().invoke(cli, ["replay", "--check", str(saved)])
    assert result.exit_code == 0 and "identical (3 turns)" in result.output
    lines = saved.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[2])
    record["reply"] = "Something else entirely."
    saved.write_text("\n".join([lines[0], lines[1], json.dumps(record), *lines[3:]]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["replay", "--check", str(saved)])
    assert result.exit_code == 1 and "turn 2" in result.output


def test_a_saved_table_exports_as_markdown_with_every_reply(tmp_path: Path) -> None:
    CliRunner().invoke(cli, ["chat", str(TWO), "--save-dir", str(tmp_path)], input=f"{OFFER_DPRK}\n")
    (saved,) = tmp_path.glob("two-party-*.jsonl")
    result = CliRunner().invoke(cli, ["export", str(saved)])
    assert result.exit_code == 0
    assert "### Turn 1: to dprk" in result.output and "- *china:*" in result.output
    assert "read as **reciprocal**" in result.output
    result = CliRunner().invoke(cli, ["export", str(saved), "--format", "html"])
    assert result.exit_code == 0 and "<h1>A two-party table</h1>" in result.output


def test_a_table_turn_can_be_taken_back_or_corrected_and_rewind_keeps_the_correction() -> None:
    t = table()
    first = t.say(OFFER_DPRK)
    assert [r.party for r in first.reactions] == ["china"]
    fixed = t.correct("demand", asks=["icbm_test_moratorium"])
    assert fixed.turn is not None and fixed.turn.corrected and fixed.turn.move.kind == "demand"
    assert fixed.turn.read_as.kind == "reciprocal" and len(t.turns) == 1
    assert fixed.reactions != first.reactions  # the links fire on the corrected move
    t.say("@china What does Beijing expect?")
    t.rewind(1)
    assert t.turns[0].turn is not None and t.turns[0].turn.move.kind == "demand"
    assert t.undo() and t.turns == [] and not t.undo()
    t.say(OFFER_DPRK)
    with pytest.raises(RehearseError, match="unknown item"):
        t.correct("demand", asks=["no_such_item"])
    assert t.turns[-1].turn is not None and not t.turns[-1].turn.corrected  # nothing changed


def test_a_saved_table_keeps_take_backs_and_corrections_and_checks_identical(tmp_path: Path) -> None:
    from rehearse.records.table_check import check_table_dialogue
    from rehearse.records.table_file import RecordedTable, read_table_dialogue

    recorded = RecordedTable(load_table(TWO), 0, tmp_path)
    recorded.say(OFFER_DPRK)
    recorded.say("@dprk You must disarm first.")
    assert recorded.undo()
    recorded.say(OFFER_CHINA)
    recorded.correct("demand", asks=["test_freeze_pressure"])
    recorded.close()
    assert recorded.path is not None
    saved = read_table_dialogue(recorded.path)
    assert [t["turn"] for t in saved.turns] == [1, 2]
    assert saved.turns[1]["corrected"] is True and saved.turns[1]["read_as"]["kind"] == "reciprocal"
    assert [t["say"] for t in saved.taken_back] == ["@dprk You must disarm first."]
    result = check_table_dialogue(recorded.path)
    assert result.identical and result.turns == 2


@pytest.mark.parametrize(
    "path", sorted((HERE.parent / "dialogues" / "drills" / "tables").glob("*.yaml")), ids=lambda p: p.stem
)
def test_every_table_drill_hands_over_mid_talks_and_the_hint_meets_its_live_objectives(path: Path) -> None:
    from rehearse.content.table_drills import load_table_drill
    from rehearse.engine.table_drill_runner import grade_table

    drill = load_table_drill(path)
    t = TableSession(drill.spec, drill.seed)
    for step in drill.turns[: drill.handover]:
        t.say(step.say)
    assert t.outcome == "ongoing", "the hand-over must leave the trainee something to play"
    outcome, within = drill.live
    assert outcome == "agreement" and within is not None
    while t.outcome == "ongoing" and len(t.turns) < within:
        found = t.hint()
        assert found is not None
        t.say(found[0])
    assert all(o.met for o in grade_table(t, outcome, within)), [t.say for t in t.turns]


def test_a_party_done_with_its_roadmap_stays_at_the_table_and_signs() -> None:
    t = TableSession(load_table(HERE.parent / "personas" / "tables" / "six-party.yaml"))
    for message in (OFFER_DPRK, "@dprk Agreed.", "@dprk We accept the roadmap."):
        t.say(message)
    assert t.parties["dprk"].outcome == "agreement" and t.outcome == "ongoing"
    done = t.say("@dprk What would you need next?")
    assert "waits for the joint statement" in done.notice and "left" not in done.notice
    while t.outcome == "ongoing" and len(t.turns) < 25:
        found = t.hint()
        assert found is not None
        t.say(found[0])
    assert t.outcome == "agreement" and "the DPRK delegation" in t.turns[-1].notice  # it signs


def test_the_table_debrief_scores_in_parts_and_tells_walk_outs_and_reactions_apart() -> None:
    from rehearse.engine.table_debrief import table_debrief
    from rehearse.records.table_file import table_score

    t = TableSession(load_table(HERE.parent / "personas" / "tables" / "six-party.yaml"))
    for message in (
        OFFER_DPRK,
        "@dprk Agreed.",
        "@dprk Denuclearize by Friday or we will use military force.",
    ):
        t.say(message)
    report = table_debrief(t)
    assert report.score == sum(points for _, points, _ in report.parts) == table_score(t)
    assert report.parts[0] == ("the joint statement adopted", 0, 40)
    whats = [p.what for p in report.points]
    assert "the DPRK delegation agreed an exchange with you." in whats
    assert any(w.startswith("the DPRK delegation walked out after") and "read as threat" in w for w in whats)
    assert any("cannot close without them" in w for w in whats)
    dprk = next(end for end in report.parties if end.party == "dprk")
    assert dprk.stage == "derailed" and dprk.agreed == 1 and dprk.end["tension"] > dprk.start["tension"]
    assert len(t.turns) == 3  # the debrief replays a copy: the table itself is unchanged


def test_chat_at_a_table_debriefs_on_request_and_when_the_table_ends() -> None:
    stdin = f"{OFFER_DPRK}\n/debrief\n@dprk Denuclearize by Friday or we will use military force.\n"
    result = CliRunner().invoke(cli, ["chat", "six-party", "--no-save"], input=stdin)
    assert result.exit_code == 0
    assert result.output.count("Where each party ended") == 2  # asked for, then at the end
    assert "The table: derailed after 2 turns. Score" in result.output


def test_refusing_the_joint_statement_does_not_adopt_it() -> None:
    t = TableSession(load_table(HERE.parent / "personas" / "tables" / "six-party.yaml"))
    while t.state != "closing":
        found = t.hint()
        assert found is not None
        t.say(found[0])
    refused = t.say("We reject the joint statement: it is not agreed by Washington.")
    assert t.outcome == "ongoing" and refused.party == "china" and "adopted" not in refused.notice
    assert t.say("Agreed.").notice.startswith("The joint statement is adopted")


def test_replay_check_plays_the_table_file_that_was_played_and_names_what_changed(tmp_path: Path) -> None:
    import shutil

    from rehearse.records.table_check import check_table_dialogue
    from rehearse.records.table_file import RecordedTable

    shutil.copy(HERE.parent / "personas" / "china.yaml", tmp_path / "china.yaml")
    table_file = tmp_path / "two-party.yaml"
    table_file.write_text(TWO.read_text(encoding="utf-8").replace("persona: china", "persona: ./china.yaml"))
    recorded = RecordedTable(load_table(table_file), 0, tmp_path / "s")
    recorded.say(OFFER_DPRK)
    recorded.say(OFFER_CHINA)
    recorded.close()
    assert recorded.path is not None
    assert check_table_dialogue(recorded.path).identical
    playbook = tmp_path / "china.yaml"
    text = playbook.read_text(encoding="utf-8")
    start = text.index("trust:", text.index("meters:"))
    playbook.write_text(text[:start] + text[start:].replace("trust: 40", "trust: 42", 1), encoding="utf-8")
    result = check_table_dialogue(recorded.path)
    assert not result.identical and {d.field for d in result.divergences} >= {"meters"}
    assert result.cause == "@china's playbook changed since the session was saved (sha256 differs)"


def test_a_corrected_turn_keeps_its_hint_flag(tmp_path: Path) -> None:
    import json

    from rehearse.records.table_file import RecordedTable

    recorded = RecordedTable(load_table(TWO), 0, tmp_path)
    recorded.offered = OFFER_DPRK
    recorded.say(OFFER_DPRK)
    recorded.correct("demand", asks=["icbm_test_moratorium"])
    recorded.close()
    assert recorded.path is not None
    last = json.loads(recorded.path.read_text(encoding="utf-8").splitlines()[-1])
    assert last["corrected"] is True and last["hint"] is True
