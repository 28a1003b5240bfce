"""Reply templates that could grow without bound are refused at validation; a render has a budget."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from rehearse.cli import cli
from rehearse.content.templates import ENVIRONMENT, RENDER_ERRORS, check_template, compile_template, render
from rehearse.content.vocabulary import TEMPLATE_NAMES

FUZZ = int(os.environ.get("REHEARSE_FUZZ", "25"))
"""Examples per property (benchmarks/fuzz.sh runs thousands)."""

DPRK = Path(__file__).resolve().parent.parent / "personas" / "dprk.yaml"
KNOWN = frozenset(TEMPLATE_NAMES)

UNBOUNDED = {
    "nested loops": "{% for a in 'x' * 9 %}{% for b in 'y' * 9 %}{{ a }}{% endfor %}{% endfor %}",
    "a loop": "{% for a in roadmap %}{{ a }}{% endfor %}",
    "doubling with set": "{% set s = 'ab' %}{% set s = s ~ s %}{% set s = s ~ s %}{{ s }}",
    "printf width": "{{ '%0300000000d' % 1 }}",
    "center": "{{ leader.center(1000000000) }}",
    "ljust filter": "{{ leader|center(1000000000) }}",
    "zfill": "{{ leader.zfill(10**9) }}",
    "format": "{{ '{:>1000000000}'.format(leader) }}",
    "repetition": "{{ leader * 100000000 }}",
    "power": "{{ 10 ** 100000 }}",
    "a huge literal": "{{ " + "9" * 5000 + " }}",
    "a macro": "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "replace doubling": "{{ leader|replace('a', 'aa')|replace('a', 'aa') }}",
    "range": "{{ range(100000)|join(',') }}",
}


@pytest.mark.parametrize("name", sorted(UNBOUNDED))
def test_unbounded_constructs_are_refused_statically(name: str) -> None:
    source = UNBOUNDED[name]
    start = time.perf_counter()
    try:
        problem = check_template(source, KNOWN)
    except Exception as exc:  # a syntax error is also a refusal
        problem = str(exc)
    assert problem, name
    assert time.perf_counter() - start < 0.5


def test_validate_reports_an_unbounded_reply_with_its_line_and_does_not_hang(tmp_path: Path) -> None:
    text = DPRK.read_text(encoding="utf-8")
    bad = json.dumps(UNBOUNDED["doubling with set"])
    path = tmp_path / "bad.yaml"
    path.write_text(text.replace("  unmatched:\n", f"  unmatched:\n    - {bad}\n", 1), encoding="utf-8")
    start = time.perf_counter()
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1 and "RH015" in result.output and "'assign' is not allowed" in result.output
    assert time.perf_counter() - start < 5


def test_a_render_over_budget_is_an_error_not_a_hang() -> None:
    nested = "{{ roadmap|join(roadmap|join(roadmap|join(roadmap|join(roadmap|join('x'))))) }}"
    assert check_template(nested, KNOWN) is None  # bounded constructs only, but it multiplies
    template = compile_template(nested)
    start = time.perf_counter()
    with pytest.raises(RENDER_ERRORS):
        render(template, {"roadmap": ["y" * 200] * 40})
    assert time.perf_counter() - start < 1


PIECES = st.sampled_from(
    ["{{ leader }}", "{{ roadmap|join('; ') }}", "{{ we_give|and_list|upfirst }}", "{% if trust > 5 %}",
     "{% endif %}", "{{ turn * 9 }}", "{% for x in roadmap %}", "{% endfor %}", "{{ leader ~ leader }}",
     "{% set a = leader %}", "{{ a }}", "text ", "{{ 'x' % 3 }}", "{{ roadmap|join(roadmap|join('z')) }}"]
)  # fmt: skip


@settings(max_examples=FUZZ * 6, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=12))
def test_any_template_that_passes_the_check_renders_within_the_budget(pieces: list[str]) -> None:
    source = "".join(pieces)
    try:
        if check_template(source, KNOWN) is not None:
            return
        template = ENVIRONMENT.from_string(source)
    except Exception:  # a syntax error: refused
        return
    context = dict.fromkeys(KNOWN, "value") | {"roadmap": ["y" * 300] * 30, "trust": 40, "turn": 3,
                                                    "we_give": ["a", "b"]}  # fmt: skip
    start = time.perf_counter()
    try:
        out = render(template, context)
    except RENDER_ERRORS:
        out = ""
    assert len(out) <= 4000 and time.perf_counter() - start < 0.5
