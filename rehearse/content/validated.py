"""Remembering which playbook contents this version of rehearse has already checked in full.

A marker file per (content sha256, rehearse version) in the cache folder lets a second load of
the same bytes skip re-parsing its templates. Any change to the file changes its hash.
"""

from __future__ import annotations

import os
from pathlib import Path

from rehearse.version import VERSION


def cache_dir() -> Path:
    """Return the cache folder (``REHEARSE_CACHE_DIR``, else inside the data folder override, else the platform's)."""
    override = os.environ.get("REHEARSE_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    data = os.environ.get("REHEARSE_DATA_DIR")
    if data:
        return Path(data).expanduser() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("rehearse", appauthor=False))


def _marker(sha256: str) -> Path:
    return cache_dir() / "validated" / f"{sha256}-{VERSION}"


def is_validated(sha256: str) -> bool:
    """Return whether content with this hash was fully checked by this version before."""
    return _marker(sha256).exists()


def mark_validated(sha256: str) -> None:
    """Record that content with this hash passed every check (best effort: a read-only cache is fine)."""
    marker = _marker(sha256)
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        return
