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
from rehearse.ui.messages import BranchRequested, PersonaChosen
from rehearse.ui.screens.briefing import BriefingScreen
from rehearse.ui.screens.picker import PickerScreen

if TYPE_CHECKING:
    from rehearse.records.dialogue_file import Dialogue
    from rehearse.records.session import RecordedSession
    from rehearse.ui.screens.replay_list import ReplayListScreen


class RehearseApp(App[None]):
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
        replay: Dialogue | None = None,
        replay_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.start_persona = persona
        self.seed = seed
        self.save_dir = save_dir
        self.replay = replay
        self.replay_dir = replay_dir
        self.session: RecordedSession | None = None

    def on_mount(self) -> None:
        """Open a replay, the list of saved dialogues, a session, or the persona picker."""
        if self.replay is not None:
            self._open_replay(self.replay)
        elif self.replay_dir is not None:
            from rehearse.ui.screens.replay_list import ReplayListScreen

            self.push_screen(ReplayListScreen(self.replay_dir))
        elif self.start_persona is not None:
            self.start_session(self.start_persona)
        else:
            self.push_screen(self._picker())

    def _open_replay(self, dialogue: Dialogue) -> None:
        from rehearse.ui.screens.replay import ReplayScreen

        try:
            persona = load_persona(str(dialogue.header.get("persona", "")))
        except RehearseError as exc:
            self.notify(f"Cannot replay {dialogue.path.name}: {exc}", severity="error", markup=False)
            return
        self.push_screen(ReplayScreen(dialogue, persona))

    def on_replay_list_screen_chosen(self, message: ReplayListScreen.Chosen) -> None:
        """Open the dialogue picked in the list."""
        from rehearse.records.dialogue_file import read_dialogue

        try:
            self._open_replay(read_dialogue(message.path))
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
            for text in message.messages:
                session.say(text)
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
        return PickerScreen(personas, problems)

    def start_session(self, persona: Playbook) -> None:
        """Show the briefing for ``persona``; the saved session starts when it is dismissed."""
        self._close_session()
        self.push_screen(BriefingScreen(persona), lambda _: self._begin(persona))

    def _begin(self, persona: Playbook) -> None:
        """Open the session (the engine is imported here, after the first paint)."""
        from rehearse.records.session import RecordedSession
        from rehearse.ui.screens.negotiation import NegotiationScreen

        try:
            self.session = RecordedSession(persona, self.seed, self.save_dir)
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
            self.push_screen(HelpScreen())

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


def make_app(persona: Playbook | None = None, seed: int = 0, save_dir: Path | None = None) -> RehearseApp:
    """Build the app for live rehearsal; shared by the CLI and the tests."""
    return RehearseApp(persona, seed, save_dir)


def make_replay_app(dialogue: Dialogue | None, folder: Path, save_dir: Path | None) -> RehearseApp:
    """Build the app on one saved dialogue, or on the list of those in ``folder``."""
    return RehearseApp(None, 0, save_dir, replay=dialogue, replay_dir=folder)
