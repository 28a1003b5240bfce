"""What a screen shows about a session at one point.

Built from a live negotiation or from the records of a saved dialogue, so live play and replay
share the same panels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rehearse.content.playbook import Playbook
from rehearse.engine.ledger import Exchange
from rehearse.engine.negotiation import Negotiation


@dataclass(frozen=True)
class Reading:
    """How one message was read: kind, items offered and asked, reasons for the meter changes."""

    say: str
    kind: str
    gives: tuple[str, ...]
    asks: tuple[str, ...]
    reasons: tuple[str, ...]
    confidence: float = 1.0
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class SessionView:
    """The session after some turn: stage, meters with their history, table, roadmap, last reading."""

    persona: Playbook
    state: str
    meters: dict[str, list[int]]
    table: Exchange | None
    ledger: tuple[Exchange, ...]
    last: Reading | None
    turn: int = 0
    notes: tuple[str, ...] = field(default=())

    @property
    def mood(self) -> str:
        """Return the mood word of the state (or the state name for a state the playbook lost)."""
        state = self.persona.states.get(self.state)
        return state.mood if state else self.state

    @property
    def description(self) -> str:
        """Return what the stage means."""
        state = self.persona.states.get(self.state)
        return state.description if state else ""

    def label(self, item: str) -> str:
        """Return an item's label, or its id when the playbook no longer has it."""
        found = self.persona.items.get(item)
        return found.label if found else item


def live_view(neg: Negotiation) -> SessionView:
    """Return the view of a live negotiation now."""
    persona = neg.persona
    turns = neg.turns
    meters = {name: [value] + [t.meters[name] for t in turns] for name, value in persona.meters.items()}
    last = None
    if turns:
        t = turns[-1]
        last = Reading(
            t.say,
            t.move.kind,
            tuple(sorted(t.move.gives)),
            tuple(sorted(t.move.asks)),
            tuple(str(r) for r in t.reasons),
            t.confidence,
            t.evidence,
        )
    return SessionView(persona, neg.state, meters, neg.table, tuple(neg.agreements), last, len(turns))


def record_view(persona: Playbook, records: list[dict[str, Any]], upto: int) -> SessionView:
    """Return the view after the first ``upto`` saved turn records (0 = before the first turn)."""
    shown = records[:upto]
    meters = {name: [value] for name, value in persona.meters.items()}
    for record in shown:
        saved = record.get("meters", {})
        for name in meters:
            meters[name].append(int(saved.get(name, meters[name][-1])))
    if not shown:
        return SessionView(persona, persona.initial, meters, None, (), None, 0)
    record = shown[-1]
    move = record.get("move", {})
    table = record.get("table")
    last = Reading(
        str(record.get("say", "")),
        str(move.get("kind", "other")),
        tuple(move.get("gives", [])),
        tuple(move.get("asks", [])),
        tuple(record.get("reasons", [])),
        _confidence(record.get("confidence")),
        tuple(str(e) for e in record.get("evidence", []) if isinstance(e, str))
        if isinstance(record.get("evidence"), list)
        else (),
    )
    return SessionView(
        persona,
        str(record.get("state", persona.initial)),
        meters,
        Exchange.from_dict(table) if isinstance(table, dict) else None,
        tuple(Exchange.from_dict(e) for e in record.get("ledger", []) if isinstance(e, dict)),
        last,
        upto,
    )


def _confidence(value: Any) -> float:
    """Return a saved confidence, or 1.0 when the record has none (older files) or a bad one."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1:
        return float(value)
    return 1.0
