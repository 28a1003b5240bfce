"""The typed form of a persona playbook, as the engine uses it once loading has validated it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from rehearse.content.conditions import Condition
from rehearse.content.vocabulary import TEMPLATE_NAMES

if TYPE_CHECKING:
    import jinja2

Side = Literal["persona", "user"]
_TEMPLATE_KEYS = frozenset(TEMPLATE_NAMES)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

ACTIONS: dict[str, str] = {
    "agree_offer": "the user's offer enters the ledger as agreed",
    "counter": "the persona puts its counter-proposal on the table",
    "take_concession": "the user's concession enters the ledger; the persona proposes a next step",
    "propose": "the persona puts the exchange it would want on the table",
    "agree_table": "what is on the table enters the ledger",
    "drop_table": "what is on the table is withdrawn",
}


@dataclass(frozen=True)
class Item:
    """One negotiable measure: who gives it, what it is worth to the persona, the words naming it."""

    id: str
    label: str
    side: Side
    value: int
    phase: int
    phrases: tuple[str, ...]
    red_line: bool = False
    refrain: bool = False
    instead_of: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sides:
    """How each side is named in talk: the user's side and the persona's (names, capitals, leaders)."""

    user: tuple[str, ...] = ()
    persona: tuple[str, ...] = ()


@dataclass(frozen=True)
class State:
    """One stage of the persona's machine, with the outcome it stands for."""

    name: str
    outcome: str
    mood: str
    description: str


@dataclass(frozen=True)
class Rule:
    """One transition (or after-turn check) of the machine, with its effects and reply."""

    trigger: str
    sources: tuple[str, ...]
    dest: str | None
    condition: Condition | None
    effects: tuple[tuple[str, int], ...]
    action: str | None
    reply: str | None
    reason: str
    line: int


@dataclass(frozen=True)
class Strategy:
    """The persona's time-dependent concession curve (Faratin et al.) and its balance thresholds."""

    opening_ratio: float = 1.3
    reservation_ratio: float = 0.9
    beta: float = 0.5
    horizon: int = 12
    gross_ratio: float = 0.35

    def aspiration(self, turn: int) -> float:
        """Return the gain/cost ratio the persona wants from an exchange at ``turn``."""
        progress = min(max(turn, 0), self.horizon) / self.horizon
        alpha: float = progress ** (1 / self.beta)
        return self.opening_ratio - (self.opening_ratio - self.reservation_ratio) * alpha


@dataclass(eq=False)
class Variant:
    """One reply variant: its template source, where it was written, compiled on first use."""

    source: str
    line: int
    _compiled: jinja2.Template | None = field(default=None, repr=False)
    _names: tuple[str, ...] | None = field(default=None, repr=False)
    rendered: dict[tuple[Any, ...], str] = field(default_factory=dict, repr=False)
    """Replies already rendered, by the template values they used (rendering is deterministic)."""

    @property
    def names(self) -> tuple[str, ...]:
        """Return the template variables the source may use, sorted (a cheap superset, found once)."""
        if self._names is None:
            self._names = tuple(sorted(set(_WORD.findall(self.source)) & _TEMPLATE_KEYS))
        return self._names

    @property
    def template(self) -> jinja2.Template:
        """Return the compiled template (compiling costs about a millisecond, so it is done once)."""
        if self._compiled is None:
            from rehearse.content.templates import compile_template

            self._compiled = compile_template(self.source)
        return self._compiled


@dataclass(eq=False)
class Playbook:
    """A validated persona: briefing, items, meters, machine, replies and strategy."""

    id: str
    name: str
    title: str
    difficulty: str
    delegation: str
    leader: str
    user_role: str
    briefing: str
    items: dict[str, Item]
    meters: dict[str, int]
    states: dict[str, State]
    initial: str
    rules: tuple[Rule, ...]
    checks: tuple[Rule, ...]
    replies: dict[str, tuple[Variant, ...]]
    topics: dict[str, tuple[str, ...]]
    sides: Sides
    strategy: Strategy
    path: Path
    sha256: str
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    """Objects built once per playbook by the layers above (the reader, the machine)."""

    def label(self, item_id: str) -> str:
        """Return the display label of an item."""
        return self.items[item_id].label
