"""`rehearse chat TABLE`: a table of several delegations as plain lines, saved as it goes."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TextIO

from rehearse.content.tables import TableSpec
from rehearse.engine.table import TABLE, TableSession, TableTurn
from rehearse.engine.turns import describe_move
from rehearse.errors import EmptyMessageError, RehearseError
from rehearse.records.table_file import RecordedTable
from rehearse.terminal import printable

HELP = """Commands:
  @PARTY TEXT    address one delegation (or start with its name and a comma: "Seoul, ...")
  TEXT           to the whole table: the chair answers
  /parties       each delegation's stage and meters
  /hint          the best next message, addressed to its party (then type it, or paste it)
  /read TEXT     who TEXT would go to, and how that party would read it (nothing is sent)
  /correct       how your last message was read, and the choices to correct it
  /correct KIND [offer ITEMS] [ask ITEMS]   replay your last message read that way
  /undo          take back your last message
  /debrief       the score, where each party stands, and the turning points so far
  /help          this list
  /quit          leave (the session stays saved)"""


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


def run_table_chat(
    spec: TableSpec, seed: int, save_dir: Path | None, stdin: TextIO, out: TextIO
) -> Path | None:
    """Play a table line by line until it ends, input ends or /quit; return the saved file."""
    recorded = RecordedTable(spec, seed, save_dir)
    table = recorded.table
    print(f"{spec.title}\n{spec.user_role}\n", file=out)
    for paragraph in spec.briefing.split("\n\n"):
        print(_wrap(" ".join(paragraph.split())) + "\n", file=out)
    names = "; ".join(f"@{pid}: {p.name}, led by {p.persona.leader}" for pid, p in spec.parties.items())
    print(
        _wrap(f"At the table: {names}. The chair is {spec.parties[spec.chair].name}. Type /help."), file=out
    )
    try:
        for line in stdin:
            text = line.rstrip("\n")
            if not text.strip():
                continue
            print(f"\nyou> {printable(text)}", file=out)
            if text.strip().startswith("/"):
                if _command(text.strip(), recorded, out):
                    break
                continue
            try:
                turn = recorded.say(text)
            except EmptyMessageError:
                continue
            except RehearseError as exc:
                print(f"rehearse: {exc}", file=out)
                continue
            _show(table, turn, out)
            if table.outcome != "ongoing":
                break
    finally:
        recorded.close()
    print(f"\nThe table is {table.outcome} after {len(table.turns)} turns.", file=out)
    if table.outcome != "ongoing":
        print("", file=out)
        _debrief(table, out)
    if recorded.path is not None:
        print(f"Saved to {recorded.path}", file=out)
    return recorded.path


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


def _command(line: str, recorded: RecordedTable, out: TextIO) -> bool:
    """Run a slash command; return True when the table should be left."""
    table = recorded.table
    command, _, rest = line.partition(" ")
    command = command.lower()
    if command in ("/quit", "/exit", "/q"):
        return True
    if command == "/parties":
        for pid, neg in table.parties.items():
            meters = ", ".join(f"{k} {v}" for k, v in neg.meters.items())
            agreed = len(neg.ledger)
            need = table.spec.parties[pid].minimum
            print(f"  @{pid}: {neg.state} ({neg.outcome}); {meters}; {agreed} agreed, needs {need}", file=out)
        print(f"  the table: {table.state}", file=out)
    elif command == "/undo":
        if recorded.undo():
            print(f"Took back your last message; back to turn {len(table.turns)}.", file=out)
        else:
            print("Nothing to take back yet.", file=out)
    elif command == "/hint":
        found = table.hint()
        if found is None:
            print("No suggestion: the table has ended.", file=out)
        else:
            recorded.offered = found[0]
            print(_wrap(f"Try: {found[0]}") + "\n" + _wrap(f"why: {found[1]}", "   "), file=out)
    elif command == "/debrief":
        _debrief(table, out)
    elif command == "/read":
        _read(table, rest, out)
    elif command == "/correct":
        _correct(recorded, rest, out)
    else:
        print(HELP, file=out)
    return False


def _debrief(table: TableSession, out: TextIO) -> None:
    """Print the table's debrief as it stands."""
    from rehearse.engine.table_debrief import debrief_lines, table_debrief

    for line in debrief_lines(table_debrief(table)):
        indent = " " * (len(line) - len(line.lstrip()) + 2)
        print(textwrap.fill(printable(line), 88, subsequent_indent=indent), file=out)


def _read(table: TableSession, text: str, out: TextIO) -> None:
    """Show who a message would go to and how that party would read it, without sending it."""
    if not text.strip():
        print("Usage: /read TEXT (shows how TEXT would be read, without sending it)", file=out)
        return
    party, body = table.address(text)
    speaker = table.spec.chair if party == TABLE else party
    persona = table.spec.parties[speaker].persona
    move = table.parties[speaker].classify(body if body.strip() else text)
    print(f"To {table.spec.parties[speaker].name}: would be read as {describe_move(persona, move)}", file=out)


def _correct(recorded: RecordedTable, args: str, out: TextIO) -> None:
    """Show the last reading and the choices, or replay the last message read the trainee's way."""
    from rehearse.chat import correction_menu, parse_correction

    table = recorded.table
    last = table.turns[-1] if table.turns else None
    if last is None or last.turn is None:
        print("Nothing to correct: the last message drew no party's reading.", file=out)
        return
    neg = table.parties[last.party]
    if not args.strip():
        print(f"It went to @{last.party}.\n" + correction_menu(neg), file=out)
        return
    try:
        kind, gives, asks = parse_correction(neg.persona, args)
        turn = recorded.correct(kind, gives, asks)
    except RehearseError as exc:
        print(f"Cannot correct: {exc}. Type /correct for the choices.", file=out)
        return
    print(f"Turn {turn.number} replayed as you read it.", file=out)
    _show(table, turn, out)
