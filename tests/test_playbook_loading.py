"""Loading playbooks: every problem is found before a session starts, reported as file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from rehearse.content.loader import load_playbook
from rehearse.content.yamlsource import parse_yaml
from rehearse.errors import ContentError

MINIMAL = """\
id: tiny
name: Tiny delegation
briefing: A small delegation for tests.
meters:
  trust: 40
  tension: 40
items:
  freeze:
    label: a freeze
    side: persona
    value: 20
    phase: 1
    phrases: [freeze*]
  relief:
    label: relief
    side: user
    value: 30
    phase: 1
    phrases: [relief]
initial: talking
states:
  talking: {outcome: ongoing}
  done: {outcome: agreement}
  gone: {outcome: derailed}
transitions:
  - move: reciprocal
    from: "*"
    when: offer.verdict == 'accept'
    action: agree_offer
    effects: {trust: 5}
    reply: yes
  - move: accept
    from: talking
    when: ledger.size >= 1
    to: done
    reply: signed
  - move: demand
    from: "*"
    to: gone
    reply: bye
replies:
  unmatched: ["Go on."]
  "yes": ["Fine: {{ you_ask|and_list }} for {{ you_give|and_list }}."]
  signed: ["Signed."]
  bye: ["We leave."]
"""


def write(tmp_path: Path, text: str, name: str = "tiny.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_playbook(write(tmp_path, text))
    return [str(p) for p in caught.value.problems]


def test_minimal_playbook_loads(tmp_path: Path) -> None:
    playbook = load_playbook(write(tmp_path, MINIMAL))
    assert playbook.id == "tiny"
    assert set(playbook.states) == {"talking", "done", "gone"}
    assert len(playbook.sha256) == 64


def test_yaml_11_traps_are_neutralised() -> None:
    data = parse_yaml("a: yes\nb: on\nc: 1:30\nd: 012\ne: true\n", "x.yaml")
    assert data == {"a": "yes", "b": "on", "c": "1:30", "d": 12, "e": True}


def test_duplicate_keys_are_rejected_with_both_lines() -> None:
    with pytest.raises(ContentError) as caught:
        parse_yaml("id: a\nname: b\nid: c\n", "dup.yaml")
    assert str(caught.value.problems[0]) == "dup.yaml:3: duplicate key 'id' (first at line 1)"


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    found = problems(tmp_path, MINIMAL.replace("phrases: [relief]", "phrases: [relief"))
    assert len(found) == 1
    assert found[0].startswith(f"{tmp_path / 'tiny.yaml'}:")
    assert "YAML syntax" in found[0]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "name: Tiny delegation",
            "nme: Tiny delegation",
            ":2: playbook: unknown key 'nme'; did you mean 'name'?",
        ),
        ("    from: talking\n", "    from: talkin\n", "unknown state 'talkin'; did you mean 'talking'?"),
        ("    to: gone\n", "    to: gon\n", "unknown state 'gon'; did you mean 'gone'?"),
        ("  - move: demand", "  - move: demnad", "unknown move kind 'demnad'; did you mean 'demand'?"),
        ("offer.verdict == 'accept'", "offer.verdict = 'accept'", "cannot read condition"),
        ("offer.verdict == 'accept'", "ofer.verdict == 'accept'", "unknown name 'ofer.verdict'"),
        ("offer.verdict == 'accept'", "__import__('os')", "is not allowed in a condition"),
        ("ledger.size >= 1", "\"'frieze' in move.asks\"", "unknown item 'frieze'; did you mean 'freeze'?"),
        ("{{ you_give|and_list }}", "{{ you_gave }}", "undefined template variable 'you_gave'"),
        ("{{ you_give|and_list }}", "{{ you_give|and_list }", "template syntax"),
        ("{{ you_give|and_list }}", "{{ you_give.__class__ }}", "template fails to render"),
        ("    value: 20\n", "    value: lots\n", "'value' must be a whole number, not 'lots'"),
        ("    side: user", "    side: them", "'side' must be 'persona' or 'user', not 'them'"),
        ("initial: talking", "initial: waiting", "unknown initial state 'waiting'"),
        ("initial: talking", "initial: done", "initial state 'done' must have outcome 'ongoing'"),
        ("  done: {outcome: agreement}", "  done: {outcome: agreed}", "outcome must be one of"),
        ("    from: talking\n", "    from: done\n", "state 'done' ends the session, so nothing leaves it"),
        (
            "    effects: {trust: 5}",
            "    effects: {trsut: 5}",
            "unknown meter 'trsut'; did you mean 'trust'?",
        ),
        ("    action: agree_offer", "    action: agree", "unknown action 'agree'"),
        ("    reply: bye", "    reply: by", "unknown reply situation 'by'"),
        ('  unmatched: ["Go on."]\n', "", "missing situation 'unmatched'"),
        ("  tension: 40\n", "  tension: 400\n", "'tension' must be between 0 and 100"),
        (
            "meters:\n",
            "sides: {user: [Eastland], persona: [eastland]}\nmeters:\n",
            "'eastland' names both sides",
        ),
        ("meters:\n", "sides: {user: [Eastland], them: [Westria]}\nmeters:\n", "sides: unknown key 'them'"),
        ("meters:\n", "sides: {user: [Eastland, 'a{b}']}\nmeters:\n", "must be plain words"),
        ("meters:\n", "sides: [Eastland]\nmeters:\n", "sides"),
    ],
)
def test_each_mistake_is_reported_with_its_line(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in MINIMAL
    found = problems(tmp_path, MINIMAL.replace(old, new, 1))
    assert any(expected in p for p in found), found
    assert all(p.split(":")[1].isdigit() for p in found)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = MINIMAL.replace("    from: talking\n", "    from: talkin\n").replace("reply: bye", "reply: by")
    found = problems(tmp_path, text)
    assert len(found) == 2


def test_yes_is_not_a_boolean_flag(tmp_path: Path) -> None:
    text = MINIMAL.replace("    phrases: [relief]", "    phrases: [relief]\n    red_line: yes")
    found = problems(tmp_path, text)
    assert any("'red_line' must be true or false, not 'yes'" in p for p in found)


def test_missing_file_is_a_content_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="file not found"):
        load_playbook(tmp_path / "absent.yaml")


def test_sides_are_read_from_the_playbook(tmp_path: Path) -> None:
    text = MINIMAL.replace(
        "meters:\n", "sides:\n  user: [Eastland, the Chancellor]\n  persona: [Westria*]\nmeters:\n", 1
    )
    playbook = load_playbook(write(tmp_path, text))
    assert playbook.sides.user == ("Eastland", "the Chancellor")
    assert playbook.sides.persona == ("Westria*",)


def test_shipped_personas_are_valid() -> None:
    root = Path(__file__).resolve().parent.parent / "personas"
    for path in root.glob("*.yaml"):
        assert load_playbook(path).id == path.stem


def test_alias_bombs_stay_small_and_deep_nesting_is_a_clear_error() -> None:
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{k}: &{k} [{', '.join([f'*{p}'] * 9)}]\n" for p, k in zip("abcd", "bcde", strict=True)
    )
    data = parse_yaml(bomb, "bomb.yaml")
    assert data["e"][0] is data["e"][1]
    with pytest.raises(ContentError, match="nesting"):
        parse_yaml("[" * 5000, "deep.yaml")


@pytest.mark.parametrize("text", ["a: !!python/object/apply:os.system [echo hi]\n", "a: !custom {b: 1}\n"])
def test_yaml_tags_are_refused_not_executed(text: str) -> None:
    with pytest.raises(ContentError, match="is not supported"):
        parse_yaml(text, "tagged.yaml")
