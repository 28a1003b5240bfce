"""`rehearse chat TABLE`: a table of several delegations as plain lines, saved as it goes."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import TextIO

from rehearse.content.tables import TableSpec
from rehearse.engine.table import TableSession, TableTurn
from rehearse.engine.turns import describe_move
from rehearse.errors import EmptyMessageError, RehearseError
from rehearse.records.table_file import open_table_file, turn_record
from rehearse.terminal import printable

HELP = """Commands:
  @PARTY TEXT    address one delegation (or start with its name and a comma: "Seoul, ...")
  TEXT           to the whole table: the chair answers
  /parties       each delegation's stage and meters
  /help          this list
  /quit          leave (the session stays saved)"""


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


def run_table_chat(
    spec: TableSpec, seed: int, save_dir: Path | None, stdin: TextIO, out: TextIO
) -> Path | None:
    """Play a table line by line until it ends, input ends or /quit; return the saved file."""
    table = TableSession(spec, seed)
    print(f"{spec.title}\n{spec.user_role}\n", file=out)
    for paragraph in spec.briefing.split("\n\n"):
        print(_wrap(" ".join(paragraph.split())) + "\n", file=out)
    names = "; ".join(f"@{pid}: {p.name}, led by {p.persona.leader}" for pid, p in spec.parties.items())
    print(
        _wrap(f"At the table: {names}. The chair is {spec.parties[spec.chair].name}. Type /help."), file=out
    )
    path, handle = open_table_file(save_dir, spec, seed) if save_dir is not None else (None, None)
    try:
        for line in stdin:
            text = line.rstrip("\n")
            if not text.strip():
                continue
            print(f"\nyou> {printable(text)}", file=out)
            if text.strip().startswith("/"):
                if _command(text.strip(), table, out):
                    break
                continue
            try:
                turn = table.say(text)
            except EmptyMessageError:
                continue
            except RehearseError as exc:
                print(f"rehearse: {exc}", file=out)
                continue
            _show(table, turn, out)
            if handle is not None:
                handle.write(json.dumps(turn_record(turn), ensure_ascii=False) + "\n")
                handle.flush()
            if table.outcome != "ongoing":
                break
    finally:
        if handle is not None:
            handle.close()
    print(f"\nThe table is {table.outcome} after {len(table.turns)} turns.", file=out)
    if path is not None:
        print(f"Saved to {path}", file=out)
    return path


def _show(table: TableSession, turn: TableTurn, out: TextIO) -> None:
    spec = table.spec
    if turn.turn is not None:
        party = spec.parties[turn.party]
        print("\n" + _wrap(f"[{party.name}] {turn.turn.reply}"), file=out)
        read = describe_move(party.persona, turn.turn.move)
        meters = ", ".join(f"{k} {v}" for k, v in turn.turn.meters.items())
        print(_wrap(f"({turn.turn.state} | {meters} | read as {read})", " "), file=out)
    for reaction in turn.reactions:
        changes = ", ".join(f"{m} {d:+d}" for m, d in reaction.changes if d)
        print(
            _wrap(
                f"[{spec.parties[reaction.party].name}] {reaction.text}"
                + (f" ({changes})" if changes else "")
            ),
            file=out,
        )
    if turn.notice:
        print(_wrap(f"*** {turn.notice}"), file=out)


def _command(line: str, table: TableSession, out: TextIO) -> bool:
    command = line.split()[0].lower()
    if command in ("/quit", "/exit", "/q"):
        return True
    if command == "/parties":
        for pid, neg in table.parties.items():
            meters = ", ".join(f"{k} {v}" for k, v in neg.meters.items())
            agreed = len(neg.ledger)
            need = table.spec.parties[pid].minimum
            print(f"  @{pid}: {neg.state} ({neg.outcome}); {meters}; {agreed} agreed, needs {need}", file=out)
        print(f"  the table: {table.state}", file=out)
    else:
        print(HELP, file=out)
    return False
