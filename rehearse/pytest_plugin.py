"""pytest plugin (installed with rehearse): drill files become test items.

``pytest dialogues/drills`` collects every YAML file with a top-level ``drill:`` key and runs it as
one test; a failure shows the same report as ``rehearse drill``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rehearse.content.drills import is_drill_file


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    """Collect drill files."""
    if file_path.suffix in (".yaml", ".yml") and is_drill_file(file_path):
        collected: pytest.Collector = DrillFile.from_parent(parent, path=file_path)
        return collected
    return None


class DrillFile(pytest.File):
    """A drill file: one test item."""

    def collect(self) -> Iterator[pytest.Item]:
        """Yield the drill as a single item."""
        yield DrillItem.from_parent(self, name=self.path.stem)


class DrillFailed(Exception):
    """A drill did not pass; the message is the drill report."""


class DrillItem(pytest.Item):
    """Runs one drill."""

    def runtest(self) -> None:
        """Load and run the drill; fail with its report."""
        from rehearse.content.templates import count_of
        from rehearse.engine.drill_batch import run_file

        summary, problems = run_file(self.path)
        if problems:
            raise DrillFailed("invalid drill:\n" + "\n".join(str(p) for p in problems))
        assert summary is not None
        if not summary.passed:
            raise DrillFailed(
                f"FAIL {summary.id} ({count_of(summary.turns, 'turn')})\n" + "\n".join(summary.report)
            )

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """Show the drill report rather than a traceback."""
        if isinstance(excinfo.value, DrillFailed):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        """Name the drill in reports."""
        return self.path, 0, f"drill: {self.name}"
