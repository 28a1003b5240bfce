"""`rehearse chat`: the rehearsal as plain lines on stdin/stdout (pipes, screen readers)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from rehearse.content.playbook import Playbook
from rehearse.content.templates import and_list
from rehearse.engine.negotiation import Negotiation, Turn, describe_exchange
from rehearse.errors import EmptyMessageError
from rehearse.records.session import RecordedSession

HELP = """Commands: /roadmap shows what is agreed, /undo takes back your last message,
/status shows the meters, /help shows this, /quit ends the session (it stays saved)."""


@dataclass
class ChatIO:
    """The streams a chat session reads and writes, and whether to show a prompt."""

    stdin: TextIO
    stdout: TextIO
    interactive: bool


LOW_CONFIDENCE = 0.6
"""Below this confidence a reading is flagged as unsure."""


def status_line(persona: Playbook, turn: Turn, previous: dict[str, int]) -> str:
    """Return the one-line status after a turn: stage, meters with changes, how the message was read."""
    meters = " | ".join(
        f"{name} {value}"
        + (f" ({value - previous.get(name, value):+d})" if value != previous.get(name, value) else "")
        for name, value in turn.meters.items()
    )
    read: str = turn.move.kind
    if turn.move.gives:
        read += "; offers " + and_list(persona.label(i) for i in sorted(turn.move.gives))
    if turn.move.asks:
        read += "; asks " + and_list(persona.label(i) for i in sorted(turn.move.asks))
    if turn.confidence < LOW_CONFIDENCE:
        read += f" (unsure: {turn.confidence:.0%})"
    evidence = f"\n  because {'; '.join(turn.evidence)}" if turn.evidence else ""
    return f"[{turn.state} | {meters} | read as {read}]{evidence}"


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


def run_chat(persona: Playbook, seed: int, save_dir: Path | None, io: ChatIO) -> Path | None:
    """Play a session line by line until an outcome, end of input or /quit; return the saved file."""
    out = io.stdout
    session = RecordedSession(persona, seed, save_dir)
    neg = session.negotiation
    print(f"{persona.title}\n{persona.user_role}\n", file=out)
    for paragraph in persona.briefing.split("\n\n"):
        print(_wrap(" ".join(paragraph.split())), file=out)
        print(file=out)
    print(
        f"You are facing the {persona.delegation}, led by {persona.leader}. Type /help for commands.",
        file=out,
    )
    if session.path is not None:
        print(f"This session is saved as it goes to {session.path}", file=out)
    out.flush()
    try:
        while neg.outcome == "ongoing":
            if io.interactive:
                out.write("\nyou> ")
                out.flush()
            line = io.stdin.readline()
            if not line:
                break
            text = line.rstrip("\n")
            if text.strip().startswith("/"):
                if _command(text.strip().lower(), session, out):
                    break
                continue
            previous = neg.meters
            try:
                turn = session.say(text)
            except EmptyMessageError:
                continue
            print("\n" + _wrap(turn.reply), file=out)
            print(status_line(persona, turn, previous), file=out)
            out.flush()
    except KeyboardInterrupt:
        print("\nInterrupted.", file=out)
    finally:
        session.close()
    _farewell(neg, session.path, out)
    return session.path


def _command(command: str, session: RecordedSession, out: TextIO) -> bool:
    """Run a slash command; return True when the session should end."""
    neg = session.negotiation
    if command in ("/quit", "/exit", "/q"):
        return True
    if command == "/undo":
        if session.undo():
            print(f"Took back your last message; back to turn {len(neg.turns)}.", file=out)
        else:
            print("Nothing to take back yet.", file=out)
    elif command == "/roadmap":
        lines = [describe_exchange(neg.persona, e) for e in neg.ledger] or ["nothing agreed yet"]
        print("Roadmap: " + "; ".join(lines), file=out)
        if neg.table is not None:
            print("On the table: " + describe_exchange(neg.persona, neg.table), file=out)
    elif command == "/status":
        meters = ", ".join(f"{k} {v}" for k, v in neg.meters.items())
        print(f"Stage {neg.state} ({neg.persona.states[neg.state].description}) {meters}.", file=out)
    else:
        print(HELP, file=out)
    return False


def _farewell(neg: Negotiation, path: Path | None, out: TextIO) -> None:
    outcome = neg.outcome
    if outcome == "agreement":
        print("\n*** Agreement reached. Roadmap:", file=out)
        for exchange in neg.ledger:
            print("  - " + describe_exchange(neg.persona, exchange), file=out)
    elif outcome == "derailed":
        print("\n*** The talks have derailed: the delegation walked out.", file=out)
    else:
        print(f"\nSession ended after {len(neg.turns)} turns, still {neg.state}.", file=out)
    if path is not None:
        print(f"Saved to {path}", file=out)
    out.flush()


__all__ = ["ChatIO", "run_chat", "status_line"]
