"""Moves as the engine sees them: re-exported from ``rehearse.moves``, and checked against a persona."""

from __future__ import annotations

from collections.abc import Iterable

from rehearse.content.playbook import Playbook
from rehearse.errors import RehearseError
from rehearse.moves import MOVE_KINDS, OUTCOMES, Move, MoveKind

__all__ = ["MOVE_KINDS", "OUTCOMES", "Move", "MoveKind", "checked_move"]


def checked_move(
    persona: Playbook, kind: str, gives: Iterable[str] | str = (), asks: Iterable[str] | str = ()
) -> Move:
    """Return the move these names make against ``persona``, or raise RehearseError naming what is wrong."""
    if kind not in MOVE_KINDS:
        raise RehearseError(f"unknown move kind '{kind}'; choose one of {', '.join(MOVE_KINDS)}")
    sides = {"gives": ("user", gives), "asks": ("persona", asks)}
    chosen: dict[str, frozenset[str]] = {}
    for name, (side, ids) in sides.items():
        wanted = frozenset([ids] if isinstance(ids, str) else ids)
        for item in sorted(wanted):
            if item not in persona.items:
                raise RehearseError(f"unknown item '{item}' for persona '{persona.id}'")
            if persona.items[item].side != side:
                owner = "your side" if side == "persona" else "the delegation"
                raise RehearseError(f"'{item}' is given by {owner}, so it cannot be in {name}")
        chosen[name] = wanted
    return Move(kind, chosen["gives"], chosen["asks"])
