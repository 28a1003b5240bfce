"""Commands on saved sessions: replay, export, progress and the classroom report."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from rehearse.cli_support import note_skipped, run_app, save_dir_for, user_errors
from rehearse.errors import RehearseError


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--check", is_flag=True, help="Re-run the dialogues against today's playbooks and report divergences."
)
@click.option(
    "--save-dir", type=click.Path(file_okay=False, path_type=Path), help="Folder for branched sessions."
)
def replay(files: tuple[Path, ...], check: bool, save_dir: Path | None) -> None:
    """Step through a saved dialogue in the TUI (a folder or none: choose from its saved ones)."""
    if check:
        _check(list(files))
        return
    if len(files) > 1:
        click.echo("rehearse: replay opens one dialogue at a time (use --check for several)", err=True)
        raise SystemExit(2)
    with user_errors():
        from rehearse.locations import sessions_dir
        from rehearse.records.table_file import read_session

        folder = files[0] if files and files[0].is_dir() else sessions_dir()
        dialogue = read_session(files[0]) if files and not files[0].is_dir() else None
        from rehearse.ui.app import make_replay_app

        run_app(make_replay_app(dialogue, folder, save_dir_for(save_dir, False)))


def _check(files: list[Path]) -> None:
    from rehearse.content.templates import count_of
    from rehearse.records.check import check_dialogue, dialogue_files
    from rehearse.records.table_check import check_table_dialogue, is_table_dialogue

    if not files:
        click.echo("rehearse: give the dialogue files or folders to check", err=True)
        raise SystemExit(2)
    invalid = diverged = 0
    note_skipped(files, (".jsonl",))
    for path in dialogue_files(files):
        try:
            result = check_table_dialogue(path) if is_table_dialogue(path) else check_dialogue(path)
        except RehearseError as exc:
            click.echo(f"{path}: invalid: {exc}", err=True)
            invalid += 1
            continue
        for warning in result.warnings:
            click.echo(f"  warning: {warning}")
        if result.identical:
            click.echo(f"{path}: identical ({count_of(result.turns, 'turn')})")
            continue
        diverged += 1
        click.echo(f"{path}: {len(result.divergences)} divergence(s); {result.cause}")
        for d in result.divergences:
            click.echo(f"  turn {d.turn} {d.field}: saved {json.dumps(d.saved, ensure_ascii=False)}")
            click.echo(
                f"  {'':>{len(str(d.turn)) + 5}}{'':>{len(d.field)}}  today {json.dumps(d.today, ensure_ascii=False)}"
            )
    if invalid:
        raise SystemExit(2)
    if diverged:
        raise SystemExit(1)


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["md", "html", "drill", "corpus"]), default="md", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (atomically)."
)
def export(file: Path, fmt: str, output: Path | None) -> None:
    """Export a saved dialogue as Markdown, HTML (with a meter chart), a drill or corpus utterances."""
    from rehearse.content.registry import load_persona
    from rehearse.records.dialogue_file import read_dialogue
    from rehearse.records.export import render_export, write_atomically
    from rehearse.records.table_export import render_table_export
    from rehearse.records.table_file import is_table_dialogue, read_table_dialogue

    with user_errors():
        if is_table_dialogue(file):
            table = read_table_dialogue(file)
            text, warnings = render_table_export(table, fmt), table.warnings
        else:
            dialogue = read_dialogue(file)
            persona = load_persona(str(dialogue.header.get("persona", "")))
            text, warnings = render_export(dialogue, persona, fmt), dialogue.warnings
        for warning in warnings:
            click.echo(f"warning: {warning}", err=True)
        if output is None:
            click.echo(text, nl=False)
        else:
            write_atomically(output, text)
            click.echo(f"Wrote {output}", err=True)


@click.command()
@click.option(
    "--html", "html_path", type=click.Path(path_type=Path), help="Write the progress as an HTML page."
)
@click.option(
    "--plain", is_flag=True, help="Print a plain summary (no charts), for pipes and screen readers."
)
def progress(html_path: Path | None, plain: bool) -> None:
    """Your progress: per persona, score over time; drills passed and failed; which drills next."""
    from rehearse.locations import history_file
    from rehearse.records.export import write_atomically
    from rehearse.records.progress import progress_html, summarize

    path = history_file()
    report = summarize(path)
    if html_path is not None:
        with user_errors():
            write_atomically(html_path, progress_html(report))
        click.echo(f"Wrote {html_path}")
        return
    if plain or not sys.stdout.isatty():
        for persona in report.personas:
            click.echo(f"{persona.persona}: {persona.line()}")
            click.echo("  scores: " + " ".join(str(s) for s in persona.scores))
        if not report.personas:
            click.echo(f"No finished sessions yet ({path}).")
        for d in report.drills:
            click.echo(
                f"drill {d.drill} ({d.persona}): {'passed' if d.last_passed else 'failed'} last; {d.passed} of {d.plays} passed"
            )
        for drill, why in report.next:
            click.echo(f"next: {drill}: {why}")
        return
    from rehearse.ui.app import make_progress_app

    run_app(make_progress_app(report, str(path)))


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("report.html"),
    show_default=True,
    help="The HTML page to write; a Markdown summary is written beside it (.md).",
)
def report(folder: Path, output: Path) -> None:
    """Report on a class: every saved dialogue and drill report under FOLDER, per trainee."""
    from functools import cache

    from rehearse.content.registry import load_persona
    from rehearse.records.export import write_atomically
    from rehearse.records.report import build_report, report_files, report_html, report_markdown

    files = report_files(folder)
    personas = cache(load_persona)
    if sys.stderr.isatty() and len(files) >= 200:  # a progress bar on a terminal, never in a pipe
        with click.progressbar(length=len(files), label="dialogues", file=sys.stderr) as bar:
            result = build_report(folder, personas, files, progress=bar.update)
    else:
        result = build_report(folder, personas, files)
    for path, why in result.skipped:
        click.echo(f"skipped {path}: {why}", err=True)
    markdown = output.with_suffix(".md")
    with user_errors():
        write_atomically(output, report_html(result))
        write_atomically(markdown, report_markdown(result))
    click.echo(f"{result.files} files, {len(result.skipped)} skipped; wrote {output} and {markdown}")
