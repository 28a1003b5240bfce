"""Safe YAML loading that keeps line numbers, rejects duplicate keys and avoids YAML 1.1 traps.

Only the safe loaders are used (libyaml's ``CParser`` when present, else the pure parser), with
a YAML 1.2-style resolver: ``yes``/``no``/``on``/``off`` stay strings, ``1:30`` stays a string and
``012`` is twelve, not ten.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode
from yaml.resolver import BaseResolver

from rehearse.errors import ContentError, Problem

try:
    from yaml._yaml import CParser as _Parser

    _FAST = True
except ImportError:  # pragma: no cover - libyaml is present on our machines
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        """Pure-Python parser used when libyaml is missing."""

        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

    _FAST = False


class LineDict(dict[str, Any]):
    """A mapping read from YAML that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines = {}

    def line_of(self, key: str) -> int:
        """Return the line of ``key``, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A sequence read from YAML that remembers the line of itself and of each entry."""

    line: int = 0
    item_lines: list[int]

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.item_lines = []


class _Resolver(BaseResolver):
    """Implicit typing close to YAML 1.2's core schema."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


class _Loader(_Parser, _Resolver):
    """Parses and composes YAML safely (no Python tags: only nodes are built)."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Resolver.__init__(self)


_TAG = "tag:yaml.org,2002:"
MAX_INT_DIGITS = 18
"""The longest whole number a playbook or drill may hold (a 64-bit seed has 19 digits at most)."""
MAX_YAML_BYTES = 16 * 1024 * 1024
"""The largest playbook or drill file read (the shipped playbooks are about 100 KB)."""


def _scalar(node: ScalarNode) -> Any:
    """Convert a resolved scalar (YAML 1.2-style core types; anything else stays text)."""
    tag, value = node.tag, node.value
    if tag == _TAG + "str":
        return value
    if tag == _TAG + "int":
        digits = value.replace("_", "").lstrip("+-")
        if len(digits) > MAX_INT_DIGITS:
            raise ConstructorError(
                None,
                None,
                f"number too large: {len(digits)} digits (at most {MAX_INT_DIGITS})",
                node.start_mark,
            )
        return int(value.replace("_", ""), 10)
    if tag == _TAG + "float":
        return float(value.replace("_", ""))
    if tag == _TAG + "bool":
        return value.lower() == "true"
    if tag == _TAG + "null":
        return None
    raise ConstructorError(
        None, None, f"the tag '{tag}' is not supported: write plain values", node.start_mark
    )


def _build(node: Node, built: dict[int, Any] | None = None) -> Any:
    """Build plain data from a composed node tree, keeping lines and refusing duplicate keys.

    Walking the nodes directly is about twice as fast as PyYAML's generic constructor. A node
    reached twice through an alias is built once and shared (so alias bombs stay small).
    """
    if built is None:
        built = {}
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if id(node) in built:
        return built[id(node)]
    if node.tag not in (_TAG + "map", _TAG + "seq"):
        raise ConstructorError(
            None, None, f"the tag '{node.tag}' is not supported: write plain values", node.start_mark
        )
    if isinstance(node, MappingNode):
        data = LineDict()
        built[id(node)] = data
        data.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise ConstructorError(None, None, "merge keys ('<<') are not supported", key_node.start_mark)
            key = _build(key_node, built)
            key = key if isinstance(key, str) else str(key).lower() if isinstance(key, bool) else str(key)
            if key in data:
                raise ConstructorError(
                    None,
                    None,
                    f"duplicate key '{key}' (first at line {data.key_lines[key]})",
                    key_node.start_mark,
                )
            data.key_lines[key] = key_node.start_mark.line + 1
            data[key] = _build(value_node, built)
        return data
    items = LineList()
    built[id(node)] = items
    items.extend(_build(child, built) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


def parse_yaml(text: str, source: str) -> Any:
    """Parse YAML text; raise ContentError with ``source:line`` for syntax or duplicate keys."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return _build(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or exc.context or "invalid YAML"
        if not problem.startswith(("duplicate key", "number too large")):
            problem = f"YAML syntax: {problem}"
        raise ContentError([Problem(source, line, problem)]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(source, 1, f"YAML syntax: {exc}")]) from None
    except RecursionError:
        raise ContentError([Problem(source, 1, "YAML nested too deeply")]) from None
    finally:
        loader.dispose()


def read_yaml_file(path: Path) -> tuple[Any, str]:
    """Read and parse a YAML file (a regular file of at most MAX_YAML_BYTES); return data and raw text."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ContentError([Problem(str(path), 1, "not a regular file, so it is not read")])
        if info.st_size > MAX_YAML_BYTES:
            raise ContentError(
                [Problem(str(path), 1, f"too large: a file is read up to {MAX_YAML_BYTES:,} bytes")]
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError([Problem(str(path), 1, "file not found")]) from None
    except UnicodeDecodeError:
        raise ContentError([Problem(str(path), 1, "not a UTF-8 text file")]) from None
    except OSError as exc:
        raise ContentError([Problem(str(path), 1, f"cannot read: {exc.strerror}")]) from None
    return parse_yaml(text, str(path)), text


def line_of(data: Any, default: int = 1) -> int:
    """Return the line a parsed YAML value started on, if known."""
    return int(getattr(data, "line", default) or default)


def has_top_level_key(path: Path, key: str) -> bool:
    """Return whether a YAML file has ``key:`` at the start of a line (a drill, a table)."""
    try:
        with path.open(encoding="utf-8") as handle:
            return any(line.startswith(f"{key}:") for line in handle)
    except (OSError, UnicodeDecodeError):
        return False
