"""Reply templates: jinja2 in a sandbox with strict undefined variables, compiled once at load."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_RENDERED = 4000


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


def and_list(values: Iterable[Any], conjunction: str = "and") -> str:
    """Join values as English prose: 'a', 'a and b', 'a, b and c'."""
    words = [str(v) for v in values]
    if not words:
        return "nothing"
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


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
    return env


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


def check_template(source: str, known: frozenset[str]) -> str | None:
    """Parse a template and check it statically; return the first problem, or None.

    Raises ``TemplateSyntaxError`` for syntax errors. Checks, without compiling: variables are
    known ones (or set inside the template), filters and tests exist, no ``_private`` attribute.
    """
    if "{" not in source:
        return None  # plain text: nothing for jinja2 to read
    tree = ENVIRONMENT.parse(source)
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


def compile_template(source: str) -> jinja2.Template:
    """Compile one template (raises TemplateSyntaxError)."""
    return ENVIRONMENT.from_string(source)


def render(template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """Render a template, collapsing whitespace and bounding its length."""
    text = template.render(context)
    text = " ".join(text.split())
    if len(text) > MAX_RENDERED:
        text = text[: MAX_RENDERED - 1] + "…"
    return text
