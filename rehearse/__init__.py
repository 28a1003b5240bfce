"""rehearse: rehearse a hard negotiation against computer-played delegations.

The public API (``load_persona``, ``Negotiation``, ``Turn``, ``Move``, ``RehearseError``) is
imported on first use, so the command line and the terminal UI start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rehearse.errors import RehearseError
from rehearse.version import VERSION as __version__

if TYPE_CHECKING:
    from rehearse.content.registry import load_persona
    from rehearse.engine.moves import Move
    from rehearse.engine.negotiation import Negotiation, Turn

__all__ = ["Move", "Negotiation", "RehearseError", "Turn", "__version__", "load_persona"]

_LAZY = {
    "load_persona": "rehearse.content.registry",
    "Move": "rehearse.engine.moves",
    "Negotiation": "rehearse.engine.negotiation",
    "Turn": "rehearse.engine.negotiation",
}


def __getattr__(name: str) -> Any:
    """Import the public API on first use."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rehearse' has no attribute '{name}'")
