"""Classroom commands: serve the app to browsers, and the per-tab app it runs."""

from __future__ import annotations

import sys
from contextlib import suppress
from pathlib import Path

import click

from rehearse.cli_support import run_app


def _classroom_dir(save_dir: Path | None) -> Path:
    from rehearse.locations import user_data_dir

    return (save_dir or user_data_dir() / "classroom").expanduser().resolve()


@click.command()
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

    from rehearse.classroom_server import ClassroomServer

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
        ClassroomServer(command, host=host, port=port, title="rehearse", public_url=public_url).serve()
    click.echo("Stopped; every completed turn is saved.", err=True)


@click.command(hidden=True)
@click.option("--save-dir", type=click.Path(file_okay=False, path_type=Path), required=True)
def classroom(save_dir: Path) -> None:
    """Run one classroom tab: a name, then the picker (what `rehearse serve` starts per browser tab)."""
    from rehearse.ui.app import make_classroom_app

    run_app(make_classroom_app(save_dir.expanduser().resolve()))
