"""The negotiation screen: transcript, message box with its read-back line, and side panel.

Every call into the session (reading a draft, previewing, sending, undoing, correcting) is made
here, under one lock: the draft's read-back runs in a thread so a keystroke never waits for it.
"""

from __future__ import annotations

import gc
import threading
from dataclasses import dataclass

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from rehearse.content.drills import Drill
from rehearse.engine.drill_runner import grade
from rehearse.engine.negotiation import Negotiation
from rehearse.engine.preview import preview, read_back
from rehearse.engine.scoring import debrief
from rehearse.engine.turns import describe_move
from rehearse.errors import RehearseError
from rehearse.moves import Move
from rehearse.records.session import RecordedSession
from rehearse.records.view import live_view
from rehearse.ui.screens.correction import CorrectionScreen
from rehearse.ui.screens.debrief import DebriefScreen
from rehearse.ui.screens.hints import HintScreen
from rehearse.ui.widgets.message_input import MessageInput
from rehearse.ui.widgets.readback import ReadBackLine
from rehearse.ui.widgets.side_panel import SidePanel
from rehearse.ui.widgets.status import status_text
from rehearse.ui.widgets.transcript import Transcript

DEBOUNCE = 0.15
"""Seconds after the last keystroke before the draft is read back."""
ASK_SUBTITLE = "Enter: send anyway · Esc: edit"
PANEL_MIN_WIDTH = 90
"""Below this many columns the side panel is hidden (F3 shows it), so the transcript keeps room."""
DEBRIEF_DELAY = 1.2
"""Seconds the ending banner shows before the debrief opens."""

BANNERS = {
    "agreement": "★ Agreement reached: the roadmap is accepted. Opening the debrief…",
    "derailed": "✖ The talks have derailed: the delegation has walked out. Opening the debrief…",
}


