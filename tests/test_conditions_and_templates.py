"""Conditions evaluate without eval; templates render in a bounded sandbox."""

from __future__ import annotations

import jinja2
import pytest

from rehearse.content.conditions import ConditionSyntaxError, compile_condition
from rehearse.content.templates import RENDER_ERRORS, and_list, check_template, compile_template, render

NAMES = {"trust", "tension", "move.kind", "move.asks", "offer.ratio", "table.open"}


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("trust >= 40 and tension < 80", {"trust": 40, "tension": 79}, True),
        ("trust >= 40 and tension < 80", {"trust": 39, "tension": 10}, False),
        ("move.kind == 'demand' or table.open", {"move.kind": "question", "table.open": True}, True),
        ("'x' in move.asks", {"move.asks": frozenset({"x"})}, True),
        ("'x' not in move.asks", {"move.asks": frozenset({"x"})}, False),
        ("not move.asks", {"move.asks": frozenset()}, True),
        ("10 < trust <= 20", {"trust": 20}, True),
        ("trust - tension > -5", {"trust": 10, "tension": 12}, True),
        ("move.kind in ['demand', 'threat']", {"move.kind": "threat"}, True),
        ("offer.ratio >= 1.2", {"offer.ratio": 1.25}, True),
    ],
)
def test_conditions_evaluate(text: str, context: dict[str, object], expected: bool) -> None:
    assert compile_condition(text, NAMES)(context) is expected


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os').system('true')",
        "trust.__class__",
        "(lambda: 1)()",
        "[x for x in move.asks]",
        "trust if tension else 1",
        "move.asks[0]",
        "trust * 1000000",
        "open('/etc/passwd')",
        "trust >",
        "x" * 600,
    ],
)
def test_anything_beyond_the_condition_language_is_refused(text: str) -> None:
    with pytest.raises(ConditionSyntaxError):
        compile_condition(text, NAMES)


def test_condition_records_names_and_compared_strings() -> None:
    condition = compile_condition("move.kind == 'demand' and 'a' in move.asks", NAMES)
    assert condition.names == {"move.kind", "move.asks"}
    assert set(condition.strings) == {("move.kind", "demand"), ("move.asks", "a")}


def test_and_list_reads_as_prose() -> None:
    assert and_list([]) == "nothing"
    assert and_list(["a"]) == "a"
    assert and_list(["a", "b"]) == "a and b"
    assert and_list(["a", "b", "c"]) == "a, b and c"
    # a label that holds "and" keeps the list readable (rok: the labels ran together)
    assert (
        and_list(["sports and cultural exchanges", "a joint liaison office"])
        == "sports and cultural exchanges, and a joint liaison office"
    )


def test_template_static_checks() -> None:
    known = frozenset({"leader", "we_give"})
    assert check_template("{{ leader }} {{ we_give|and_list|upfirst }}", known) is None
    assert check_template("{{ lead }}", known) == "undefined template variable 'lead'"
    assert check_template("{{ leader|shout }}", known) == "unknown filter 'shout'"
    assert "not allowed" in str(check_template("{{ leader.__class__ }}", known))
    with pytest.raises(jinja2.TemplateSyntaxError):
        check_template("{{ leader", known)


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'a' * 100000000 }}",
        "{{ 9 ** 99999 }}",
        "{{ leader.__class__.__mro__ }}",
        "{% for i in range(10**9) %}x{% endfor %}",
        "{{ missing }}",
    ],
)
def test_hostile_templates_fail_as_render_errors(source: str) -> None:
    with pytest.raises(RENDER_ERRORS):
        render(compile_template(source), {"leader": "L"})


def test_rendered_replies_are_bounded_and_single_spaced() -> None:
    text = render(compile_template("{{ a }}\n\n   {{ a }}"), {"a": "x" * 3000})
    assert len(text) <= 4000
    assert "\n" not in text
