"""The domain stays headless: engine and content never import Textual; --help stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "rehearse"
HEADLESS = ["engine", "content", "reading", "records"]
# Each layer imports only from the layers below it: moves < content < reading < engine.
BELOW = {
    "content": (
        "rehearse.moves",
        "rehearse.errors",
        "rehearse.content",
        "rehearse.locations",
        "rehearse.version",
    ),
    "reading": ("rehearse.moves", "rehearse.errors", "rehearse.content", "rehearse.reading"),
}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", HEADLESS)
def test_headless_packages_never_import_textual_or_ui(package: str) -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in sorted((PACKAGE / package).rglob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] == "textual" or name.startswith("rehearse.ui")
    ]
    assert offenders == []


@pytest.mark.parametrize("package", sorted(BELOW))
def test_lower_layers_import_nothing_from_the_layers_above(package: str) -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in sorted((PACKAGE / package).rglob("*.py"))
        for name in _imports(path)
        if name.startswith("rehearse") and not name.startswith(BELOW[package])
    ]
    assert offenders == []


def test_no_side_of_any_scenario_is_named_in_the_reader() -> None:
    names = ("washington", "pyongyang", "america", "seoul", "beijing", "korea", "dprk", "congress", "kim ")
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in sorted((PACKAGE / "reading").rglob("*.py"))
        for name in names
        if name in path.read_text(encoding="utf-8").lower()
    ]
    assert offenders == []


def test_importing_the_domain_loads_no_textual_module() -> None:
    code = (
        "import sys, rehearse, rehearse.engine.negotiation, rehearse.content.loader, rehearse.chat;"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_help_does_not_import_textual() -> None:
    code = (
        "import sys; from rehearse.cli import cli\n"
        "try:\n    cli.main(['--help'], prog_name='rehearse')\nexcept SystemExit:\n    pass\n"
        "print('TEXTUAL' if any(m.startswith('textual') for m in sys.modules) else 'CLEAN')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Usage: rehearse" in out.stdout
    assert out.stdout.strip().endswith("CLEAN")
