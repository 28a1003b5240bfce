"""Correct how the last message was read: pick the move kind and the items, then replay the turn."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from rehearse.content.playbook import Playbook
from rehearse.engine.turns import Turn, describe_move
from rehearse.moves import MOVE_KINDS, Move

HINT = "↑↓ kind · Tab next list · Space ticks an item · Enter replays · Esc cancels"


def item_choices(persona: Playbook, side: str, chosen: frozenset[str]) -> list[tuple[Text, str, bool]]:
    """Return (label, id, ticked) for the items on one side, in the playbook's order."""
    return [
        (Text(item.label), item_id, item_id in chosen)
        for item_id, item in persona.items.items()
        if item.side == side
    ]


class CorrectionScreen(ModalScreen[Move | None]):
    """Shows the last message and its reading; dismisses with the move chosen, or None on cancel."""

    CSS_PATH = "correction.tcss"
    BINDINGS = [
        Binding("enter", "apply", "Replay", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, persona: Playbook, turn: Turn) -> None:
        super().__init__()
        self.persona = persona
        self.turn = turn

    def compose(self) -> ComposeResult:
        """Lay out the message, its reading, the three choices and the buttons."""
        turn, persona = self.turn, self.persona
        read = describe_move(persona, turn.move)
        if turn.corrected:
            read += f" (you corrected it; the reader said {describe_move(persona, turn.read_as)})"
        with Vertical(id="correction-box") as box:
            box.border_title = "Correct how your last message was read"
            yield Static(
                Text.assemble((f"Turn {turn.number}  You  ", "bold"), turn.say), id="correction-said"
            )
            yield Static(Text.assemble(("Read as  ", "bold"), read), id="correction-read")
            with Horizontal(id="correction-choices"):
                kinds = OptionList(*(Option(kind, id=kind) for kind in MOVE_KINDS), id="correction-kind")
                kinds.border_title = "Kind"
                yield kinds
                gives = SelectionList[str](
                    *item_choices(persona, "user", turn.move.gives), id="correction-gives"
                )
                gives.border_title = "You offer"
                yield gives
                asks = SelectionList[str](
                    *item_choices(persona, "persona", turn.move.asks), id="correction-asks"
                )
                asks.border_title = "You ask"
                yield asks
            yield Static(id="correction-preview")
            with Horizontal(id="correction-buttons"):
                yield Button(
                    "Replay with this reading", variant="primary", id="correction-apply", compact=True
                )
                yield Button("Cancel", id="correction-cancel", compact=True)
            yield Static(HINT, id="correction-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Preselect the current reading and focus the kinds."""
        kinds = self.query_one("#correction-kind", OptionList)
        kinds.highlighted = MOVE_KINDS.index(self.turn.move.kind)
        kinds.focus()
        self._show_choice()

    @property
    def chosen(self) -> Move:
        """Return the move the controls describe now."""
        index = self.query_one("#correction-kind", OptionList).highlighted
        kind = MOVE_KINDS[index] if index is not None else self.turn.move.kind
        gives = frozenset(self.query_one("#correction-gives", SelectionList).selected)
        asks = frozenset(self.query_one("#correction-asks", SelectionList).selected)
        return Move(kind, gives, asks)

    @on(OptionList.OptionHighlighted)
    @on(SelectionList.SelectedChanged)
    def _show_choice(self) -> None:
        self.query_one("#correction-preview", Static).update(
            Text.assemble(("Replay as  ", "bold"), describe_move(self.persona, self.chosen))
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Let the Cancel button take Enter itself when it has the focus."""
        return not (action == "apply" and self.focused is self.query_one("#correction-cancel"))

    @on(Button.Pressed, "#correction-apply")
    def action_apply(self) -> None:
        """Replay the last turn with the reading chosen."""
        self.dismiss(self.chosen)

    @on(Button.Pressed, "#correction-cancel")
    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)
