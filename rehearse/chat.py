"""`rehearse chat`: the rehearsal as plain lines on stdin/stdout (pipes, screen readers)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from rehearse.content.playbook import Playbook
from rehearse.content.templates import and_list, count_of
from rehearse.engine.negotiation import Negotiation, Turn
from rehearse.engine.preview import LOW_CONFIDENCE, read_back
from rehearse.engine.turns import describe_move, describe_trade, roadmap_lines
from rehearse.errors import EmptyMessageError, RehearseError
from rehearse.moves import MOVE_KINDS
from rehearse.records.session import RecordedSession
from rehearse.terminal import printable

HELP = """Commands:
  /read TEXT     how TEXT would be read, without sending it
  /correct       how your last message was read, and how to correct it:
  /correct KIND [offer ITEMS] [ask ITEMS]   replay your last message read that way
                 (ITEMS: numbers or ids from the /correct list, separated by commas)
  /hint          up to three suggested messages, tried on the session first
  /use N         send suggestion N of the last /hint
  /roadmap       what is agreed, and what is on the table
  /debrief       the score so far and the turning points, with what would have worked
  /undo          take back your last message
  /status        the stage and the meters
  /help          this list
  /quit          end the session (it stays saved)"""


@dataclass
class ChatIO:
    """The streams a chat session reads and writes, and whether to show a prompt."""

    stdin: TextIO
    stdout: TextIO
    interactive: bool


def status_line(persona: Playbook, turn: Turn, previous: dict[str, int]) -> str:
    """Return the one-line status after a turn: stage, meters with changes, how the message was read."""
    meters = " | ".join(
        f"{name} {value}"
        + (f" ({value - previous.get(name, value):+d})" if value != previous.get(name, value) else "")
        for name, value in turn.meters.items()
    )
    read: str = turn.move.kind + (" (corrected by you)" if turn.corrected else "")
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


def wrapped_status(persona: Playbook, turn: Turn, previous: dict[str, int]) -> str:
    """Return the status line wrapped at 88 columns, never inside a word."""
    lines = status_line(persona, turn, previous).split("\n")
    out = [textwrap.fill(lines[0], width=88, subsequent_indent=" ", break_long_words=False)]
    out += [
        textwrap.fill(line, width=88, subsequent_indent="    ", break_long_words=False) for line in lines[1:]
    ]
    return "\n".join(out)


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
    interrupted = False
    try:
        while neg.outcome == "ongoing":
            if io.interactive:
                out.write("\nyou> ")
                out.flush()
            line = io.stdin.readline()
            if not line:
                break
            text = line.rstrip("\n")
            if not io.interactive and text.strip():
                print(f"\nyou> {printable(text)}", file=out)  # a piped session reads as a transcript
            if text.strip().lower().startswith("/use"):
                chosen = _used_hint(text.strip(), session, out)
                if chosen is None:
                    continue
                text = chosen
                print(f"you> {printable(text)}", file=out)
            elif text.strip().startswith("/"):
                if _command(text.strip(), session, out):
                    break
                continue
            previous = neg.meters
            try:
                turn = session.say(text)
            except EmptyMessageError:
                continue
            except RehearseError as exc:  # e.g. the disk is full: the turn was taken back
                print(f"rehearse: {exc}", file=out)
                continue
            print("\n" + _wrap(turn.reply), file=out)
            print(wrapped_status(persona, turn, previous), file=out)
            out.flush()
    except KeyboardInterrupt:
        print("\nInterrupted; every turn played so far is saved.", file=out)
        interrupted = True
    finally:
        session.close()
    _farewell(neg, session.path, out)
    if interrupted:
        raise SystemExit(130)  # the shell's code for Ctrl+C
    return session.path


def _command(line: str, session: RecordedSession, out: TextIO) -> bool:
    """Run a slash command; return True when the session should end."""
    neg = session.negotiation
    command, _, rest = line.partition(" ")
    command = command.lower()
    if command == "/read":
        _read(neg, rest, out)
    elif command == "/correct":
        _correct(session, rest, out)
    elif command in ("/quit", "/exit", "/q"):
        return True
    elif command == "/debrief":
        _debrief(neg, out)
    elif command == "/hint":
        _hints(session, out)
    elif command == "/undo":
        if session.undo():
            print(f"Took back your last message; back to turn {len(neg.turns)}.", file=out)
        else:
            print("Nothing to take back yet.", file=out)
    elif command == "/roadmap":
        lines = roadmap_lines(neg.persona, neg.agreements) or ["nothing agreed yet"]
        print("Roadmap: " + "; ".join(lines), file=out)
        if neg.table is not None:
            print("On the table: " + describe_trade(neg.persona, neg.table), file=out)
    elif command == "/status":
        meters = ", ".join(f"{k} {v}" for k, v in neg.meters.items())
        print(f"Stage {neg.state} ({neg.persona.states[neg.state].description}) {meters}.", file=out)
    else:
        print(HELP, file=out)
    return False


def _hints(session: RecordedSession, out: TextIO) -> None:
    """Print up to three suggestions for the next message, with why and what each would do."""
    found = session.hint(3)
    if not found:
        print("No suggestion: the session has ended.", file=out)
        return
    print("Suggestions, tried on the session first (/use N sends one):", file=out)
    for number, hint in enumerate(found, start=1):
        for first, text in (
            (f"{number}. ", hint.text),
            ("   why: ", hint.why),
            ("   then: ", str(hint.effect)),
        ):
            print(textwrap.fill(text, 88, initial_indent=first, subsequent_indent=" " * len(first)), file=out)


def _used_hint(line: str, session: RecordedSession, out: TextIO) -> str | None:
    """Return the text of the suggestion ``/use N`` names, or None after saying what is wrong."""
    _, _, number = line.partition(" ")
    if not session.offered:
        print("No suggestions to use: type /hint first.", file=out)
        return None
    if not number.strip().isdigit() or not 1 <= int(number) <= len(session.offered):
        print(f"Usage: /use N, with N from 1 to {len(session.offered)} (from the last /hint).", file=out)
        return None
    return session.offered[int(number) - 1]


def _read(neg: Negotiation, text: str, out: TextIO) -> None:
    """Show how ``text`` would be read, without sending it."""
    if not text.strip():
        print("Usage: /read TEXT (shows how TEXT would be read, without sending it)", file=out)
        return
    reading = neg.read(text)
    print(f"Would be read as {read_back(neg, text)}", file=out)
    if reading.evidence:
        print(f"  because {'; '.join(reading.evidence)}", file=out)


def _correct(session: RecordedSession, args: str, out: TextIO) -> None:
    """Show the last reading and the choices, or replay the last message read as the trainee says."""
    neg = session.negotiation
    if not neg.turns:
        print("Nothing to correct yet: send a message first.", file=out)
        return
    if not args.strip():
        print(correction_menu(neg), file=out)
        return
    previous = neg.turns[-2].meters if len(neg.turns) > 1 else neg.persona.meters
    try:
        kind, gives, asks = parse_correction(neg.persona, args)
        turn = session.correct(kind, gives, asks)
    except RehearseError as exc:
        print(f"Cannot correct: {exc}. Type /correct for the choices.", file=out)
        return
    print(f"Turn {turn.number} replayed as you read it.", file=out)
    print("\n" + _wrap(turn.reply), file=out)
    print(wrapped_status(neg.persona, turn, previous), file=out)


def _numbered(persona: Playbook, side: str) -> list[str]:
    return sorted(i for i, item in persona.items.items() if item.side == side)


def correction_menu(neg: Negotiation) -> str:
    """Return the last message's reading and the numbered choices for ``/correct``."""
    last = neg.turns[-1]
    persona = neg.persona
    lines = [f'Your last message: "{printable(last.say)}"', f"was read as {_described(persona, last)}.", ""]
    lines.append("Kinds: " + ", ".join(MOVE_KINDS))
    offers = _numbered(persona, "user")
    asks = _numbered(persona, "persona")
    lines.append("What you can offer:")
    lines += [f"  {n:>2}. {persona.items[i].label} ({i})" for n, i in enumerate(offers, 1)]
    lines.append("What you can ask for:")
    lines += [f"  {n:>2}. {persona.items[i].label} ({i})" for n, i in enumerate(asks, len(offers) + 1)]
    lines.append("Example: /correct reciprocal offer 1 ask " + str(len(offers) + 1))
    return "\n".join(lines)


