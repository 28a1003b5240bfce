"""Conditions written in playbooks, compiled to plain functions without ``eval``.

A condition is a small expression over named values: numbers, 'strings', comparisons
(``== != < <= > >=``), membership (``in``, ``not in``), ``and``, ``or``, ``not``, ``+``, ``-``
and parentheses. Names may be dotted (``move.kind``, ``offer.ratio``). The text is parsed with
Python's ``ast`` module and only the node types above are accepted; each node becomes a closure.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

Context = Mapping[str, Any]
Evaluator = Callable[[Context], Any]

_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}
_BINARY: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
}


class ConditionSyntaxError(ValueError):
    """A condition's text is not a valid expression in the condition language."""


SET_NAMES = frozenset({"move.gives", "move.asks", "topics"})
TEXT_NAMES = frozenset({"state", "move.kind", "offer.verdict", "topic", "table.by"})
BOOL_NAMES = frozenset(
    {"move.red_line", "offer.gross", "offer.premature", "proposal.ready", "table.open", "table.closing",
     "move.closes", "move.amends", "true", "false"}
)  # fmt: skip
MAX_NUMBER = 10**9
"""The largest number a condition may hold."""


def value_type(node: ast.expr) -> str:
    """Return what a condition's sub-expression is: number, text, set, truth or list (of a kind)."""
    name = _dotted(node)
    if name is not None:
        return (
            "set"
            if name in SET_NAMES
            else "text"
            if name in TEXT_NAMES
            else ("truth" if name in BOOL_NAMES else "number")
        )
    if isinstance(node, ast.Constant):
        return (
            "truth" if isinstance(node.value, bool) else "text" if isinstance(node.value, str) else "number"
        )
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        kinds = {value_type(e) for e in node.elts}
        if len(kinds) > 1:
            raise ConditionSyntaxError(f"'{ast.unparse(node)}' mixes {' and '.join(sorted(kinds))}")
        return f"list of {kinds.pop()}" if kinds else "list of text"
    if isinstance(node, ast.BinOp):
        for side in (node.left, node.right):
            if value_type(side) != "number":
                raise ConditionSyntaxError(f"'{ast.unparse(node)}': '+' and '-' work on numbers only")
        return "number"
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        if value_type(node.operand) != "number":
            raise ConditionSyntaxError(f"'{ast.unparse(node)}': '-' works on numbers only")
        return "number"
    return "truth"


def _check_comparison(op: ast.cmpop, left: ast.expr, right: ast.expr) -> None:
    """Raise ConditionSyntaxError when a comparison can never mean what it says (wrong types)."""
    a, b = value_type(left), value_type(right)
    shown = f"'{ast.unparse(left)} ... {ast.unparse(right)}'"
    if isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)):
        if a != "number" or b != "number":
            raise ConditionSyntaxError(f"{shown}: '<', '<=', '>', '>=' compare numbers, not {a} and {b}")
    elif isinstance(op, (ast.In, ast.NotIn)):
        holds = {"set": "text", "text": "text"}.get(b) or (
            b[len("list of ") :] if b.startswith("list of") else None
        )
        if holds is None:
            raise ConditionSyntaxError(f"{shown}: 'in' needs a set, a list or text on its right, not {b}")
        if a != holds:
            raise ConditionSyntaxError(f"{shown}: 'in' looks for {holds} there, not {a}")
    elif {a, b} != {a} and not ({a, b} <= {"set", "list of text"}):
        raise ConditionSyntaxError(f"{shown}: compares {a} with {b}, which is never equal")


@dataclass(frozen=True)
class Condition:
    """A compiled condition: its source text, the names it reads and the function that tests it."""

    text: str
    names: frozenset[str]
    strings: tuple[tuple[str, str], ...]
    evaluate: Evaluator

    def __call__(self, context: Context) -> bool:
        """Return whether the condition holds in ``context``."""
        return bool(self.evaluate(context))


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


class _Compiler:
    """Turns an expression tree into closures, collecting the names and strings it uses."""

    def __init__(self, known: Collection[str]) -> None:
        self.known = known
        self.names: set[str] = set()
        self.strings: list[tuple[str, str]] = []

    def compile(self, node: ast.expr) -> Evaluator:
        name = _dotted(node)
        if name is not None:
            if name in ("true", "false"):
                truth = name == "true"
                return lambda ctx: truth
            if name not in self.known:
                raise ConditionSyntaxError(f"unknown name '{name}'")
            self.names.add(name)
            return lambda ctx: ctx[name]
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str, bool)):
            value = node.value
            if (
                isinstance(value, (int, float))
                and not isinstance(value, bool)
                and not abs(value) <= MAX_NUMBER
            ):
                raise ConditionSyntaxError(f"the number {str(value)[:20]} is too large for a condition")
            return lambda ctx: value
        if isinstance(node, ast.BoolOp):
            parts = [self.compile(v) for v in node.values]
            if isinstance(node.op, ast.And):
                return lambda ctx: all(p(ctx) for p in parts)
            return lambda ctx: any(p(ctx) for p in parts)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
            inner = self.compile(node.operand)
            if isinstance(node.op, ast.Not):
                return lambda ctx: not inner(ctx)
            return lambda ctx: -inner(ctx)
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            fn = _BINARY[type(node.op)]
            left, right = self.compile(node.left), self.compile(node.right)
            return lambda ctx: fn(left(ctx), right(ctx))
        if isinstance(node, ast.Compare):
            return self._compare(node)
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            items = [self.compile(e) for e in node.elts]
            return lambda ctx: frozenset(i(ctx) for i in items)
        raise ConditionSyntaxError(f"'{ast.unparse(node)}' is not allowed in a condition")

    def _compare(self, node: ast.Compare) -> Evaluator:
        operands = [node.left, *node.comparators]
        for op, left, right in zip(node.ops, operands, operands[1:], strict=False):
            if type(op) not in _COMPARE:
                raise ConditionSyntaxError(f"comparison '{type(op).__name__}' is not allowed")
            for a, b in ((left, right), (right, left)):
                name = _dotted(b)
                if isinstance(a, ast.Constant) and isinstance(a.value, str) and name:
                    self.strings.append((name, a.value))
                if isinstance(a, (ast.List, ast.Tuple, ast.Set)) and name:
                    for elt in a.elts:
                        if isinstance(elt, ast.Constant) and isinstance(elt.value, str):
                            self.strings.append((name, elt.value))
        parts = [self.compile(o) for o in operands]  # unknown names are reported first
        for op, left, right in zip(node.ops, operands, operands[1:], strict=False):
            _check_comparison(op, left, right)
        fns = [_COMPARE[type(op)] for op in node.ops]

        def compare(ctx: Context) -> bool:
            left = parts[0](ctx)
            for fn, part in zip(fns, parts[1:], strict=True):
                right = part(ctx)
                if not fn(left, right):
                    return False
                left = right
            return True

        return compare


def compile_condition(text: str, known_names: Collection[str]) -> Condition:
    """Compile ``text``; raise ConditionSyntaxError when it is malformed or names an unknown value."""
    if len(text) > 500:
        raise ConditionSyntaxError("condition is longer than 500 characters")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise ConditionSyntaxError(f"cannot read condition '{text}': {exc.msg}") from None
    except (ValueError, RecursionError, MemoryError):
        raise ConditionSyntaxError(
            f"cannot read condition '{text[:60]}': too large or nested too deeply"
        ) from None
    compiler = _Compiler(known_names)
    evaluate = compiler.compile(tree.body)
    value_type(tree.body)
    return Condition(text, frozenset(compiler.names), tuple(compiler.strings), evaluate)
