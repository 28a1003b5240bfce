"""Help: every move kind explained by example, and the keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# How your messages are read

Each message is read as one **move**, with the items it offers and asks for.

| move | what you do | for example |
|---|---|---|
| reciprocal | offer something **and** ask something in return | *If you halt ICBM tests, we will scale down the exercises.* |
| demand | ask, offer nothing, insist | *You must freeze enrichment first.* |
| threat | force, punishment, walking out, "or else" | *Test again and we will respond militarily.* |
| concession | offer something, ask nothing | *As a goodwill gesture we will postpone the autumn drills.* |
| question | ask for information, or float an offer | *What would you need in order to freeze enrichment?* |
| accept | accept what is on the table | *Agreed.* |
| reject | refuse what is on the table | *That is not acceptable to us.* |
| other | greetings, procedure, principles | *Good afternoon.* |

Action for action moves these talks: trade a step for a step, phase by phase. Demands harden the
delegation (three in a row and it walks out); an ultimatum on complete denuclearization ends the
talks at once. When a first phase is agreed, accept the roadmap to conclude.

While you type, the line under the message box reads your draft back: *reading: reciprocal: you
offer …; you ask …*. If sending it would end the talks, give away an item you did not name, or
the reading is unsure, the first Enter only warns you (⚠): Enter again sends it, Esc goes back to
editing. If a message was read wrongly, F4 replays your last turn with the reading you meant.

# Keys

| key | does |
|---|---|
| Enter | send your message (after a ⚠ warning: send it anyway) |
| Esc | after a ⚠ warning: keep editing instead of sending |
| Up / Down | earlier messages |
| Tab or Right | accept the suggested completion |
| Ctrl+Z | take back your last message |
| F2 | debrief (also mid-session) |
| F3 | show or hide the side panel |
| F4 | correct how your last message was read, and replay that turn |
| Ctrl+N | new session (this one stays saved) |
| Ctrl+P | command palette |
| Ctrl+Q | quit (the session is already saved) |
"""


class HelpScreen(ModalScreen[None]):
    """Move kinds by example, and the keys."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,f1,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        """Lay out the help text."""
        with VerticalScroll(id="help-box"):
            yield Markdown(HELP)

    def on_mount(self) -> None:
        """Focus the text so the arrow keys and Page Up/Down scroll it on a small terminal."""
        self.query_one("#help-box", VerticalScroll).focus()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
