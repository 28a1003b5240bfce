"""The app's table flows: brief and seat a table, play a table drill, replay and branch a saved table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App

from rehearse.errors import RehearseError
from rehearse.ui.messages import TableBranchRequested, TableChosen

if TYPE_CHECKING:
    from rehearse.content.table_drills import TableDrill
    from rehearse.content.tables import TableSpec
    from rehearse.records.table_file import TableDialogue


class TableFlows(App[None]):
    """What the app does with tables; the app itself (RehearseApp) builds on it."""

    seed: int = 0
    save_dir: Path | None = None
    trainee: str | None = None

    def _header(self) -> dict[str, str]:
        """Return extra header fields for a new dialogue (the trainee's name in a classroom)."""
        return {"trainee": self.trainee} if self.trainee else {}

    def _open_table_replay(self, dialogue: TableDialogue) -> None:
        from rehearse.records.table_file import table_of
        from rehearse.ui.screens.table_replay import TableReplayScreen

        try:
            spec: TableSpec | None = table_of(dialogue)
        except RehearseError:
            spec = None  # the screen says so; the saved turns still replay
        self.push_screen(TableReplayScreen(dialogue, spec))

    def on_table_branch_requested(self, message: TableBranchRequested) -> None:
        """Start a live table that replays the saved messages so far and records where it branched."""
        from rehearse.records.export import item_ids
        from rehearse.records.table_file import RecordedTable
        from rehearse.ui.screens.table import TableScreen

        branched = {"branched_from": {"file": str(message.source), "turn": len(message.turns)}}

        def replayed(save_dir: Path | None) -> RecordedTable:
            recorded = RecordedTable(message.spec, message.seed, save_dir, **self._header(), **branched)
            for record in message.turns:
                recorded.say(str(record.get("say", "")))
                move = record.get("move")
                if record.get("corrected") is True and isinstance(move, dict):
                    recorded.correct(
                        str(move.get("kind", "")), item_ids(move.get("gives")), item_ids(move.get("asks"))
                    )
            return recorded

        try:
            replayed(None)  # a dry run first: a branch that cannot be replayed leaves no file behind
            recorded = replayed(self.save_dir)
        except RehearseError as exc:
            self.notify(f"Cannot branch here: {exc}", severity="error", markup=False)
            return
        self.push_screen(TableScreen(recorded))
        self.notify(f"Branched from turn {len(message.turns)}: the rest is yours.", markup=False)

    def on_table_chosen(self, message: TableChosen) -> None:
        """Brief the trainee on the table picked on the picker screen, then seat the parties."""
        self.brief_table(message.path)

    def brief_table(self, path: Path) -> None:
        """Show the table's briefing (read from its file alone), then load its parties and open it."""
        from rehearse.content.yamlsource import read_yaml_file
        from rehearse.ui.screens.briefing import BriefingScreen, TableCover

        try:
            data, _ = read_yaml_file(path)
        except RehearseError as exc:
            self.notify(f"Cannot open the table: {exc}", severity="error", markup=False)
            return
        data = data if isinstance(data, dict) else {}
        parties: dict[str, Any] = data["parties"] if isinstance(data.get("parties"), dict) else {}
        names = [str(p.get("name", pid)) if isinstance(p, dict) else str(pid) for pid, p in parties.items()]
        chair = parties.get(str(data.get("chair")), {})
        cover = TableCover(
            str(data.get("title", path.stem)),
            str(data.get("user_role", "")),
            str(data.get("briefing", "")),
            ", ".join(names) or "several delegations",
            f"{chair.get('name', 'the chair') if isinstance(chair, dict) else 'the chair'} in the chair",
        )
        self.push_screen(BriefingScreen(cover), lambda _: self._seat_table(path))

    def _seat_table(self, path: Path) -> None:
        from rehearse.content.tables import load_table

        try:
            spec = load_table(path)
        except RehearseError as exc:
            self.notify(f"Cannot open the table: {exc}", severity="error", markup=False)
            return
        self.open_table(spec)

    def open_table(self, spec: TableSpec, drill: TableDrill | None = None) -> None:
        """Start a table session (saved like any session); a table drill plays its script first."""
        from rehearse.records.table_file import RecordedTable
        from rehearse.ui.screens.table import TableScreen

        header = {**self._header(), **({"drill": drill.id} if drill is not None else {})}
        seed = drill.seed if drill is not None else self.seed
        try:
            recorded = RecordedTable(spec, seed, self.save_dir, **header)
        except RehearseError as exc:
            self.notify(f"{exc}; this table is not being saved.", severity="warning", markup=False)
            recorded = RecordedTable(spec, seed, None, **header)
        if drill is not None:
            try:
                for step in drill.turns[: drill.handover]:
                    if recorded.table.outcome != "ongoing":
                        break
                    recorded.say(step.say)
            except RehearseError as exc:
                recorded.close()
                self.notify(f"Cannot start the drill: {exc}", severity="error", markup=False)
                return
        screen = TableScreen(recorded, drill)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        if drill is not None:
            played = len(recorded.table.turns)
            self.notify(
                f"{played} scripted turn(s) played: over to you."
                if played
                else "Over to you: the first move is yours.",
                markup=False,
            )

    def start_table_drill(self, drill: TableDrill) -> None:
        """Show a table drill's briefing and objectives; then play its scripted turns and hand over."""
        from rehearse.ui.screens.briefing import BriefingScreen, TableCover
        from rehearse.ui.screens.table import table_objectives_text

        spec = drill.spec
        cover = TableCover(
            spec.title,
            spec.user_role,
            spec.briefing,
            ", ".join(p.name for p in spec.parties.values()),
            f"{spec.parties[spec.chair].name} in the chair",
        )
        self.push_screen(
            BriefingScreen(cover, table_objectives_text(drill)), lambda _: self.open_table(spec, drill)
        )
