"""Saved dialogues: writing sessions as JSON Lines and reading them back (headless)."""
