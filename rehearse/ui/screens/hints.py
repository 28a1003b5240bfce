"""Suggestions for the next message, tried on the session first: pick one to put it in the box."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from rehearse.engine.coach import Hint

KEYS = "↑↓ choose · Enter puts it in your message box (edit it or send it) · Esc back"


def hint_prompt(number: int, hint: Hint) -> Text:
    """Return one suggestion as the text of an option: the message, why, and what it would do."""
    return Text.assemble(
        (f"{number}. ", "bold"),
        (hint.text, "bold"),
        "\n",
        ("   why: ", "dim"),
        hint.why,
        "\n",
        ("   then: ", "dim"),
        str(hint.effect),
    )


class HintScreen(ModalScreen[str | None]):
    """Lists the hints; dismisses with the chosen hint's text, or None."""

    CSS_PATH = "hints.tcss"
    BINDINGS = [Binding("escape", "cancel", "Back")]

    def __init__(self, hints: list[Hint]) -> None:
        super().__init__()
        self.hints = hints

    def compose(self) -> ComposeResult:
        """Lay out the suggestions and the keys."""
        with Vertical(id="hint-box") as box:
            box.border_title = "Suggestions, tried on the session before you make them"
            options = [Option(hint_prompt(n, h), id=str(n - 1)) for n, h in enumerate(self.hints, start=1)]
            yield OptionList(*options, id="hint-list")
            yield Static(KEYS, id="hint-keys", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Focus the first suggestion."""
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Dismiss with the chosen suggestion's text."""
        self.dismiss(self.hints[int(event.option.id or 0)].text)

    def action_cancel(self) -> None:
        """Go back without choosing."""
        self.dismiss(None)
