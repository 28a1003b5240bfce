"""The TUI as a user drives it: picker, briefing, moves, rewind, help, debrief, walkout, safety."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Markdown, OptionList, Static

from rehearse.content.playbook import Playbook
from rehearse.records.dialogue_file import read_dialogue
from rehearse.ui.app import RehearseApp, make_app
from rehearse.ui.screens.briefing import BriefingScreen
from rehearse.ui.screens.debrief import DebriefScreen
from rehearse.ui.screens.help import HelpScreen
from rehearse.ui.screens.negotiation import NegotiationScreen
from rehearse.ui.screens.picker import PickerScreen
from rehearse.ui.widgets.message_input import MessageInput
from rehearse.ui.widgets.side_panel import SidePanel
from rehearse.ui.widgets.transcript import Line, Transcript
from tests.ui.conftest import debrief_opens, say, start


def transcript_text(app: RehearseApp) -> str:
    return "\n".join(str(line.render()) for line in app.screen.query_one(Transcript).query(Line))


async def test_picker_lists_personas_and_enter_starts_with_the_briefing(tmp_path: Path) -> None:
    app = make_app(None, save_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert {"china", "dprk", "rok", "usa"} <= set(ids)
        options.highlighted = ids.index("dprk")
        assert "US–DPRK summit" in str(options.get_option_at_index(ids.index("dprk")).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert "progressive and synchronous" in str(
            app.screen.query_one("#briefing-body").query(Static).first().render()
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NegotiationScreen)
        assert app.screen.query_one(MessageInput).has_focus


async def test_reciprocal_offer_shows_the_reply_and_raises_trust(app: RehearseApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await say(pilot, "If you halt ICBM tests, we will scale down the joint exercises.")
        text = transcript_text(app)
        assert "If you halt ICBM tests" in text
        assert "moratorium on ICBM tests" in text
        assert app.session is not None
        assert app.session.negotiation.meters["trust"] == 40
        trust = str(app.screen.query_one("#meter-trust", Static).render())
        assert "40 (+5)" in trust
        reading = str(app.screen.query_one("#reading", Static).render())
        assert "reciprocal" in reading and "trust +5" in reading


async def test_demand_raises_tension_and_rewind_takes_it_back(app: RehearseApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await say(pilot, "Freeze enrichment now.")
        assert "tension 62 (+12)" in str(app.screen.query_one("#status", Static).render())
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session is not None
        assert app.session.negotiation.turns == []
        assert "tension 50" in str(app.screen.query_one("#status", Static).render())
        assert transcript_text(app) == ""
        path = app.session.path
    assert path is not None
    dialogue = read_dialogue(path)
    assert dialogue.events == [{"event": "rewind", "to_turn": 0, "after_line": 1}]


async def test_help_and_debrief_open_mid_session(app: RehearseApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "reciprocal" in app.screen.query_one(Markdown).source
        await pilot.press("escape")
        await say(pilot, "Freeze enrichment now.")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.report.counts["demand"] == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, NegotiationScreen)


@pytest.mark.usefixtures("quick_debrief")
async def test_walkout_shows_a_banner_then_the_debrief(app: RehearseApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        screen = app.screen
        await say(pilot, "Denuclearize completely or we will use military force.", anyway=True)
        banner = screen.query_one("#banner", Static)
        assert "derailed" in str(banner.render())
        assert screen.query_one(MessageInput).disabled
        await debrief_opens(pilot)
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.report.outcome == "derailed"
        outcome = str(app.screen.query_one("#outcome", Static).render())
        assert "DERAILED" in outcome


async def test_markup_is_shown_literally_and_never_runs(app: RehearseApp) -> None:
    hostile = [
        "[bold]x[/bold]",
        "fine [/] done",
        "[@click=app.quit]x[/]",
        "[$accent]x[/]",
        "I [sighs] accept",
    ]
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        for text in hostile:
            await say(pilot, text, anyway=True)  # sent even when its reading is unsure
        assert app.is_running
        shown = transcript_text(app)
        for text in hostile:
            assert text in shown


async def test_huge_paste_and_control_characters_do_not_break_the_session(app: RehearseApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        box = app.screen.query_one(MessageInput)
        box.post_message(events.Paste("We accept. " * 10_000))
        await pilot.pause()
        assert len(box.value) <= 2000
        await pilot.press("enter")
        await pilot.pause()
        await say(pilot, "\x00\x07\x1b[31m hello")
        assert app.session is not None
        assert len(app.session.negotiation.turns) == 2


async def test_empty_input_does_nothing(app: RehearseApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await say(pilot, "   ")
        assert app.session is not None
        assert app.session.negotiation.turns == []


async def test_side_panel_toggles_and_hides_itself_on_small_screens(app: RehearseApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        panel = app.screen.query_one(SidePanel)
        assert panel.display
        await pilot.press("f3")
        assert not panel.display
        await pilot.press("f3")
        assert panel.display
    small = make_app(app.start_persona, save_dir=None)
    async with small.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        assert not small.screen.query_one(SidePanel).display
        assert "opening" in str(small.screen.query_one("#status", Static).render())


async def test_history_recalls_earlier_messages(app: RehearseApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await say(pilot, "Good morning.")
        await pilot.press("up")
        assert app.screen.query_one(MessageInput).value == "Good morning."


async def test_quitting_mid_session_keeps_every_turn(app: RehearseApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await say(pilot, "Good morning.")
        await say(pilot, "How would you sequence the steps?")
        assert app.session is not None
        path = app.session.path
        await pilot.press("ctrl+q")
    assert path is not None
    assert [t["turn"] for t in read_dialogue(path).turns] == [1, 2]


async def test_item_phrases_are_suggested_as_the_user_types(dprk: Playbook) -> None:
    from rehearse.ui.widgets.message_input import ItemSuggester

    suggester = ItemSuggester(dprk)
    assert await suggester.get_suggestion("we can offer sanctions re") == "we can offer sanctions relief"
    assert await suggester.get_suggestion("if you allow inspe") is not None
    assert await suggester.get_suggestion("hello ") is None


def test_a_briefing_is_reflowed_to_the_screen_not_to_the_file() -> None:
    from rehearse.ui.screens.briefing import reflow

    text = "The contract ran out\nsix weeks ago.\n\nYou speak for\n  the members.\n"
    assert reflow(text) == "The contract ran out six weeks ago.\n\nYou speak for the members."


def test_paging_an_option_list_before_it_is_laid_out_does_not_crash() -> None:
    """Enter, Ctrl+P and PageUp in one burst used to kill the app (a Textual bug, guarded)."""
    from textual.widgets import OptionList

    import rehearse.ui.app  # noqa: F401 - installs the guard

    options = OptionList("first", "second")
    options._move_page(-1)  # its lines are not laid out yet: nothing to page, no KeyError


async def test_a_full_disk_keeps_the_draft_and_never_plays_the_turn(
    app: RehearseApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rehearse.errors import DialogueFileError
    from rehearse.records.dialogue_file import DialogueWriter

    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await say(pilot, "Good morning.")

        def full(self: DialogueWriter, record: dict) -> None:
            raise DialogueFileError(f"cannot write to '{self.path}': No space left on device")

        monkeypatch.setattr(DialogueWriter, "write", full)
        draft = "If you halt ICBM tests, we will scale down the joint exercises."
        await say(pilot, draft)
        screen = app.screen
        assert isinstance(screen, NegotiationScreen)
        assert len(screen.session.negotiation.turns) == 1  # not played: the file could not take it
        assert screen.query_one(MessageInput).value == draft  # nothing typed is lost
        notes = [str(n.message) for n in app._notifications]
        assert any("No space left on device; the message was not played" in n for n in notes)
        assert "If you halt ICBM tests" not in transcript_text(app)


async def test_suggestions_keep_the_capitals_of_proper_nouns() -> None:
    from rehearse.content.registry import load_persona
    from rehearse.ui.widgets.message_input import ItemSuggester

    suggestion = await ItemSuggester(load_persona("rok")).get_suggestion("We will discuss the reop")
    assert suggestion == "We will discuss the reopening of Mount Kumgang tours"


async def test_take_back_puts_the_words_back_and_typing_after_the_end_is_answered(app: RehearseApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await say(pilot, "Good morning.")
        await pilot.press("ctrl+z")
        await pilot.pause()
        box = app.screen.query_one(MessageInput)
        assert box.value == "Good morning."  # ready to edit and send again
        box.value = ""
        await say(pilot, "Denuclearize now or face the consequences.", anyway=True)
        assert app.screen.query_one(MessageInput).disabled
        await pilot.press("x")
        await pilot.pause()
        notes = [str(n.message) for n in app._notifications]
        assert any("The talks have ended" in n for n in notes)


async def test_typing_past_the_limit_is_said(app: RehearseApp) -> None:
    from rehearse.ui.widgets.message_input import MAX_LENGTH

    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        box = app.screen.query_one(MessageInput)
        box.value = "a" * MAX_LENGTH
        box.cursor_position = MAX_LENGTH
        await pilot.press("b")
        await pilot.pause()
        assert len(box.value) == MAX_LENGTH
        assert any("holds 2,000 characters" in str(n.message) for n in app._notifications)


@pytest.mark.parametrize("persona_id", ["dprk", "usa", "rok", "china", "harbor"])
def test_help_speaks_of_the_delegation_being_rehearsed(persona_id: str) -> None:
    from rehearse.content.registry import load_persona
    from rehearse.reading.reader import reader_for
    from rehearse.ui.screens.help import help_text, persona_examples

    persona = load_persona(persona_id)
    text = help_text(persona)
    assert persona.user_role in text
    reader = reader_for(persona)
    for kind, example in persona_examples(persona).items():
        assert reader.classify(example).kind == kind, example  # the help never teaches a misreading
    if persona_id == "harbor":
        assert "ICBM" not in text and "denuclearization" not in text


async def test_the_side_panel_follows_the_width_until_f3_chooses(app: RehearseApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        panel = app.screen.query_one(SidePanel)
        assert panel.display
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        assert not panel.display  # the transcript keeps the width, not 20 columns
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert panel.display
        await pilot.press("f3")
        await pilot.resize_terminal(60, 24)
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        assert not panel.display  # hidden by choice stays hidden


async def test_page_up_scrolls_the_transcript_while_the_box_keeps_the_focus(app: RehearseApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        for _ in range(4):
            await say(pilot, "What does denuclearization mean to your side?")
        transcript = app.screen.query_one(Transcript)
        await pilot.pause()
        bottom = transcript.scroll_y
        assert bottom > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert transcript.scroll_y < bottom
        assert app.screen.query_one(MessageInput).has_focus
        await pilot.press("pagedown")
        await pilot.pause()
        assert transcript.scroll_y == bottom
