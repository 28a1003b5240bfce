"""The classroom's first screen: the trainee gives a name, and their dialogues are saved under it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from rehearse.classroom import trainee_folder
from rehearse.errors import RehearseError

INTRO = (
    "Welcome to the rehearsal room. Type your name and press Enter: every session you play is saved "
    "under it, so your trainer can see what you reached. Then pick a delegation."
)


class NameScreen(Screen[None]):
    """Asks the trainee's name; posts ``NameScreen.Named`` with the folder to save under."""

    CSS_PATH = "name.tcss"

    @dataclass
    class Named(Message):
        """The trainee gave a usable name."""

        name: str
        folder: Path

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def compose(self) -> ComposeResult:
        """Lay out the welcome, the name box and the message line."""
        with Vertical(id="name-box") as box:
            box.border_title = "rehearse · classroom"
            yield Static(INTRO, id="name-intro", markup=False)
            yield Input(placeholder="Your name", max_length=80, id="name-input")
            yield Static("", id="name-problem", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Put the cursor in the name box."""
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Check the name and go on, or say what is wrong with it."""
        try:
            folder = trainee_folder(self.root, event.value)
        except RehearseError as exc:
            self.query_one("#name-problem", Static).update(str(exc))
            return
        self.post_message(self.Named(event.value.strip(), folder))
