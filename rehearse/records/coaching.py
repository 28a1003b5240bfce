"""The debrief's coaching for a saved dialogue: the session replayed, then scored and taught.

Exports (Markdown, HTML) carry the same coaching as the TUI's debrief. The dialogue's turns are
replayed against today's playbook with the saved seed (corrected turns with their correction);
if today's playbook plays them differently, the coaching follows today's.
"""

from __future__ import annotations

from typing import Any

from rehearse.content.playbook import Playbook
from rehearse.engine.lessons import point_lines
from rehearse.engine.negotiation import Negotiation
from rehearse.engine.scoring import Debrief, debrief
from rehearse.errors import RehearseError
from rehearse.records.dialogue_file import Dialogue


def replayed(dialogue: Dialogue, persona: Playbook) -> Negotiation:
    """Return a negotiation that has played the dialogue's standing turns (as far as they play)."""
    seed = dialogue.header.get("seed", 0)
    neg = Negotiation(persona, seed=seed if isinstance(seed, int) and not isinstance(seed, bool) else 0)
    for record in dialogue.effective_turns():
        say = record.get("say")
        if neg.outcome != "ongoing" or not isinstance(say, str):
            break
        try:
            neg.say(say)
            move = record.get("move")
            if record.get("corrected") is True and isinstance(move, dict):
                neg.correct(str(move.get("kind")), gives=_ids(move.get("gives")), asks=_ids(move.get("asks")))
        except RehearseError:
            break
    return neg


def coaching(dialogue: Dialogue, persona: Playbook) -> Debrief:
    """Return the debrief of a saved dialogue, replayed."""
    return debrief(replayed(dialogue, persona))


def coaching_markdown(report: Debrief, escape: Any) -> list[str]:
    """Return the score's parts and the turning points as Markdown lines (``escape`` quotes text)."""
    lines = ["## Coaching", "", f"**Score {report.score}/100**", ""]
    lines += [f"- {points}/{most}: {what}" for what, points, most in report.score_parts]
    lines += ["", "### Turning points", ""]
    for point in report.turning_points:
        lines += [f"**Turn {point.turn}: {point.label}**", ""]
        lines += [f"- {head}: {escape(text)}" for head, text in point_lines(point)]
        lines.append("")
    if not report.turning_points:
        lines += ["None yet.", ""]
    return lines


def coaching_html(report: Debrief, escape: Any) -> str:
    """Return the score's parts and the turning points as an HTML section."""
    parts = "".join(f"<li>{points}/{most}: {escape(what)}</li>" for what, points, most in report.score_parts)
    points = "".join(
        f"<h3>Turn {p.turn}: {escape(p.label)}</h3><ul>"
        + "".join(f"<li><b>{escape(head)}:</b> {escape(text)}</li>" for head, text in point_lines(p))
        + "</ul>"
        for p in report.turning_points
    )
    return (
        f"<h2>Coaching</h2><p><b>Score {report.score}/100</b></p><ul>{parts}</ul>"
        f"<h2>Turning points</h2>{points or '<p>None yet.</p>'}\n"
    )


def _ids(value: object) -> list[str]:
    return [str(i) for i in value] if isinstance(value, list) else []
