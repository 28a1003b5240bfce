"""The ``rehearse`` command line: parse, call the domain, print. No Textual import at start-up.

The commands live in small modules (``cli_sessions``, ``cli_authoring``, ``cli_classroom``); this one
holds the group, the commands to play and read, and the entry point.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from rehearse.cli_support import note_skipped, persona_named, run_app, save_dir_for, user_errors
from rehearse.errors import RehearseError
from rehearse.version import VERSION as __version__


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="rehearse")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Rehearse a hard negotiation against computer-played delegations.

    With no command, opens the terminal UI on the persona picker.
    """
    if ctx.invoked_subcommand is None:
        _run_tui(None, 0, save_dir_for(None, False))


def _run_tui(persona: str | None, seed: int, save_dir: Path | None) -> None:
    with user_errors():
        playbook = persona_named(persona) if persona else None
        from rehearse.ui.app import make_app

        run_app(make_app(playbook, seed, save_dir))


@cli.command()
@click.argument("persona", required=False)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the delegation's choices.")
@click.option(
    "--save-dir", type=click.Path(file_okay=False, path_type=Path), help="Folder to save the dialogue in."
)
@click.option("--no-save", is_flag=True, help="Do not save the dialogue.")
@click.option(
    "--drill", "drill_file", type=click.Path(path_type=Path), help="Play a drill live: its script, then you."
)
def play(
    persona: str | None, seed: int, save_dir: Path | None, no_save: bool, drill_file: Path | None
) -> None:
    """Rehearse live in the terminal UI (the dialogue is saved as it goes)."""
    if drill_file is None and persona is None:
        click.echo("rehearse: name a persona (see 'rehearse personas') or give --drill FILE", err=True)
        raise SystemExit(2)
    if drill_file is not None:
        from rehearse.content.drills import load_drill
        from rehearse.ui.app import make_app

        with user_errors():
            drill = load_drill(drill_file)
            run_app(make_app(None, drill.seed, save_dir_for(save_dir, no_save), drill=drill))
        return
    from rehearse.content.tables import resolve_table

    table = resolve_table(persona or "")
    if table is not None:
        from rehearse.ui.app import make_app

        run_app(make_app(None, seed, save_dir_for(save_dir, no_save), table_path=table))
        return
    _run_tui(persona, seed, save_dir_for(save_dir, no_save))


@cli.command()
@click.argument("persona")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the delegation's choices.")
@click.option(
    "--save-dir", type=click.Path(file_okay=False, path_type=Path), help="Folder to save the dialogue in."
)
@click.option("--no-save", is_flag=True, help="Do not save the dialogue.")
def chat(persona: str, seed: int, save_dir: Path | None, no_save: bool) -> None:
    """Negotiate in plain lines on stdin/stdout (no TUI); PERSONA may be a table (six-party)."""
    from rehearse.chat import ChatIO, run_chat
    from rehearse.content.tables import load_table, resolve_table

    table = resolve_table(persona)
    if table is not None:
        from rehearse.table_chat import run_table_chat

        with user_errors():
            run_table_chat(load_table(table), seed, save_dir_for(save_dir, no_save), sys.stdin, sys.stdout)
        return
    with user_errors():
        playbook = persona_named(persona)
        io = ChatIO(sys.stdin, sys.stdout, interactive=sys.stdin.isatty())
        run_chat(playbook, seed, save_dir_for(save_dir, no_save), io)


@cli.command()
@click.option("--persona", "persona", required=True, help="Persona whose items to read messages with.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object a line.")
def classify(persona: str, as_json: bool) -> None:
    """Read one message a line from stdin and print how each is read."""
    from rehearse.reading.reader import reader_for
    from rehearse.terminal import printable

    with user_errors():
        reader = reader_for(persona_named(persona))
    for line in sys.stdin:
        text = line.rstrip("\n")
        reading = reader.read(text)
        move = reading.move
        if as_json:
            record = {"text": text, **move.as_dict(), "confidence": reading.confidence}
            click.echo(json.dumps({**record, "evidence": list(reading.evidence)}, ensure_ascii=False))
        else:
            items = " ".join(
                part
                for part in (
                    f"gives={','.join(sorted(move.gives))}" if move.gives else "",
                    f"asks={','.join(sorted(move.asks))}" if move.asks else "",
                )
                if part
            )
            click.echo(f"{move.kind:<10} {reading.confidence:4.2f} {items}  | {printable(text)}")


@cli.command()
def personas() -> None:
    """List the delegations you can rehearse against."""
    from rehearse.content.registry import available_personas, load_persona

    entries = available_personas()
    if not entries:
        click.echo("No personas found.")
    for entry in entries:
        try:
            playbook = load_persona(str(entry.path))
        except RehearseError as exc:
            click.echo(f"{entry.id:<10} (cannot be loaded: {exc})")
            continue
        click.echo(f"{entry.id:<10} {playbook.title}  [{playbook.difficulty}]")
        click.echo(f"{'':<10} {playbook.user_role}")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(paths: tuple[Path, ...]) -> None:
    """Check playbooks (and folders of them); print file:line: message per problem."""
    from rehearse.content.validate import validate_paths

    note_skipped(paths, (".yaml", ".yml"))
    with user_errors():
        problems, checked = validate_paths(paths)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {checked} file(s).", err=True
        )
        raise SystemExit(1)
    click.echo(f"{checked} file(s) checked, no problems.", err=True)


def _register() -> None:
    """Add the commands that live in their own modules."""
    from rehearse import cli_authoring, cli_classroom, cli_sessions

    for command in (
        cli_sessions.replay,
        cli_sessions.export,
        cli_sessions.progress,
        cli_sessions.report,
        cli_authoring.drill,
        cli_authoring.graph,
        cli_authoring.explore,
        cli_authoring.new,
        cli_classroom.serve,
        cli_classroom.classroom,
    ):
        cli.add_command(command)


_register()


def main() -> None:
    """Entry point of the ``rehearse`` console script."""
    cli.main(prog_name="rehearse")
