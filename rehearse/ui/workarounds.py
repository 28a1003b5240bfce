"""Guards against known bugs in the libraries the TUI stands on (each with its upstream report).

Textual 8.2 (``OptionList._move_page``): PageUp or PageDown reaching an option list before its
lines are laid out raises ``KeyError: 0`` from ``self._index_to_line[self.highlighted or 0]``.
Sending Enter, Ctrl+P and PageUp in one burst (``tmux send-keys Enter C-p PPage``) opens the
command palette and pages it in the same frame, and the app dies. Upstream-ready report:
"OptionList.action_page_up/page_down raise KeyError when called before the first render
(``_index_to_line`` is empty); ``_move_page`` should return early, or build the lines first."
"""

from __future__ import annotations

from typing import Any

from textual.widgets import OptionList

_original_move_page = OptionList._move_page


def _guarded_move_page(self: OptionList, direction: Any) -> None:
    """Page the list only once its lines are laid out (otherwise there is nothing to page)."""
    lines = getattr(self, "_index_to_line", None)
    if not lines or (self.highlighted or 0) not in lines:
        return
    _original_move_page(self, direction)


def install() -> None:
    """Install the guards (idempotent)."""
    OptionList._move_page = _guarded_move_page  # type: ignore[method-assign]