def _described(persona: Playbook, turn: Turn) -> str:
    return describe_move(persona, turn.move) + (" (as you corrected it)" if turn.corrected else "")


def parse_correction(persona: Playbook, args: str) -> tuple[str, list[str], list[str]]:
    """Parse 'KIND [offer ITEMS] [ask ITEMS]' (items as numbers from the menu or ids)."""
    words = args.replace(",", " ").split()
    kind = words[0].lower()
    choices = _numbered(persona, "user") + _numbered(persona, "persona")
    chosen: dict[str, list[str]] = {"offer": [], "ask": []}
    target: str | None = None
    for word in words[1:]:
        lowered = word.lower()
        if lowered in ("offer", "offers", "gives", "give"):
            target = "offer"
        elif lowered in ("ask", "asks"):
            target = "ask"
        elif target is None:
            raise RehearseError(f"say 'offer' or 'ask' before '{word}'")
        elif lowered.isdigit() and 1 <= int(lowered) <= len(choices):
            chosen[target].append(choices[int(lowered) - 1])
        elif lowered.isdigit():
            raise RehearseError(f"there is no item number {word}")
        else:
            chosen[target].append(lowered)
    return kind, chosen["offer"], chosen["ask"]


def _debrief(neg: Negotiation, out: TextIO) -> None:
    """Print the debrief: the score's parts and the turning points, with what would have worked."""
    from rehearse.engine.lessons import point_lines
    from rehearse.engine.scoring import debrief

    report = debrief(neg)
    print(f"\nDebrief: score {report.score}/100", file=out)
    for what, points, most in report.score_parts:
        print(f"  {points:>2}/{most}  {what}", file=out)
    for point in report.turning_points:
        print(f"\nTurn {point.turn}: {point.label}", file=out)
        for head, text in point_lines(point):
            first = f"  {head}: "
            print(textwrap.fill(text, 88, initial_indent=first, subsequent_indent=" " * len(first)), file=out)


def _farewell(neg: Negotiation, path: Path | None, out: TextIO) -> None:
    outcome = neg.outcome
    if outcome == "agreement":
        print("\n*** Agreement reached. Roadmap:", file=out)
        for line in roadmap_lines(neg.persona, neg.agreements):
            print("  - " + line, file=out)
    elif outcome == "derailed":
        print("\n*** The talks have derailed: the delegation walked out.", file=out)
    else:
        print(f"\nSession ended after {count_of(len(neg.turns), 'turn')}, still {neg.state}.", file=out)
    if outcome != "ongoing":
        _debrief(neg, out)
    if path is not None:
        print(f"Saved to {path}", file=out)
    out.flush()


__all__ = ["LOW_CONFIDENCE", "ChatIO", "correction_menu", "parse_correction", "run_chat", "status_line"]
