"""rehearse: rehearse a hard negotiation against computer-played delegations."""

from __future__ import annotations

from rehearse.content.registry import load_persona
from rehearse.engine.moves import Move
from rehearse.engine.negotiation import Negotiation, Turn
from rehearse.errors import RehearseError
from rehearse.version import VERSION as __version__

__all__ = ["Move", "Negotiation", "RehearseError", "Turn", "__version__", "load_persona"]
