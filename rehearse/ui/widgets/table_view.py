"""How a table turn and the parties look, drawn from saved turn records (live and in replay alike)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rich.text import Text

from rehearse.records.record_checks import whole


def _kind(record: Mapping[str, Any], key: str) -> str:
    move = record.get(key)
    return str(move.get("kind", "?")) if isinstance(move, dict) else "?"


def _unaddressed(say: str, party: str) -> str:
    """Return the message without a leading ``@party`` (the line already names where it went)."""
    match = re.match(rf"\s*@{re.escape(party)}\b[\s,:]*", say, re.IGNORECASE)
    return say[match.end() :] if match and say[match.end() :].strip() else say


def turn_lines(record: Mapping[str, Any], names: Mapping[str, str]) -> list[tuple[str, Text]]:
    """Return a table turn's lines, each with its transcript class: message, reply, reactions, notice."""
    party = str(record.get("party", ""))
    corrected = record.get("corrected") is True
    lines: list[tuple[str, Text]] = []
    if corrected:
        lines.append(("note", Text(f"✎ turn {record.get('turn')} replayed read as {_kind(record, 'move')}")))
    lines.append(
        (
            "you",
            Text.assemble(
                ("You", "bold"),
                (" (corrected)" if corrected else "", "italic"),
                (f" → {'the table' if party == 'table' else '@' + party}  ", "dim"),
                _unaddressed(str(record.get("say", "")), party),
            ),
        )
    )
    if isinstance(record.get("reply"), str):
        lines.append(("them", Text.assemble((f"{names.get(party, party)}  ", "bold"), record["reply"])))
    reactions = record.get("reactions")
    for reaction in reactions if isinstance(reactions, list) else []:
        if isinstance(reaction, dict):
            who = str(reaction.get("party", ""))
            lines.append(
                (
                    "reaction",
                    Text.assemble(
                        (f"{names.get(who, who)}  ", "bold italic"), str(reaction.get("reply", ""))
                    ),
                )
            )
    if record.get("notice"):
        lines.append(("note", Text(str(record["notice"]))))
    return lines


def party_rows(
    parties: Mapping[str, Mapping[str, Any]],
    minimums: Mapping[str, int],
    table_state: str,
    compact: bool = False,
) -> Text:
    """Return a row of meters per party (from a saved snapshot) and where the table stands.

    ``compact`` fits a narrow terminal: two lines a party, no blank line between parties.
    """
    text = Text()
    for pid, party in parties.items():
        found = party.get("meters")
        meters: Mapping[str, Any] = found if isinstance(found, dict) else {}
        outcome = str(party.get("outcome", "ongoing"))
        agreed, need = whole(party.get("agreed")), minimums.get(pid, 0)
        met = agreed >= need
        stage = str(party.get("state", "?")) if outcome == "ongoing" else outcome
        text.append(f"@{pid}", style="bold")
        text.append(f"  {stage}", style="dim")
        if compact:
            text.append(f"  {agreed}/{need}", style="green" if met else "")
        text.append("\n trust ")
        text.append(f"{whole(meters.get('trust')):>3}", style="bold green")
        text.append(" tension " if compact else "  tension ")
        text.append(f"{whole(meters.get('tension')):>3}", style="bold red")
        if not compact:
            text.append(f"  {agreed}/{need}", style="green" if met else "")
        text.append("\n" if compact else "\n\n")
    text.append("Table: ", style="bold")
    text.append(table_state)
    return text
