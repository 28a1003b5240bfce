"""The classroom: trainee names made safe as folder names, one folder per trainee under a root."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from rehearse.errors import RehearseError

MAX_NAME = 40
"""Characters of a trainee's name kept in the folder name."""


def trainee_slug(name: str) -> str:
    """Return a safe folder name for a trainee: 'Ana María O\u2019Neil' becomes 'ana-maria-o-neil'.

    Letters and digits are kept (accents dropped), everything else becomes one '-'. The result never
    holds a path separator, a dot-only name or a control character; an empty result is refused.
    """
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:MAX_NAME].strip("-")
    if not slug:
        raise RehearseError("type your name with at least one letter or digit")
    return slug


def trainee_folder(root: Path, name: str) -> Path:
    """Return the folder ``root/<slug>`` for a trainee's dialogues (never outside ``root``)."""
    folder = (root / trainee_slug(name)).resolve()
    if folder.parent != root.resolve():
        raise RehearseError(f"'{name}' cannot be used as a name")  # pragma: no cover - the slug rules it out
    return folder
