"""The status line under a bilateral session's transcript: stage, meters and how the last message was read."""

from __future__ import annotations

from rich.text import Text

from rehearse.engine.negotiation import Negotiation
from rehearse.engine.preview import LOW_CONFIDENCE
from rehearse.engine.turns import describe_move


def status_text(neg: Negotiation) -> Text:
    """Return the compact status line: stage, meters with changes, how the last message was read."""
    text = Text(f"{neg.state}", style="bold")
    previous = neg.turns[-2].meters if len(neg.turns) > 1 else neg.persona.meters
    for name, value in neg.meters.items():
        change = value - previous[name] if neg.turns else 0
        text.append(f" · {name} {value}")
        if change:
            text.append(f" ({change:+d})", style="bold")
    if neg.turns:
        last = neg.turns[-1]
        words = describe_move(neg.persona, last.move)  # what it offered and asked, at any width
        text.append(f" · read as {words}")
        if last.corrected:
            text.append(" (corrected)", style="bold")
        elif last.confidence < LOW_CONFIDENCE:
            text.append(f" (unsure, {last.confidence:.0%})", style="bold")
        if last.evidence and not last.corrected and not (last.move.gives or last.move.asks):
            text.append(f" · {last.evidence[0]}", style="dim")
    return text
