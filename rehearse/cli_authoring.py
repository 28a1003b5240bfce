"""Commands for authors: drills, the graph of a persona or table, exploring it, new content."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from rehearse.cli_support import note_skipped, persona_named, user_errors
from rehearse.errors import RehearseError


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--junit", type=click.Path(dir_okay=False, path_type=Path), help="Also write a JUnit XML report."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes to run drills in.",
)
def drill(paths: tuple[Path, ...], junit: Path | None, jobs: int) -> None:
    """Run drills headless and grade them (exit 0 all pass, 1 any fail, 2 invalid input)."""
    from rehearse.content.templates import count_of
    from rehearse.engine.drill_batch import drill_files, junit_xml, run_files

    note_skipped(paths, (".yaml", ".yml"))
    with user_errors():
        files = drill_files(paths)
    if not files:
        click.echo("rehearse: no drill files found", err=True)
        raise SystemExit(2)
    show_bar = sys.stderr.isatty() and len(files) >= 20
    if show_bar:
        with click.progressbar(length=len(files), label="drills", file=sys.stderr) as bar:
            batch = run_files(files, jobs, bar.update)
    else:
        batch = run_files(files, jobs)
    for s in sorted(batch.summaries, key=lambda s: s.path):
        mark = "PASS" if s.passed else "FAIL"
        click.echo(f"{mark} {s.id}  ({count_of(s.turns, 'turn')}, {s.seconds * 1000:.1f} ms)  {s.path}")
        for line in s.report:
            click.echo(line)
    for problem in batch.problems:
        click.echo(f"INVALID {problem}")
    passed = sum(s.passed for s in batch.summaries)
    click.echo(
        f"{passed} passed, {len(batch.failed)} failed, {len(batch.problems)} problem(s) in invalid files; "
        f"{len(files)} file(s)"
    )
    if junit is not None:
        from rehearse.records.export import write_atomically

        with user_errors():
            write_atomically(junit, junit_xml(batch))
    if batch.problems:
        raise SystemExit(2)
    if batch.failed:
        raise SystemExit(1)


@click.command()
@click.argument("persona")
@click.option("--format", "fmt", type=click.Choice(["mermaid", "dot"]), default="mermaid", show_default=True)
@click.option(
    "--dialogue",
    type=click.Path(path_type=Path),
    help="Highlight the path this saved dialogue took (at a table: the links that fired).",
)
@click.option("--party", help="At a table: draw this party's own machine as seated there.")
def graph(persona: str, fmt: str, dialogue: Path | None, party: str | None) -> None:
    """Print a persona's machine, or a table of delegations (PERSONA may be a table), as Mermaid or dot."""
    from rehearse.content.graph import path_pairs, to_dot, to_mermaid
    from rehearse.content.tables import load_table, resolve_table

    table = resolve_table(persona)
    with user_errors():
        if table is not None:
            from rehearse.content.table_graph import party_graph, table_graph
            from rehearse.records.table_file import read_table_dialogue

            spec = load_table(table)
            saved = read_table_dialogue(dialogue) if dialogue is not None else None
            if saved is not None and saved.header.get("table") != spec.id:
                raise RehearseError(f"{dialogue} was played at the table '{saved.header.get('table')}'")
            for warning in saved.warnings if saved is not None else ():
                click.echo(f"warning: {warning}", err=True)
            turns = saved.turns if saved is not None else None
            text = party_graph(spec, party, fmt, turns) if party else table_graph(spec, fmt, turns)
        else:
            if party is not None:
                raise RehearseError(f"--party is for a table, and '{persona}' is not one")
            playbook = persona_named(persona)
            taken = None
            if dialogue is not None:
                from rehearse.records.dialogue_file import read_dialogue
                from rehearse.records.table_file import is_table_dialogue

                if is_table_dialogue(dialogue):
                    raise RehearseError(
                        f"{dialogue} is a table session: draw it with 'rehearse graph TABLE --dialogue FILE'"
                        f" (add '--party {persona}' for this party's path)"
                    )
                turns = read_dialogue(dialogue).effective_turns()
                taken = path_pairs((str(t.get("state", "")) for t in turns), playbook.initial)
            text = (to_mermaid if fmt == "mermaid" else to_dot)(playbook, taken)
    click.echo(text, nl=False)


@click.command()
@click.argument("persona")
@click.option(
    "--walks",
    type=click.IntRange(1, 1_000_000),
    default=1000,
    show_default=True,
    help="Random sessions to play (each a walk of messages built from the items and topics of the "
    "persona, or of each party at a table).",
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Seed of the walks (same seed, same findings)."
)
@click.option(
    "--corpus",
    "corpora",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A labelled corpus (YAML list of {text: ...}) whose messages walks also send; repeatable.",
)
def explore(persona: str, walks: int, seed: int, corpora: tuple[Path, ...]) -> None:
    """Play seeded random walks against a persona or at a table and report what breaks (exit 1 on findings)."""
    from rehearse.content.tables import load_table, resolve_table
    from rehearse.engine.explore import as_drill, load_messages
    from rehearse.engine.explore import explore as run_explore
    from rehearse.engine.table_explore import as_table_drill, explore_table

    table = resolve_table(persona)
    with user_errors():
        subject: Any = load_table(table) if table is not None else persona_named(persona)
        corpus = load_messages(corpora)
    report: Any
    run: Any = explore_table if table is not None else run_explore
    if sys.stderr.isatty() and walks >= 500:  # a progress bar on a terminal, never in a pipe
        with click.progressbar(length=walks, label="walks", file=sys.stderr) as bar:
            report = run(subject, walks, seed, progress=bar.update, corpus=corpus)
    else:
        report = run(subject, walks, seed, corpus=corpus)
    if table is not None:
        click.echo("\n".join(report.summary()))
    else:
        drawn = f" ({report.from_corpus} from the corpora)" if corpora else ""
        click.echo(
            f"{report.persona}: {report.walks} walks, {report.turns} turns{drawn} in {report.seconds:.1f} s; "
            f"states reached: {', '.join(sorted(report.reached))}"
        )
    if not report.findings:
        click.echo("no findings")
        return
    write: Any = as_table_drill if table is not None else as_drill
    for index, finding in enumerate(report.findings, start=1):
        click.echo(f"\n{finding.kind}: {finding.detail}")
        if finding.walk:
            click.echo(f"shortest walk, as a {'table ' if table is not None else ''}drill:")
            click.echo(write(subject, finding, index), nl=False)
    raise SystemExit(1)


@click.group()
def new() -> None:
    """Start new content from a small working template."""


@new.command("persona")
@click.argument("persona_id")
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("personas"),
    show_default=True,
)
def new_persona_command(persona_id: str, folder: Path) -> None:
    """Write a small working playbook to start a delegation from."""
    from rehearse.content.skeleton import new_persona

    with user_errors():
        path = new_persona(persona_id, folder)
    click.echo(f"Wrote {path}. Check it with: rehearse validate {path}; play it with: rehearse play {path}")
