"""The ``rehearse`` command line: parse, call the domain, print. No Textual import at start-up."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

import click

from rehearse.errors import ContentError, RehearseError
from rehearse.version import VERSION as __version__

F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn deliberate errors into one clear line on stderr and exit code 2."""
    try:
        yield
    except ContentError as exc:
        hint = f"; 'rehearse validate {exc.problems[0].file}' lists them all" if len(exc.problems) > 1 else ""
        click.echo(f"rehearse: {exc}{hint}", err=True)
        raise SystemExit(2) from None
    except RehearseError as exc:
        click.echo(f"rehearse: {exc}", err=True)
        raise SystemExit(2) from None


def _run_app(app: Any) -> None:
    """Run a TUI app; if it stopped on an error, exit non-zero (its traceback was shown)."""
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)


def _note_skipped(paths: Iterable[Path], suffixes: tuple[str, ...]) -> None:
    """Say on stderr which entries a folder walk skipped (FIFOs, devices, sockets)."""
    from rehearse.terminal import printable, skipped_entries

    for path in skipped_entries(paths, suffixes):
        click.echo(f"note: skipped {printable(str(path))}: not a regular file", err=True)


def _persona(name: str) -> Any:
    from rehearse.content.registry import load_persona

    return load_persona(name)


def _save_dir(save_dir: Path | None, no_save: bool) -> Path | None:
    if no_save:
        return None
    if save_dir is not None:
        return save_dir
    from rehearse.locations import sessions_dir

    return sessions_dir()


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="rehearse")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Rehearse a hard negotiation against computer-played delegations.

    With no command, opens the terminal UI on the persona picker.
    """
    if ctx.invoked_subcommand is None:
        _run_tui(None, 0, _save_dir(None, False))


def _run_tui(persona: str | None, seed: int, save_dir: Path | None) -> None:
    with _user_errors():
        playbook = _persona(persona) if persona else None
        from rehearse.ui.app import make_app

        _run_app(make_app(playbook, seed, save_dir))


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

        with _user_errors():
            drill = load_drill(drill_file)
            _run_app(make_app(None, drill.seed, _save_dir(save_dir, no_save), drill=drill))
        return
    from rehearse.content.tables import resolve_table

    table = resolve_table(persona or "")
    if table is not None:
        from rehearse.ui.app import make_app

        _run_app(make_app(None, seed, _save_dir(save_dir, no_save), table_path=table))
        return
    _run_tui(persona, seed, _save_dir(save_dir, no_save))


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

        with _user_errors():
            run_table_chat(load_table(table), seed, _save_dir(save_dir, no_save), sys.stdin, sys.stdout)
        return
    with _user_errors():
        playbook = _persona(persona)
        io = ChatIO(sys.stdin, sys.stdout, interactive=sys.stdin.isatty())
        run_chat(playbook, seed, _save_dir(save_dir, no_save), io)


@cli.command()
@click.option("--persona", "persona", required=True, help="Persona whose items to read messages with.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object a line.")
def classify(persona: str, as_json: bool) -> None:
    """Read one message a line from stdin and print how each is read."""
    from rehearse.reading.reader import reader_for
    from rehearse.terminal import printable

    with _user_errors():
        reader = reader_for(_persona(persona))
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

    _note_skipped(paths, (".yaml", ".yml"))
    with _user_errors():
        problems, checked = validate_paths(paths)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {checked} file(s).", err=True
        )
        raise SystemExit(1)
    click.echo(f"{checked} file(s) checked, no problems.", err=True)


@cli.command()
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
    with _user_errors():
        from rehearse.locations import sessions_dir
        from rehearse.records.dialogue_file import read_dialogue
        from rehearse.records.table_file import is_table_dialogue, read_table_dialogue

        folder = files[0] if files and files[0].is_dir() else sessions_dir()
        chosen = files[0] if files and not files[0].is_dir() else None
        dialogue = (
            None
            if chosen is None
            else read_table_dialogue(chosen)
            if is_table_dialogue(chosen)
            else read_dialogue(chosen)
        )
        from rehearse.ui.app import make_replay_app

        _run_app(make_replay_app(dialogue, folder, _save_dir(save_dir, False)))


def _check(files: list[Path]) -> None:
    from rehearse.content.templates import count_of
    from rehearse.records.check import check_dialogue, dialogue_files
    from rehearse.records.table_check import check_table_dialogue, is_table_dialogue

    if not files:
        click.echo("rehearse: give the dialogue files or folders to check", err=True)
        raise SystemExit(2)
    invalid = diverged = 0
    _note_skipped(files, (".jsonl",))
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


@cli.command()
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
    from rehearse.records.export import render_export
    from rehearse.records.table_export import render_table_export, write_export
    from rehearse.records.table_file import is_table_dialogue, read_table_dialogue

    with _user_errors():
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
            write_export(output, text)
            click.echo(f"Wrote {output}", err=True)


@cli.command()
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

    _note_skipped(paths, (".yaml", ".yml"))
    with _user_errors():
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

        with _user_errors():
            write_atomically(junit, junit_xml(batch))
    if batch.problems:
        raise SystemExit(2)
    if batch.failed:
        raise SystemExit(1)


@cli.command()
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
    with _user_errors():
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
            playbook = _persona(persona)
            taken = None
            if dialogue is not None:
                from rehearse.records.dialogue_file import read_dialogue

                turns = read_dialogue(dialogue).effective_turns()
                taken = path_pairs((str(t.get("state", "")) for t in turns), playbook.initial)
            text = (to_mermaid if fmt == "mermaid" else to_dot)(playbook, taken)
    click.echo(text, nl=False)


@cli.command()
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
    with _user_errors():
        subject: Any = load_table(table) if table is not None else _persona(persona)
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


@cli.command()
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
        with _user_errors():
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

    _run_app(make_progress_app(report, str(path)))


def _classroom_dir(save_dir: Path | None) -> Path:
    from rehearse.locations import user_data_dir

    return (save_dir or user_data_dir() / "classroom").expanduser().resolve()


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port.")
@click.option(
    "--save-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the trainees' dialogues, one subfolder a trainee (default: classroom/ in your data folder).",
)
@click.option(
    "--public-url",
    help="The address trainees open, when a reverse proxy serves it (https://rehearse.example.org).",
)
def serve(host: str, port: int, save_dir: Path | None, public_url: str | None) -> None:
    """Serve rehearse to web browsers (each tab its own session; trainees give a name first)."""
    import shlex

    from textual_serve.server import Server

    root = _classroom_dir(save_dir)
    root.mkdir(parents=True, exist_ok=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(
            f"WARNING: listening on {host}: anyone who can reach this machine on port {port} can open a "
            "session and write to the classroom folder. Put it behind a reverse proxy with TLS and a "
            "login (docs/classroom.md) before using it beyond a trusted network.",
            err=True,
        )
    command = f"{shlex.quote(sys.executable)} -m rehearse classroom --save-dir {shlex.quote(str(root))}"
    where = public_url or f"http://{host}:{port}"
    click.echo(f"Serving rehearse at {where} ; dialogues go to {root} (Ctrl+C stops)", err=True)
    with suppress(KeyboardInterrupt):
        Server(command, host=host, port=port, title="rehearse", public_url=public_url).serve()
    click.echo("Stopped; every completed turn is saved.", err=True)


@cli.command(hidden=True)
@click.option("--save-dir", type=click.Path(file_okay=False, path_type=Path), required=True)
def classroom(save_dir: Path) -> None:
    """Run one classroom tab: a name, then the picker (what `rehearse serve` starts per browser tab)."""
    from rehearse.ui.app import make_classroom_app

    _run_app(make_classroom_app(save_dir.expanduser().resolve()))


@cli.command()
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
    with _user_errors():
        write_atomically(output, report_html(result))
        write_atomically(markdown, report_markdown(result))
    click.echo(f"{result.files} files, {len(result.skipped)} skipped; wrote {output} and {markdown}")


@cli.group()
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

    with _user_errors():
        path = new_persona(persona_id, folder)
    click.echo(f"Wrote {path}. Check it with: rehearse validate {path}; play it with: rehearse play {path}")


def main() -> None:
    """Entry point of the ``rehearse`` console script."""
    cli.main(prog_name="rehearse")
