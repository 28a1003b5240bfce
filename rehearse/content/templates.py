"""Reply templates: jinja2 in a sandbox with strict undefined variables, compiled once at load."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_RENDERED = 4000
MAX_SOURCE = 4000
"""The longest reply template accepted, in characters."""
MAX_VALUE = 20_000
"""The longest text a filter may produce while a reply renders (a render budget: over it, an error)."""
MAX_LITERAL_NUMBER = 10**6
ALLOWED_FILTERS = frozenset(
    {
        "and_list", "upfirst", "join", "last", "first", "length", "count", "lower", "upper",
        "capitalize", "title", "trim", "default", "d", "list", "sort", "unique", "reverse",
        "string", "round", "abs", "int", "float", "min", "max", "sum", "truncate", "wordcount",
    }
)  # fmt: skip
"""Filters a reply may use: none can grow text beyond what its arguments hold (and all are guarded)."""
_ALLOWED_NODES = (
    nodes.Template, nodes.Output, nodes.TemplateData, nodes.If, nodes.Name, nodes.Const,
    nodes.Filter, nodes.Test, nodes.Getattr, nodes.Getitem, nodes.Slice, nodes.Compare, nodes.Operand,
    nodes.And, nodes.Or, nodes.Not, nodes.CondExpr, nodes.Concat, nodes.List, nodes.Tuple,
    nodes.Add, nodes.Sub, nodes.Div, nodes.FloorDiv, nodes.Neg, nodes.Pos, nodes.Keyword,
)  # fmt: skip
"""What a reply template may be made of: text, values, filters, tests and ``if``; no loops,
assignments, calls, macros or string repetition, so rendering is bounded by the template's size."""


class _BoundedSandbox(ImmutableSandboxedEnvironment):
    """A sandbox that also refuses arithmetic building huge strings or numbers."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Multiply or raise to a power only when the result stays small."""
        if operator == "**":
            if abs(right) > 64 or abs(left) > 10**6:
                raise SecurityError("exponent too large in a template")
            return left**right
        size = max(len(left) if hasattr(left, "__len__") else 1, 1)
        count = right if isinstance(right, int) else 1
        if size * abs(count) > MAX_RENDERED:
            raise SecurityError("repetition too large in a template")
        return left * right


TEMPLATE_CACHE = 8192
"""Templates kept compiled (and checked) by their text: the shipped personas have about 1,500."""


def and_list(values: Iterable[Any], conjunction: str = "and") -> str:
    """Join values as English prose: 'a', 'a and b', 'a, b and c'.

    When a value holds the conjunction itself ('sports and cultural exchanges'), a comma goes
    before the last one, so the list still reads apart: 'sports and cultural exchanges, and a
    liaison office'.
    """
    words = [str(v) for v in values]
    if not words:
        return "nothing"
    if len(words) == 1:
        return words[0]
    joint = f" {conjunction} "
    comma = "," if any(joint in w for w in words) else ""
    return f"{', '.join(words[:-1])}{comma} {conjunction} {words[-1]}"


def count_of(number: int, noun: str) -> str:
    """Return '1 turn', '2 turns' (a regular plural)."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def upfirst(value: Any) -> str:
    """Upper-case the first letter only (unlike ``capitalize``, which lowers the rest)."""
    text = str(value)
    return text[:1].upper() + text[1:]


def make_environment() -> jinja2.Environment:
    """Return the sandboxed environment every reply template is compiled in."""
    env = _BoundedSandbox(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["and_list"] = and_list
    env.filters["upfirst"] = upfirst
    env.filters = {name: _guarded(name, f) for name, f in env.filters.items() if name in ALLOWED_FILTERS}
    return env


def _guarded(name: str, function: Any) -> Any:
    """Return ``function`` refusing to produce text or lists longer than MAX_VALUE."""

    def guarded(*args: Any, **kwargs: Any) -> Any:
        result = function(*args, **kwargs)
        if isinstance(result, (str, list, tuple)) and len(result) > MAX_VALUE:
            raise SecurityError(f"the filter '{name}' made a value over {MAX_VALUE:,} long")
        return result

    for flag in ("jinja_pass_arg",):
        if hasattr(function, flag):
            setattr(guarded, flag, getattr(function, flag))
    return guarded


def construct_problem(tree: nodes.Template, source: str) -> str | None:
    """Return why a parsed template could render without bound, or None when it is bounded."""
    if len(source) > MAX_SOURCE:
        return f"template too long: {len(source):,} characters (at most {MAX_SOURCE:,})"
    for node in tree.find_all(nodes.Node):
        if not isinstance(node, _ALLOWED_NODES):
            kind = type(node).__name__.lower()
            return f"'{kind}' is not allowed in a reply (use text, variables, filters and if)"
        if isinstance(node, nodes.Const):
            value = node.value
            if isinstance(value, bool) or value is None:
                continue
            if isinstance(value, (int, float)) and not abs(value) <= MAX_LITERAL_NUMBER:
                return f"the number {str(value)[:20]} is too large for a reply"
    return None


ENVIRONMENT = make_environment()

RENDER_ERRORS: tuple[type[BaseException], ...] = (
    jinja2.TemplateError,
    OverflowError,
    MemoryError,
    TypeError,
    ValueError,
    ArithmeticError,
    AttributeError,
    KeyError,
    IndexError,
    RecursionError,
)


@functools.lru_cache(maxsize=TEMPLATE_CACHE)
def check_template(source: str, known: frozenset[str]) -> str | None:
    """Parse a template and check it statically; return the first problem, or None.

    Raises ``TemplateSyntaxError`` for syntax errors. Checks, without compiling: variables are
    known ones (or set inside the template), filters and tests exist, no ``_private`` attribute.
    """
    if "{" not in source:
        return None if len(source) <= MAX_SOURCE else f"template too long: {len(source):,} characters"
    try:
        tree = ENVIRONMENT.parse(source)
    except (ValueError, OverflowError, RecursionError, MemoryError) as exc:
        return f"template cannot be read: {str(exc)[:80]}"
    problem = construct_problem(tree, source)
    if problem is not None:
        return problem
    found = list(tree.find_all((nodes.Name, nodes.Filter, nodes.Test, nodes.Getattr)))
    stored = {n.name for n in found if isinstance(n, nodes.Name) and n.ctx in ("store", "param")}
    for node in found:
        if isinstance(node, nodes.Name):
            if node.ctx == "load" and node.name not in known and node.name not in stored:
                return f"undefined template variable '{node.name}'"
        elif isinstance(node, nodes.Filter):
            if node.name not in ENVIRONMENT.filters:
                return f"unknown filter '{node.name}'"
        elif isinstance(node, nodes.Test):
            if node.name not in ENVIRONMENT.tests:
                return f"unknown test '{node.name}'"
        elif isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            return f"template fails to render: access to attribute '{node.attr}' is not allowed"
    return None


@functools.lru_cache(maxsize=TEMPLATE_CACHE)
def compile_template(source: str) -> jinja2.Template:
    """Compile one template (raises TemplateSyntaxError); the same text is compiled once."""
    return ENVIRONMENT.from_string(source)


def render(template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """Render a template, collapsing whitespace and bounding its length."""
    text = template.render(context)
    text = " ".join(text.split())
    if len(text) > MAX_RENDERED:
        text = text[: MAX_RENDERED - 1] + "…"
    return text
