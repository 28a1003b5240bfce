"""The package version, kept apart so low-level modules can read it without import cycles."""

VERSION = "0.1.0"
