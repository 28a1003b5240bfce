"""The Textual app: picker → briefing → negotiation → debrief, over the headless engine."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from rehearse.content.playbook import Playbook
from rehearse.content.registry import available_personas, load_persona
from rehearse.errors import RehearseError
from rehearse.ui.catalog import bundled_drills, bundled_tables, objectives_text
from rehearse.ui.messages import BranchRequested, DrillChosen, PersonaChosen
from rehearse.ui.screens.briefing import BriefingScreen
from rehearse.ui.screens.picker import PickerScreen
from rehearse.ui.table_flows import TableFlows
from rehearse.ui.workarounds import install as install_workarounds

if TYPE_CHECKING:
    from rehearse.content.drills import Drill
    from rehearse.content.tables import TableSpec
    from rehearse.records.dialogue_file import Dialogue
    from rehearse.records.progress import Progress
    from rehearse.records.session import RecordedSession
    from rehearse.records.table_file import TableDialogue
    from rehearse.ui.screens.name import NameScreen
    from rehearse.ui.screens.replay_list import ReplayListScreen


class RehearseApp(TableFlows, App[None]):
    """Rehearse a negotiation in the terminal."""

    TITLE = "rehearse"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        persona: Playbook | None = None,
        seed: int = 0,
        save_dir: Path | None = None,
        replay: Dialogue | TableDialogue | None = None,
        replay_dir: Path | None = None,
        drill: Drill | None = None,
        progress: tuple[Progress, str] | None = None,
        classroom: Path | None = None,
        table: TableSpec | None = None,
        table_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.progress = progress
        self.classroom = classroom
        self.start_table = table
        self.start_table_path = table_path
        self.trainee: str | None = None
        self.start_drill_with = drill
        self.start_persona = persona
        self.seed = seed
        self.save_dir = save_dir
        self.replay = replay
        self.replay_dir = replay_dir
        self.session: RecordedSession | None = None

    def on_mount(self) -> None:
        """Open a replay, the list of saved dialogues, a session, or the persona picker."""
        if self.start_table is not None:
            self.open_table(self.start_table)
        elif self.start_table_path is not None:
            self.brief_table(self.start_table_path)
        elif self.classroom is not None:
            from rehearse.ui.screens.name import NameScreen

            self.push_screen(NameScreen(self.classroom))
        elif self.progress is not None:
            from rehearse.ui.screens.progress import ProgressScreen

            self.push_screen(ProgressScreen(*self.progress))
        elif self.start_drill_with is not None:
            self.start_drill(self.start_drill_with)
        elif self.replay is not None:
            self._open_replay(self.replay)
        elif self.replay_dir is not None:
            from rehearse.ui.screens.replay_list import ReplayListScreen

            self.push_screen(ReplayListScreen(self.replay_dir))
        elif self.start_persona is not None:
            self.start_session(self.start_persona)
        else:
            self.push_screen(self._picker())

    def _open_replay(self, dialogue: Dialogue | TableDialogue) -> None:
        from rehearse.records.table_file import TableDialogue

        if isinstance(dialogue, TableDialogue):
            self._open_table_replay(dialogue)
            return
        from rehearse.ui.screens.replay import ReplayScreen

        try:
            persona = load_persona(str(dialogue.header.get("persona", "")))
        except RehearseError as exc:
            self.notify(f"Cannot replay {dialogue.path.name}: {exc}", severity="error", markup=False)
            return
        self.push_screen(ReplayScreen(dialogue, persona))

    def on_replay_list_screen_chosen(self, message: ReplayListScreen.Chosen) -> None:
        """Open the dialogue (or table session) picked in the list."""
        from rehearse.records.table_file import read_session

        try:
            self._open_replay(read_session(message.path))
        except RehearseError as exc:
            self.notify(str(exc), severity="error", markup=False)

    def on_branch_requested(self, message: BranchRequested) -> None:
        """Start a live session that replays the messages so far and records where it branched from."""
        from rehearse.records.session import RecordedSession
        from rehearse.ui.screens.negotiation import NegotiationScreen

        self._close_session()
        branched = {"branched_from": {"file": str(message.source), "turn": len(message.messages)}}
        try:
            session = RecordedSession(message.persona, message.seed, self.save_dir, **branched)
            for index, text in enumerate(message.messages):
                session.say(text)
                fix = message.corrections.get(index)
                if fix is not None:
                    session.correct(fix.kind, gives=fix.gives, asks=fix.asks)
        except RehearseError as exc:
            self.notify(f"Cannot branch here: {exc}", severity="error", markup=False)
            return
        self.session = session
        self.push_screen(NegotiationScreen(session))
        self.notify(f"Branched from turn {len(message.messages)}: the rest is yours.", markup=False)

    def _picker(self) -> PickerScreen:
        personas: list[Playbook] = []
        problems: list[str] = []
        for entry in available_personas():
            try:
                personas.append(load_persona(str(entry.path)))
            except RehearseError as exc:
                problems.append(f"{entry.id}: cannot be loaded: {exc}")
        return PickerScreen(personas, problems, bundled_drills(), bundled_tables())

    def on_drill_chosen(self, message: DrillChosen) -> None:
        """Start the drill picked on the picker screen."""
        from rehearse.content.drills import load_drill
        from rehearse.content.yamlsource import has_top_level_key

        try:
            if has_top_level_key(message.path, "table"):
                from rehearse.content.table_drills import load_table_drill

                self.start_table_drill(load_table_drill(message.path))
                return
            drill = load_drill(message.path)
        except RehearseError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.start_drill(drill)

    def start_drill(self, drill: Drill) -> None:
        """Show the drill's briefing and objectives; then play its scripted turns and hand over."""
        self._close_session()
        self.push_screen(
            BriefingScreen(drill.persona, objectives_text(drill)), lambda _: self._begin_drill(drill)
        )

    def _begin_drill(self, drill: Drill) -> None:
        from rehearse.content.templates import count_of
        from rehearse.records.session import RecordedSession
        from rehearse.ui.screens.negotiation import NegotiationScreen

        try:
            session = RecordedSession(
                drill.persona, drill.seed, self.save_dir, drill=drill.id, **self._header()
            )
            for step in drill.turns[: drill.handover]:
                if session.negotiation.outcome != "ongoing":
                    break
                session.say(step.say)
        except RehearseError as exc:
            self.notify(f"Cannot start the drill: {exc}", severity="error", markup=False)
            return
        self.session = session
        screen = NegotiationScreen(session, drill)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        played = len(session.negotiation.turns)
        if session.negotiation.outcome == "ongoing":
            self.notify(
                f"{played} scripted turn(s) played: over to you."
                if played
                else "Over to you: the first move is yours.",
                markup=False,
            )
        else:
            self.notify(
                f"The script ended the session ({session.negotiation.outcome}) in {count_of(played, 'turn')}.",
                markup=False,
            )

    def start_session(self, persona: Playbook) -> None:
        """Show the briefing for ``persona``; the saved session starts when it is dismissed."""
        self._close_session()
        self.push_screen(BriefingScreen(persona), lambda _: self._begin(persona))

    def on_name_screen_named(self, message: NameScreen.Named) -> None:
        """Save this trainee's sessions (and progress) under their folder, then show the picker."""
        import os

        try:
            message.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.notify(f"Cannot create {message.folder}: {exc.strerror}", severity="error", markup=False)
            return
        self.trainee = message.name
        self.save_dir = message.folder
        os.environ["REHEARSE_DATA_DIR"] = str(message.folder)  # this tab's process only
        self.switch_screen(self._picker())
        self.notify(
            f"Welcome, {message.name}: your sessions are saved under {message.folder.name}/.", markup=False
        )

    def _begin(self, persona: Playbook) -> None:
        """Open the session (the engine is imported here, after the first paint)."""
        from rehearse.records.session import RecordedSession
        from rehearse.ui.screens.negotiation import NegotiationScreen

        try:
            self.session = RecordedSession(persona, self.seed, self.save_dir, **self._header())
        except RehearseError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        screen = NegotiationScreen(self.session)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def on_persona_chosen(self, message: PersonaChosen) -> None:
        """Start the persona picked on the picker screen."""
        self.start_session(message.persona)

    def action_help(self) -> None:
        """Show how moves are read, and the keys."""
        from rehearse.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.session.persona if self.session is not None else None))

    def action_new_session(self) -> None:
        """Leave this session (it stays saved) and pick a persona again."""
        self._close_session()
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(self._picker())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:  # type: ignore[type-arg]
        """Add rehearse's commands to the command palette."""
        from rehearse.ui.screens.negotiation import NegotiationScreen

        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Help: move kinds and keys", "How messages are read, with examples", self.action_help
        )
        yield SystemCommand(
            "New session", "Leave this session (saved) and choose a delegation", self.action_new_session
        )
        if isinstance(screen, NegotiationScreen):
            yield SystemCommand(
                "Take back the last move", "Rewind one turn (replayed deterministically)", screen.action_undo
            )
            yield SystemCommand(
                "Correct the last reading",
                "Replay your last turn read as the move you meant",
                screen.action_correct,
            )
            yield SystemCommand(
                "Debrief", "Score, turning points and missed openings so far", screen.action_debrief
            )
            yield SystemCommand(
                "Toggle side panel", "Show or hide the side panel", screen.action_toggle_panel
            )

    def _close_session(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None

    def on_unmount(self) -> None:
        """Close the dialogue file (every turn is already on disk)."""
        self._close_session()


install_workarounds()


def make_app(
    persona: Playbook | None = None,
    seed: int = 0,
    save_dir: Path | None = None,
    drill: Drill | None = None,
    table: TableSpec | None = None,
    table_path: Path | None = None,
) -> RehearseApp:
    """Build the app for live rehearsal (a live drill, or a table); shared by the CLI and the tests.

    ``table_path`` briefs the trainee first and seats the parties after the first paint.
    """
    return RehearseApp(persona, seed, save_dir, drill=drill, table=table, table_path=table_path)


def make_progress_app(progress: Progress, source: str) -> RehearseApp:
    """Build the app on the trainee's progress (``rehearse progress``)."""
    return RehearseApp(progress=(progress, source))


def make_classroom_app(root: Path) -> RehearseApp:
    """Build the app for one browser tab of ``rehearse serve``: a name first, then the picker."""
    return RehearseApp(classroom=root)


def make_replay_app(
    dialogue: Dialogue | TableDialogue | None, folder: Path, save_dir: Path | None
) -> RehearseApp:
    """Build the app on one saved dialogue, or on the list of those in ``folder``."""
    return RehearseApp(None, 0, save_dir, replay=dialogue, replay_dir=folder)
