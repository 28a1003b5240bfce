"""Table files (docs/tables.md): several delegations at once, each a persona, with their links.

A table names its parties (each a persona playbook), the chair, the briefing, the links between
parties (a move to one party draws a reaction from another and moves its meters) and what it
needs to close (each party's minimum of agreed exchanges). Loading checks every key and reports
each problem as ``file:line: message``, with suggestions, like a playbook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rehearse.content.checker import Checker, suggest
from rehearse.content.playbook import Playbook
from rehearse.content.registry import load_persona
from rehearse.content.yamlsource import LineDict, LineList, has_top_level_key, read_yaml_file
from rehearse.errors import ContentError, RehearseError, UnknownPersonaError
from rehearse.moves import MOVE_KINDS

TOP_REQUIRED = ("table", "title", "parties", "chair")
TOP_OPTIONAL = ("briefing", "user_role", "links")
PARTY_KEYS = ("persona", "name", "aliases", "minimum")
LINK_KEYS = ("from", "kinds", "items", "to", "effects", "say")
PARTY_ID = re.compile(r"^[a-z][a-z0-9_-]{0,30}$")
MAX_REACTIONS = 2
"""Reactions a table turn shows at most, so the table stays readable."""


@dataclass(frozen=True)
class Party:
    """One delegation at the table."""

    id: str
    persona: Playbook
    name: str
    aliases: tuple[str, ...]
    minimum: int


@dataclass(frozen=True)
class Link:
    """A move to ``source`` (of these kinds, naming these items) draws a reaction from ``target``."""

    source: str
    target: str
    kinds: frozenset[str]
    items: frozenset[str]
    effects: tuple[tuple[str, int], ...]
    say: str
    line: int

    def fires(self, party: str, kind: str, items: frozenset[str]) -> bool:
        """Return whether a move of ``kind`` naming ``items``, addressed to ``party``, draws this reaction."""
        if self.source not in ("*", party) or self.target == party:
            return False
        if self.kinds and kind not in self.kinds:
            return False
        return not self.items or bool(self.items & items)


@dataclass(frozen=True)
class TableSpec:
    """A validated table."""

    id: str
    title: str
    briefing: str
    user_role: str
    parties: dict[str, Party]
    chair: str
    links: tuple[Link, ...]
    path: Path


def tables_dir() -> Path:
    """Return the folder of the shipped tables."""
    from rehearse.locations import personas_dir

    return personas_dir() / "tables"


def resolve_table(name: str) -> Path | None:
    """Return the table file for a table id or path, or None when ``name`` is not a table."""
    candidate = Path(name).expanduser()
    if candidate.suffix in (".yaml", ".yml") and candidate.is_file():
        return candidate if looks_like_table(candidate) else None
    direct = tables_dir() / f"{name}.yaml"
    return direct if direct.is_file() else None


def looks_like_table(path: Path) -> bool:
    """Return whether a YAML file looks like a table (it has a top-level ``table:`` key)."""
    return has_top_level_key(path, "table")


def load_table(path: Path) -> TableSpec:
    """Load and validate a table file; raise ContentError listing every problem."""
    data, _ = read_yaml_file(path)
    check = Checker(str(path))
    top = check.mapping(data, "table", 1, TOP_REQUIRED, TOP_OPTIONAL)
    if top is None:
        raise ContentError(check.problems)
    parties = _parties(check, top, path)
    chair = top.get("chair")
    if isinstance(chair, str) and parties and chair not in parties:
        check.add(top.line_of("chair"), f"unknown chair '{chair}'{suggest(chair, parties)}")
    links = _links(check, top, parties)
    if check.problems:
        raise ContentError(check.problems)
    return TableSpec(
        id=check.text(top, "table", "table"),
        title=check.text(top, "title", "table"),
        briefing=check.text(top, "briefing", "table", default=""),
        user_role=check.text(top, "user_role", "table", default="You lead the United States delegation."),
        parties=parties,
        chair=str(chair),
        links=tuple(links),
        path=path,
    )


def _parties(check: Checker, top: LineDict, path: Path) -> dict[str, Party]:
    raw = check.mapping(top.get("parties"), "parties", top.line_of("parties"), open_keys=True)
    parties: dict[str, Party] = {}
    if raw is None:
        return parties
    for party_id in raw:
        line = raw.line_of(party_id)
        where = f"party '{party_id}'"
        if not PARTY_ID.match(str(party_id)):
            check.add(line, f"{where}: an id is lower-case letters, digits, '-' or '_'")
            continue
        body = check.mapping(raw[party_id], where, line, ("persona",), PARTY_KEYS[1:])
        if body is None:
            continue
        persona = _persona(check, body, where, path)
        aliases = tuple(a.lower() for a, _ in check.strings(body.get("aliases", LineList()), where, line))
        minimum = check.integer(body, "minimum", where, 0, 20, 0)
        if persona is not None:
            name = check.text(body, "name", where, default=persona.name)
            parties[str(party_id)] = Party(str(party_id), persona, name, aliases, minimum)
    if len(parties) < 2 and not check.problems:
        check.add(top.line_of("parties"), "a table needs at least two parties")
    return parties


def _persona(check: Checker, body: LineDict, where: str, path: Path) -> Playbook | None:
    name = body.get("persona")
    if not isinstance(name, str) or not name.strip():
        check.add(body.line_of("persona"), f"{where}: 'persona' must be a persona id or a playbook path")
        return None
    candidate = path.parent / name if name.endswith((".yaml", ".yml")) else None
    try:
        return load_persona(str(candidate) if candidate and candidate.exists() else name)
    except UnknownPersonaError as exc:
        check.add(body.line_of("persona"), f"{where}: {exc}")
    except ContentError as exc:
        check.add(body.line_of("persona"), f"{where}: persona '{name}' has problems: {exc}")
    except RehearseError as exc:
        check.add(body.line_of("persona"), f"{where}: {exc}")
    return None


def _links(check: Checker, top: LineDict, parties: dict[str, Party]) -> list[Link]:
    raw = top.get("links", LineList())
    if not isinstance(raw, LineList):
        check.add(top.line_of("links"), "'links' must be a list")
        return []
    links = []
    for index, (spec, line) in enumerate(zip(raw, raw.item_lines, strict=True), start=1):
        where = f"link {index}"
        body = check.mapping(spec, where, line, ("from", "to", "say"), ("kinds", "items", "effects"))
        if body is None:
            continue
        ends = {}
        for key in ("from", "to"):
            value = body.get(key)
            allowed = {**parties, "*": None} if key == "from" else parties
            if not isinstance(value, str) or value not in allowed:
                check.add(
                    body.line_of(key), f"{where}: unknown party '{value}'{suggest(str(value), parties)}"
                )
            ends[key] = str(value)
        kinds = frozenset(k for k, _ in check.strings(body.get("kinds", LineList()), where, line))
        for kind in sorted(kinds - set(MOVE_KINDS)):
            check.add(
                body.line_of("kinds"), f"{where}: unknown move kind '{kind}'{suggest(kind, MOVE_KINDS)}"
            )
        items = frozenset(i for i, _ in check.strings(body.get("items", LineList()), where, line))
        source = parties.get(ends["from"])
        if source is not None:
            for item in sorted(items - set(source.persona.items)):
                check.add(
                    body.line_of("items"),
                    f"{where}: '{item}' is not an item of {ends['from']}{suggest(item, source.persona.items)}",
                )
        effects = _effects(check, body, where, parties.get(ends["to"]))
        say = check.text(body, "say", where)
        links.append(Link(ends["from"], ends["to"], kinds, items, effects, say, line))
    return links


def _effects(check: Checker, body: LineDict, where: str, target: Party | None) -> tuple[tuple[str, int], ...]:
    raw = body.get("effects")
    if raw is None:
        return ()
    data = check.mapping(raw, f"{where}: effects", body.line_of("effects"), open_keys=True)
    if data is None or target is None:
        return ()
    out = []
    for meter in data:
        if meter not in target.persona.meters:
            check.add(
                data.line_of(meter),
                f"{where}: unknown meter '{meter}'{suggest(str(meter), target.persona.meters)}",
            )
            continue
        out.append((str(meter), check.integer(data, meter, f"{where}: effects", -50, 50, 0)))
    return tuple(out)
