"""The list of saved dialogues, newest first: persona, date, turns, outcome, first message."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from rehearse.content.templates import count_of
from rehearse.errors import RehearseError
from rehearse.records.dialogue_file import read_dialogue
from rehearse.records.table_file import is_table_dialogue, read_table_dialogue


@dataclass(frozen=True)
class SavedDialogue:
    """A saved dialogue as listed: its file and what its lines say."""

    path: Path
    persona: str
    started: str
    turns: int
    outcome: str
    first: str


def list_dialogues(folder: Path) -> list[SavedDialogue]:
    """Read the dialogues in ``folder``, newest first (files that are not dialogues are skipped)."""
    found: list[SavedDialogue] = []
    for path in folder.glob("*.jsonl") if folder.is_dir() else []:
        try:
            if is_table_dialogue(path):
                table = read_table_dialogue(path)
                header, turns = table.header, table.turns
                who = f"table {header.get('table', '?')}"
            else:
                dialogue = read_dialogue(path)
                header, turns = dialogue.header, dialogue.effective_turns()
                who = str(header.get("persona", "?"))
        except RehearseError:
            continue
        # the session as it stood: taken-back turns left out
        found.append(
            SavedDialogue(
                path,
                who,
                str(header.get("started", "")),
                len(turns),
                str(turns[-1].get("outcome", "ongoing")) if turns else "ongoing",
                str(turns[0].get("say", "")) if turns else "",
            )
        )
    return sorted(found, key=lambda d: (d.started, d.path.name), reverse=True)


def preview(text: str, limit: int = 64) -> str:
    """Return the first message on one line, cut at a word with '…' when longer than ``limit``."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0] + " …"


class ReplayListScreen(Screen[None]):
    """Choose a saved dialogue to replay."""

    CSS_PATH = "picker.tcss"
    BINDINGS = [Binding("ctrl+q", "app.quit", "Quit")]

    @dataclass
    class Chosen(Message):
        """The user picked a dialogue."""

        path: Path

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.saved = list_dialogues(folder)

    def compose(self) -> ComposeResult:
        """List the dialogues."""
        yield Static(Text(f"rehearse · saved dialogues in {self.folder}", style="bold"), id="picker-title")
        if not self.saved:
            yield Static(
                Text("No saved dialogues yet: every rehearsal is saved here as you play."),
                id="picker-problems",
            )
        options = [
            Option(
                Text.assemble(
                    (f"{d.persona}  ", "bold"),
                    f"{d.started[:16].replace('T', ' ')}  ·  {count_of(d.turns, 'turn')}  ·  {d.outcome}\n  ",
                    (preview(d.first) or "(no message)", "dim"),
                    no_wrap=True,
                    overflow="ellipsis",
                ),
                id=str(index),
            )
            for index, d in enumerate(self.saved)
        ]
        yield OptionList(*options, id="personas")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen dialogue."""
        self.post_message(self.Chosen(self.saved[int(event.option.id or 0)].path))