class NegotiationScreen(Screen[None]):
    """Where the user negotiates with one delegation."""

    CSS_PATH = "negotiation.tcss"
    BINDINGS = [
        Binding("ctrl+z", "undo", "Take back"),
        Binding("f2", "debrief", "Debrief"),
        Binding("f3", "toggle_panel", "Panel"),
        Binding("f4", "correct", "Correct reading"),
        Binding("f6", "hint", "Hint"),
        Binding("escape", "edit_draft", "Edit, don't send", show=False),
        Binding("ctrl+n", "app.new_session", "New", show=False),
        Binding("ctrl+q", "app.quit", "Quit"),
        Binding("pageup", "scroll_transcript(-1)", "Scroll up", show=False),
        Binding("pagedown", "scroll_transcript(1)", "Scroll down", show=False),
    ]

    @dataclass
    class ReadBack(Message):
        """The reading of a draft, worked out in a thread."""

        draft: str
        words: str

    def __init__(self, session: RecordedSession, drill: Drill | None = None) -> None:
        super().__init__()
        self.session = session
        self.drill = drill
        self.asking: str | None = None
        """The draft that was held back with a question (Enter again sends it)."""
        self._lock = threading.Lock()
        self._debounce: Timer | None = None
        self._panel_chosen: bool | None = None
        """Whether the trainee chose to show the side panel with F3 (None: it follows the width)."""
        self._debrief_timer: Timer | None = None

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
                yield ReadBackLine(id="readback")
            yield SidePanel(id="side")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Show the session (a branched one starts with turns already played) and focus the message box."""
        if self.neg.turns:
            self.query_one(Transcript).reset(self.neg.turns, self.session.persona.name)
        self._refresh()
        if self.neg.outcome != "ongoing":
            self._end(self.neg.outcome)
        self.query_one(MessageInput).focus()
        if self.app.size.width < PANEL_MIN_WIDTH:
            self.query_one(SidePanel).display = False
        # The persona, its reader and model are loaded and live as long as the app: keep the
        # garbage collector from rescanning them, so no collection stalls a keystroke's read-back
        # (collected first, so nothing already dropped is kept for good).
        gc.collect()
        gc.freeze()

    # The draft: read back while typing, asked about before a risky send --------------------

    @on(Input.Changed, "#message")
    def _draft_changed(self, event: Input.Changed) -> None:
        """Read the draft back shortly after the last keystroke; editing it drops a pending question."""
        if self.asking is not None and event.value != self.asking:
            self._stop_asking()
        self._schedule_reading(event.value)

    @property
    def reading_pending(self) -> bool:
        """Return whether a read-back of the draft is scheduled or running."""
        running = any(w.node is self and w.group == "readback" and not w.is_finished for w in self.workers)
        return self._debounce is not None or running

    def _schedule_reading(self, draft: str) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        if not draft.strip():
            self.workers.cancel_group(self, "readback")
            self.query_one(ReadBackLine).clear()
            return
        self._debounce = self.set_timer(DEBOUNCE, self._read_draft)

    def _read_draft(self) -> None:
        self._debounce = None
        box = self.query_one(MessageInput)
        if self.asking is None and not box.disabled and box.value.strip():
            self._read_back(box.value)

    @work(thread=True, exclusive=True, group="readback", exit_on_error=False)
    def _read_back(self, draft: str) -> None:
        """Read the draft in a thread; a newer draft cancels this one and a stale result is dropped."""
        worker = get_current_worker()
        with self._lock:
            if worker.is_cancelled:
                return
            try:
                words = read_back(self.neg, draft)
            except RehearseError:
                words = ""
        if not worker.is_cancelled:
            self.post_message(self.ReadBack(draft, words))

    def on_negotiation_screen_read_back(self, message: ReadBack) -> None:
        """Show the reading, if the draft is still the one read."""
        box = self.query_one(MessageInput)
        if message.draft != box.value or self.asking is not None or box.disabled:
            return
        line = self.query_one(ReadBackLine)
        if message.words:
            line.show_reading(message.words)
        else:
            line.clear()

    def on_message_input_said(self, event: MessageInput.Said) -> None:
        """Send the draft, unless it deserves a second look and this is the first Enter."""
        if self.neg.outcome != "ongoing":
            self.notify("The session has ended: F2 for the debrief, Ctrl+N for a new one.", markup=False)
            return
        if self.asking != event.text:
            try:
                with self._lock:
                    seen = preview(self.neg, event.text)
            except RehearseError as exc:
                self.notify(str(exc), severity="warning", markup=False)
                return
            if seen.risks:
                self._ask(event.text, seen.risks, describe_move(self.session.persona, seen.move))
                return
        self._send(event.text)

    def _ask(self, draft: str, risks: tuple[str, ...], words: str) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        self.asking = draft
        self.query_one(ReadBackLine).show_risks(risks, words)
        box = self.query_one(MessageInput)
        box.add_class("asking")
        box.border_subtitle = ASK_SUBTITLE
        self.refresh_bindings()

    def _stop_asking(self) -> None:
        if self.asking is None:
            return
        self.asking = None
        box = self.query_one(MessageInput)
        box.remove_class("asking")
        box.border_subtitle = ""
        self.query_one(ReadBackLine).clear()
        self.refresh_bindings()

    def action_edit_draft(self) -> None:
        """Keep the held-back draft in the box, unsent, and read it back again."""
        self._stop_asking()
        box = self.query_one(MessageInput)
        box.focus()
        self._schedule_reading(box.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape belongs to the question about a risky send; otherwise it does what it always does."""
        if action == "edit_draft":
            return self.asking is not None
        return True

    def _send(self, text: str) -> None:
        try:
            with self._lock:
                turn = self.session.say(text)
        except RehearseError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self._stop_asking()
        self.query_one(MessageInput).sent(text)
        self.query_one(Transcript).add_turn(turn, self.session.persona.name)
        self._refresh()
        if turn.outcome != "ongoing":
            self._end(turn.outcome)

    def _refresh(self) -> None:
        """Update the side panel and the one-line status from the session."""
        panel = self.query_one(SidePanel)
        panel.show(live_view(self.neg))
        if self.drill is not None:
            graded = grade(self.neg, self.drill.live)
            self.session.drill_passed = all(o.met for o in graded)
            panel.show_objectives(graded, self._turns_left())
        self.query_one("#status", Static).update(status_text(self.neg))

    def _end(self, outcome: str) -> None:
        banner = self.query_one("#banner", Static)
        banner.update(Text(BANNERS[outcome]))
        banner.set_classes(f"shown {outcome}")
        self._stop_asking()
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        self.query_one(ReadBackLine).clear()
        self.query_one(MessageInput).disabled = True
        self._stop_debrief_timer()
        self._debrief_timer = self.set_timer(DEBRIEF_DELAY, self.action_debrief)

    def _stop_debrief_timer(self) -> None:
        if self._debrief_timer is not None:
            self._debrief_timer.stop()
            self._debrief_timer = None

    def _reopen(self) -> None:
        """Make the session playable again after a rewind or correction undid its ending."""
        self._stop_debrief_timer()
        self.query_one("#banner", Static).set_classes("")
        message = self.query_one(MessageInput)
        message.disabled = False
        message.focus()
        self._schedule_reading(message.value)

    def on_key(self, event: events.Key) -> None:
        """Typing after the talks ended is not lost in silence: say what can be done."""
        if self.neg.outcome != "ongoing" and event.is_printable:
            self.notify(
                "The talks have ended: F2 for the debrief, Ctrl+Z to take back the last message, "
                "Ctrl+N for a new session.",
                markup=False,
            )

    def action_undo(self) -> None:
        """Take back the last message; the session replays deterministically."""
        taken = self.neg.turns[-1].say if self.neg.turns else ""
        try:
            with self._lock:
                took_back = self.session.undo()
        except RehearseError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        if not took_back:
            self.notify("Nothing to take back yet.", markup=False)
            return
        self._stop_asking()
        self.query_one(Transcript).reset(self.neg.turns, self.session.persona.name)
        self._refresh()
        self._reopen()
        box = self.query_one(MessageInput)
        if not box.value.strip():  # the taken-back words come back to the box, ready to edit
            box.value = taken
            box.cursor_position = len(taken)
        self.notify(f"Took back your last message (now after turn {len(self.neg.turns)}).", markup=False)

    def action_correct(self) -> None:
        """Open the correction of how the last message was read."""
        if not self.neg.turns:
            self.notify("Nothing to correct yet.", markup=False)
            return
        self._stop_debrief_timer()
        self.app.push_screen(CorrectionScreen(self.session.persona, self.neg.turns[-1]), self._correct)

    def _correct(self, move: Move | None) -> None:
        """Replay the last turn as read ``move`` and show the session as it now stands."""
        if move is None:
            return
        last = self.neg.turns[-1]
        if move == last.move:
            self.notify(f"Turn {last.number} is already read as {move.kind}: nothing replayed.", markup=False)
            return
        was_over = self.neg.outcome != "ongoing"
        try:
            with self._lock:
                turn = self.session.correct(move.kind, gives=move.gives, asks=move.asks)
        except RehearseError as exc:
            self.notify(f"Cannot replay the turn: {exc}", severity="error", markup=False)
            return
        self._stop_asking()
        self.query_one(Transcript).reset(self.neg.turns, self.session.persona.name)
        self._refresh()
        words = describe_move(self.session.persona, turn.move)
        self.notify(f"Turn {turn.number} replayed as {words}.", markup=False)
        if turn.outcome != "ongoing":
            self._end(turn.outcome)
        elif was_over:
            self._reopen()

    def _turns_left(self) -> int | None:
        if self.drill is None or not self.drill.live.within_turns:
            return None
        return self.drill.live.within_turns - len(self.neg.turns)

    def action_hint(self) -> None:
        """Show up to three suggestions for the next message, unless the drill forbids hints."""
        if self.drill is not None and not self.drill.hints:
            self.notify("This drill does not allow hints: the moves are yours.", markup=False)
            return
        if self.neg.outcome != "ongoing":
            self.notify("The talks have ended: no more suggestions.", markup=False)
            return
        with self._lock:
            found = self.session.hint(3)
        self.app.push_screen(HintScreen(found), self._use_hint)

    def _use_hint(self, text: str | None) -> None:
        """Put the chosen suggestion in the message box, to edit or send."""
        if text:
            box = self.query_one(MessageInput)
            box.value = text
            box.cursor_position = len(text)
            box.focus()

    def action_debrief(self) -> None:
        """Open the debrief (also mid-session); a drill's objectives are graded there."""
        if isinstance(self.app.screen, DebriefScreen):
            return
        graded = grade(self.neg, self.drill.live) if self.drill is not None else None
        report = debrief(self.neg)
        screen = DebriefScreen(report, self.session.persona.title, graded, len(self.session.hinted))
        self.app.push_screen(screen)

    def action_scroll_transcript(self, direction: int) -> None:
        """Scroll the transcript a page while the message box keeps the focus."""
        transcript = self.query_one(Transcript)
        if direction < 0:
            transcript.scroll_page_up(animate=False)
        else:
            transcript.scroll_page_down(animate=False)

    def action_toggle_panel(self) -> None:
        """Show or hide the side panel (the choice then holds whatever the terminal's width)."""
        panel = self.query_one(SidePanel)
        panel.display = not panel.display
        self._panel_chosen = bool(panel.display)
        self._fit_status()

    def on_resize(self, event: events.Resize) -> None:
        """Hide the side panel when the terminal narrows under 90 columns, show it again when wide."""
        if self._panel_chosen is None:
            self.query_one(SidePanel).display = event.size.width >= PANEL_MIN_WIDTH
        self._fit_status()

    def _fit_status(self) -> None:
        """Give the status line a third row when the side panel, which also says it, is hidden."""
        self.query_one("#status", Static).styles.height = 2 if self.query_one(SidePanel).display else 3
