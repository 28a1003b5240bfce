"""Playbooks and drills of every wrong shape: problems reported with their lines, never a traceback."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rehearse.cli import cli

FUZZ = int(os.environ.get("REHEARSE_FUZZ", "25"))
"""Examples per property (benchmarks/fuzz.sh runs thousands)."""

ROOT = Path(__file__).resolve().parent.parent
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml when installed: the same documents and text as safe_load and safe_dump, several times faster."""
PLAYBOOK = yaml.load((ROOT / "personas" / "dprk.yaml").read_text(encoding="utf-8"), Loader=LOADER)
DRILL = yaml.load(
    (ROOT / "dialogues" / "drills" / "phased-roadmap.yaml").read_text(encoding="utf-8"), Loader=LOADER
)
NASTY: list[Any] = [
    "x", None, [1, 2], {"a": 1}, -1, 0, 10**30, float("nan"), float("inf"), True, "", "[bold]x[/]",
    "\x1b[31m", [[[[["deep"]]]]], "trust in 5", "{{ leader * 100000000 }}", "{% for a in 'x' %}{% endfor %}",
]  # fmt: skip


def paths(data: Any, prefix: tuple[Any, ...] = (), depth: int = 0) -> list[tuple[Any, ...]]:
    """Return the paths to every value in a parsed YAML document, a few levels deep."""
    out = [prefix] if prefix else []
    if depth >= 4:
        return out
    if isinstance(data, dict):
        for key, value in list(data.items())[:12]:
            out += paths(value, (*prefix, key), depth + 1)
    elif isinstance(data, list):
        for index, value in enumerate(data[:3]):
            out += paths(value, (*prefix, index), depth + 1)
    return out


PLAYBOOK_PATHS = paths(PLAYBOOK)
DRILL_PATHS = paths(DRILL)


def dump(data: Any) -> str:
    """Return ``data`` as the YAML text ``yaml.safe_dump(data, allow_unicode=True)`` writes."""
    return yaml.dump(data, Dumper=DUMPER, allow_unicode=True)


def replaced(data: Any, where: tuple[Any, ...], value: Any) -> Any:
    if not where:
        return value
    head, rest = where[0], where[1:]
    if isinstance(data, dict):
        return {k: (replaced(v, rest, value) if k == head else v) for k, v in data.items()}
    return [replaced(v, rest, value) if i == head else v for i, v in enumerate(data)]


def check(path: Path, *command: str) -> None:
    start = time.perf_counter()
    result = CliRunner().invoke(cli, [*command, str(path)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{command} crashed on {path.read_text()[:300]}") from result.exception
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output
    assert time.perf_counter() - start < 10


SETTINGS = settings(
    max_examples=FUZZ, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(st.sampled_from(PLAYBOOK_PATHS), st.sampled_from(NASTY))
def test_a_playbook_field_of_any_wrong_shape_is_reported(
    tmp_path_factory: pytest.TempPathFactory, where: tuple[Any, ...], value: Any
) -> None:
    path = tmp_path_factory.mktemp("p") / "bad.yaml"
    path.write_text(dump(replaced(PLAYBOOK, where, value)), encoding="utf-8")
    check(path, "validate")


@SETTINGS
@given(st.sampled_from(DRILL_PATHS), st.sampled_from(NASTY))
def test_a_drill_field_of_any_wrong_shape_is_reported(
    tmp_path_factory: pytest.TempPathFactory, where: tuple[Any, ...], value: Any
) -> None:
    path = tmp_path_factory.mktemp("d") / "bad.yaml"
    path.write_text(dump(replaced(DRILL, where, value)), encoding="utf-8")
    check(path, "validate")
    check(path, "drill")


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", [1, 2]), ("briefing", {"a": 1}), ("leader", {"a": 1}), ("title", 5)],
)
def test_top_level_text_of_the_wrong_type_fails_validate(tmp_path: Path, field: str, value: Any) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(dump({**PLAYBOOK, field: value}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1 and f"'{field}' must be non-empty text" in result.output


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ("trust in 5", "'in' needs a set"),
        ("move.kind < 5", "compare numbers"),
        ("trust + 'a' == 'b'", "work on numbers only"),
        ("move.kind == 5", "never equal"),
        ("turn > " + "9" * 40, "too large"),
    ],
)
def test_conditions_are_type_checked(tmp_path: Path, condition: str, message: str) -> None:
    data = {
        **PLAYBOOK,
        "transitions": [{**PLAYBOOK["transitions"][0], "when": condition}, *PLAYBOOK["transitions"][1:]],
    }
    path = tmp_path / "p.yaml"
    path.write_text(dump(data), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1 and ("RH010" in result.output or "RH005" in result.output), result.output
    assert message in result.output


@pytest.mark.parametrize("key", ["state", "kind", "outcome"])
def test_a_drill_expectation_given_as_a_list_is_reported(tmp_path: Path, key: str) -> None:
    turns = [{"say": "Hello.", "expect": {key: ["a", "b"]}}]
    path = tmp_path / "d.yaml"
    path.write_text(yaml.safe_dump({"drill": "x", "persona": "dprk", "turns": turns}), encoding="utf-8")
    for command in ("drill", "validate"):
        result = CliRunner().invoke(cli, [command, str(path)])
        assert result.exit_code in (1, 2) and f"expect '{key}' must be text" in result.output


def test_numbers_over_the_limit_are_reported_not_crashed(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        "drill: x\npersona: dprk\nseed: " + "9" * 5000 + "\nturns:\n  - say: hi\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["drill", str(path)])
    assert result.exit_code == 2 and "number too large" in result.output


@pytest.mark.parametrize("kind", ["playbook", "drill"])
def test_a_file_that_is_not_utf8_is_one_clear_problem(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.yaml"
    path.write_bytes(b"id: x\nname: \xff\xfe\n")
    result = CliRunner().invoke(cli, ["validate" if kind == "playbook" else "drill", str(path)])
    assert result.exit_code in (1, 2) and "not a UTF-8 text file" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_phrase_yaml_reads_as_a_number_is_reported_with_its_quoted_form(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from rehearse.cli import cli

    CliRunner().invoke(cli, ["new", "persona", "np", "--dir", str(tmp_path)])
    path = tmp_path / "np.yaml"
    text = path.read_text(encoding="utf-8").replace("phrases: [aid, food,", "phrases: [aid, 1737, food,")
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code != 0
    assert "not the number 1737 (quote it: '1737')" in result.output
