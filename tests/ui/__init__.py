"""Tests of the Textual UI (a package, so its module names never clash with tests/)."""
