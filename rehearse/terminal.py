"""Text about to be printed to a terminal: control characters shown, never obeyed."""

from __future__ import annotations


def printable(text: str) -> str:
    """Return ``text`` with control characters (escape sequences included) shown as hex escapes."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else f"\\x{ord(ch):02x}" for ch in text)
