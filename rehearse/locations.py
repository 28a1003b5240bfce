"""Where rehearse finds its bundled content and keeps user data (all paths in one place)."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """Return a content folder shipped in the wheel, or the repository's copy in a checkout."""
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def personas_dir() -> Path:
    """Return the folder holding the bundled persona playbooks."""
    return _bundled("personas")


def dialogues_dir() -> Path:
    """Return the folder holding the bundled drills and sample dialogues."""
    return _bundled("dialogues")


def user_data_dir() -> Path:
    """Return the user's data folder (``REHEARSE_DATA_DIR`` overrides the platform default)."""
    override = os.environ.get("REHEARSE_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("rehearse", appauthor=False))


def sessions_dir() -> Path:
    """Return the folder where sessions are saved unless ``--save-dir`` says otherwise."""
    return user_data_dir() / "sessions"


def history_file() -> Path:
    """Return the file that keeps one line per finished session or live drill (``rehearse progress``)."""
    return user_data_dir() / "history.jsonl"
