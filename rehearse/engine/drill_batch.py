"""Running many drill files.

Load them (collecting problems), run them in one or more processes, and summarise each as plain
data that reports and JUnit files are made from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rehearse.content.drills import is_drill_file, load_drill
from rehearse.content.yamlsource import has_top_level_key
from rehearse.engine.drill_runner import DrillResult, report_lines, run_drill
from rehearse.errors import ContentError, Problem, RehearseError


@dataclass(frozen=True)
class DrillSummary:
    """One drill's result as plain data (it crosses process boundaries)."""

    path: str
    id: str
    title: str
    passed: bool
    turns: int
    seconds: float
    report: tuple[str, ...]


@dataclass
class BatchResult:
    """Every drill run, and every problem that kept a file from running."""

    summaries: list[DrillSummary] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> list[DrillSummary]:
        """Return the drills that failed."""
        return [s for s in self.summaries if not s.passed]


def drill_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their drill files; a missing path is a RehearseError."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*.y*ml")) if p.is_file() and is_drill_file(p))
        elif path.is_file():
            files.append(path)
        elif path.exists():
            raise RehearseError(f"'{path}' is not a regular file or folder, so it is not read")
        else:
            raise RehearseError(f"no such file or folder: '{path}'")
    return files


def run_file(path: Path) -> tuple[DrillSummary | None, list[Problem]]:
    """Load and run one drill file (a table drill too); return its summary, or what stopped it."""
    if has_top_level_key(path, "table"):
        return _run_table_file(path)
    try:
        drill = load_drill(path)
    except ContentError as exc:
        return None, list(exc.problems)
    return _summary(path, drill.id, drill.title, run_drill(drill)), []


def _summary(path: Path, drill_id: str, title: str, result: DrillResult) -> DrillSummary:
    """Return a drill's result as plain data."""
    return DrillSummary(
        str(path),
        drill_id,
        title,
        result.passed,
        result.turns_run,
        result.seconds,
        tuple(report_lines(result)),
    )


def _run_table_file(path: Path) -> tuple[DrillSummary | None, list[Problem]]:
    from rehearse.content.table_drills import load_table_drill
    from rehearse.engine.table_drill_runner import run_table_drill

    try:
        drill = load_table_drill(path)
    except ContentError as exc:
        return None, list(exc.problems)
    return _summary(path, drill.id, drill.title, run_table_drill(drill)), []


def _run_chunk(paths: list[str]) -> list[tuple[DrillSummary | None, list[Problem]]]:
    return [run_file(Path(p)) for p in paths]


def run_files(files: list[Path], jobs: int = 1, progress: Callable[[int], None] | None = None) -> BatchResult:
    """Run drill files, in ``jobs`` processes when more than one; report progress per file."""
    batch = BatchResult()
    if jobs <= 1 or len(files) < 2:
        outcomes: Iterable[tuple[DrillSummary | None, list[Problem]]] = (run_file(f) for f in files)
        for summary, problems in outcomes:
            _collect(batch, summary, problems)
            if progress:
                progress(1)
        return batch
    size = max(1, min(50, len(files) // (jobs * 4) or 1))
    chunks = [[str(f) for f in files[i : i + size]] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for chunk, results in zip(chunks, pool.map(_run_chunk, chunks), strict=True):
            for summary, problems in results:
                _collect(batch, summary, problems)
            if progress:
                progress(len(chunk))
    return batch


def _collect(batch: BatchResult, summary: DrillSummary | None, problems: list[Problem]) -> None:
    if summary is not None:
        batch.summaries.append(summary)
    batch.problems.extend(problems)


def junit_xml(batch: BatchResult) -> str:
    """Return the batch as a JUnit XML report (one test case per drill, invalid files as errors)."""
    from xml.sax.saxutils import escape, quoteattr

    cases = []
    for s in batch.summaries:
        body = ""
        if not s.passed:
            body = f'<failure message="drill failed">{escape(chr(10).join(s.report))}</failure>'
        cases.append(
            f'<testcase classname="drills" name={quoteattr(s.id)} file={quoteattr(s.path)} time="{s.seconds:.4f}">{body}</testcase>'
        )
    for problem in batch.problems:
        cases.append(
            f'<testcase classname="drills" name={quoteattr(problem.file)}><error message={quoteattr(problem.message)}>'
            f"{escape(str(problem))}</error></testcase>"
        )
    failures = len(batch.failed)
    total = len(batch.summaries) + len(batch.problems)
    seconds = sum(s.seconds for s in batch.summaries)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<testsuite name="rehearse drills" tests="{total}" failures="{failures}" errors="{len(batch.problems)}" '
        f'time="{seconds:.4f}">{"".join(cases)}</testsuite>\n'
    )
