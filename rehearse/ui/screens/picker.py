"""The persona picker: every delegation with the user's role, difficulty and briefing; Enter starts."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from rehearse.content.playbook import Playbook
from rehearse.ui.messages import DrillChosen, PersonaChosen, TableChosen


def _summary(persona: Playbook) -> Text:
    first = " ".join(persona.briefing.split())
    words = first.split(" ")
    preview = " ".join(words[:45]) + (" …" if len(words) > 45 else "")
    return Text.assemble(
        (persona.title, "bold"),
        (f"  [{persona.difficulty}]", "dim"),
        "\n",
        (persona.user_role, "italic"),
        "\n",
        preview,
    )


class PickerScreen(Screen[None]):
    """Choose the delegation to rehearse against."""

    CSS_PATH = "picker.tcss"
    BINDINGS = [Binding("ctrl+q", "app.quit", "Quit")]

    def __init__(
        self,
        personas: list[Playbook],
        problems: list[str],
        drills: dict[str, list[tuple[Path, str]]],
        tables: list[tuple[Path, str]] | None = None,
    ) -> None:
        super().__init__()
        self.personas = personas
        self.problems = problems
        self.drills = drills
        self.tables = tables or []

    def compose(self) -> ComposeResult:
        """List the personas."""
        yield Static(
            Text("rehearse · choose a delegation to negotiate with", style="bold"), id="picker-title"
        )
        options: list[Option] = []
        self._drill_paths: dict[str, Path] = {}
        self._table_paths: dict[str, Path] = {}
        for index, (path, title) in enumerate(self.tables):
            key = f"table:{index}"
            self._table_paths[key] = path
            options.append(
                Option(
                    Text.assemble(
                        ("table  ", "bold"), (title, "bold"), ("  several delegations at once", "dim")
                    ),
                    id=key,
                )
            )
            for number, (drill_path, drill_title) in enumerate(self.drills.get(f"table:{path.stem}", [])):
                drill_key = f"drill:table:{index}:{number}"
                self._drill_paths[drill_key] = drill_path
                options.append(Option(Text.assemble(("    drill  ", "bold"), drill_title), id=drill_key))
        for persona in self.personas:
            options.append(Option(_summary(persona), id=persona.id))
            for index, (path, title) in enumerate(self.drills.get(persona.id, [])):
                key = f"drill:{persona.id}:{index}"
                self._drill_paths[key] = path
                options.append(Option(Text.assemble(("    drill  ", "bold"), title), id=key))
        yield OptionList(*options, id="personas")
        if self.problems:
            yield Static(Text("\n".join(self.problems)), id="picker-problems")
        yield Footer()

    def on_mount(self) -> None:
        """Focus the list."""
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Start a session with the chosen persona."""
        if event.option.id in self._table_paths:
            self.post_message(TableChosen(self._table_paths[event.option.id]))
            return
        if event.option.id in self._drill_paths:
            self.post_message(DrillChosen(self._drill_paths[event.option.id]))
            return
        chosen = next(p for p in self.personas if p.id == event.option.id)
        self.post_message(PersonaChosen(chosen))
