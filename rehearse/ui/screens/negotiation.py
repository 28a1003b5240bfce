"""The negotiation screen: transcript, message box and side panel."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from rehearse.content.drills import Drill
from rehearse.engine.drill_runner import grade
from rehearse.engine.negotiation import Negotiation
from rehearse.engine.scoring import debrief
from rehearse.errors import RehearseError
from rehearse.records.session import RecordedSession
from rehearse.records.view import live_view
from rehearse.ui.screens.debrief import DebriefScreen
from rehearse.ui.widgets.message_input import MessageInput
from rehearse.ui.widgets.side_panel import SidePanel
from rehearse.ui.widgets.transcript import Transcript

BANNERS = {
    "agreement": "★ Agreement reached: the roadmap is accepted. Opening the debrief…",
    "derailed": "✖ The talks have derailed: the delegation has walked out. Opening the debrief…",
}


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
        text.append(f" · read as {last.move.kind}")
        if last.confidence < 0.6:
            text.append(f" (unsure, {last.confidence:.0%})", style="bold")
        if last.evidence:
            text.append(f" · {last.evidence[0]}", style="dim")
    return text


class NegotiationScreen(Screen[None]):
    """Where the user negotiates with one delegation."""

    CSS_PATH = "negotiation.tcss"
    BINDINGS = [
        Binding("ctrl+z", "undo", "Take back"),
        Binding("f2", "debrief", "Debrief"),
        Binding("f3", "toggle_panel", "Side panel"),
        Binding("ctrl+n", "app.new_session", "New"),
        Binding("ctrl+q", "app.quit", "Quit"),
    ]

    def __init__(self, session: RecordedSession, drill: Drill | None = None) -> None:
        super().__init__()
        self.session = session
        self.drill = drill

    @property
    def neg(self) -> Negotiation:
        """Return the session's negotiation."""
        return self.session.negotiation

    def compose(self) -> ComposeResult:
        """Lay out transcript, input and side panel."""
        persona = self.session.persona
        with Horizontal(id="layout"):
            with Vertical(id="main"):
                yield Static(Text(f"{persona.title}  ·  {persona.user_role}"), id="heading")
                yield Transcript(id="transcript")
                yield Static(id="banner")
                yield Static(id="status")
                yield MessageInput(persona, id="message")
            yield SidePanel(id="side")
        yield Footer()

    def on_mount(self) -> None:
        """Show the session (a branched one starts with turns already played) and focus the message box."""
        if self.neg.turns:
            self.query_one(Transcript).reset(self.neg.turns, self.session.persona.name)
        self._refresh()
        if self.neg.outcome != "ongoing":
            self._end(self.neg.outcome)
        self.query_one(MessageInput).focus()
        if self.app.size.width < 90:
            self.query_one(SidePanel).display = False

    def on_message_input_said(self, event: MessageInput.Said) -> None:
        """Play the message and show the reply."""
        if self.neg.outcome != "ongoing":
            self.notify("The session has ended: F2 for the debrief, Ctrl+N for a new one.", markup=False)
            return
        try:
            turn = self.session.say(event.text)
        except RehearseError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self.query_one(Transcript).add_turn(turn, self.session.persona.name)
        self._refresh()
        if turn.outcome != "ongoing":
            self._end(turn.outcome)

    def _refresh(self) -> None:
        """Update the side panel and the one-line status from the session."""
        panel = self.query_one(SidePanel)
        panel.show(live_view(self.neg))
        if self.drill is not None:
            panel.show_objectives(grade(self.neg, self.drill.objectives), self._turns_left())
        self.query_one("#status", Static).update(status_text(self.neg))

    def _end(self, outcome: str) -> None:
        banner = self.query_one("#banner", Static)
        banner.update(Text(BANNERS[outcome]))
        banner.set_classes(f"shown {outcome}")
        message = self.query_one(MessageInput)
        message.disabled = True
        self.set_timer(1.2, self.action_debrief)

    def action_undo(self) -> None:
        """Take back the last message; the session replays deterministically."""
        if not self.session.undo():
            self.notify("Nothing to take back yet.", markup=False)
            return
        self.query_one(Transcript).reset(self.neg.turns, self.session.persona.name)
        self._refresh()
        banner = self.query_one("#banner", Static)
        banner.set_classes("")
        message = self.query_one(MessageInput)
        message.disabled = False
        message.focus()
        self.notify(f"Took back your last message (now after turn {len(self.neg.turns)}).", markup=False)

    def _turns_left(self) -> int | None:
        if self.drill is None or not self.drill.objectives.within_turns:
            return None
        return self.drill.objectives.within_turns - len(self.neg.turns)

    def action_debrief(self) -> None:
        """Open the debrief (also mid-session); a drill's objectives are graded there."""
        if isinstance(self.app.screen, DebriefScreen):
            return
        graded = grade(self.neg, self.drill.objectives) if self.drill is not None else None
        self.app.push_screen(DebriefScreen(debrief(self.neg), self.session.persona.title, graded))

    def action_toggle_panel(self) -> None:
        """Show or hide the side panel."""
        panel = self.query_one(SidePanel)
        panel.display = not panel.display
