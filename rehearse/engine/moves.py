"""Moves as the engine sees them: re-exported from ``rehearse.moves`` (the package's leaf module)."""

from rehearse.moves import MOVE_KINDS, OUTCOMES, Move, MoveKind

__all__ = ["MOVE_KINDS", "OUTCOMES", "Move", "MoveKind"]
