"""Help: every move kind explained by example, and the keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from rehearse.content.playbook import Playbook

GENERIC_EXAMPLES = {
    "reciprocal": "If you halt ICBM tests, we will scale down the exercises.",
    "demand": "You must freeze enrichment first.",
    "concession": "As a goodwill gesture we will postpone the autumn drills.",
    "question": "What would you need in order to freeze enrichment?",
}
"""Examples for when no delegation is chosen yet (the first scenario's items)."""
FIXED_EXAMPLES = {
    "threat": "Accept this now or we walk out.",
    "accept": "Agreed.",
    "reject": "That is not acceptable to us.",
    "other": "Good afternoon.",
}
WHAT = {
    "reciprocal": "offer something **and** ask something in return",
    "demand": "ask, offer nothing, insist",
    "threat": 'force, punishment, walking out, "or else"',
    "concession": "offer something, ask nothing",
    "question": "ask for information, or float an offer",
    "accept": "accept what is on the table",
    "reject": "refuse what is on the table",
    "other": "greetings, procedure, principles",
}

KEYS = """\
# Keys

| key | does |
|---|---|
| Enter | send your message (after a ⚠ warning: send it anyway) |
| Esc | after a ⚠ warning: keep editing instead of sending |
| Up / Down | earlier messages |
| Page Up / Page Down | scroll the transcript (the message box keeps what you are typing) |
| Tab or Right | accept the suggested completion |
| Ctrl+Z | take back your last message (its words come back to the box) |
| F2 | debrief (also mid-session) |
| F3 | show or hide the side panel |
| F4 | correct how your last message was read, and replay that turn |
| F6 | hints: up to three next messages, tried on the session first; Enter puts one in your box |
| Ctrl+N | new session (this one stays saved) |
| Ctrl+P | command palette |
| Ctrl+Q | quit (the session is already saved) |
"""


def persona_examples(persona: Playbook) -> dict[str, str]:
    """Return an example message for each move kind, built from this delegation's own items.

    An example is kept only if the reader reads it as its kind, so the help never teaches a
    phrasing the tool would misread; otherwise the first scenario's example is shown.
    """
    from rehearse.reading.reader import reader_for

    theirs = sorted((i for i in persona.items.values() if i.side == "persona" and not i.red_line),
                    key=lambda i: (i.phase, -i.value))  # fmt: skip
    ours = sorted((i for i in persona.items.values() if i.side == "user"), key=lambda i: (i.phase, -i.value))
    examples = dict(GENERIC_EXAMPLES)
    if theirs and ours:
        ask, give = theirs[0].label, ours[0].label
        candidates = {
            "reciprocal": f"If you agree to {ask}, we will offer {give}.",
            "demand": f"You must agree to {ask} first.",
            "concession": f"As a goodwill gesture, we offer {give}.",
            "question": f"What would you need from us in return for {ask}?",
        }
        reader = reader_for(persona)
        for kind, text in candidates.items():
            if reader.classify(text).kind == kind:
                examples[kind] = text
    return {**examples, **FIXED_EXAMPLES}


def help_text(persona: Playbook | None) -> str:
    """Return the help, with examples and rules drawn from the delegation being rehearsed."""
    examples = persona_examples(persona) if persona is not None else {**GENERIC_EXAMPLES, **FIXED_EXAMPLES}
    rows = "\n".join(f"| {kind} | {WHAT[kind]} | *{examples[kind]}* |" for kind in WHAT)
    red = [i.label for i in persona.items.values() if i.red_line] if persona is not None else []
    red_line = f" An ultimatum on {red[0]} ends the talks at once." if red else ""
    who = f"{persona.user_role} " if persona is not None else ""
    return f"""\
# How your messages are read

{who}Each message is read as one **move**, with the items it offers and asks for.

| move | what you do | for example |
|---|---|---|
{rows}

Action for action moves these talks: trade a step for a step, phase by phase. Demands harden the
delegation (three in a row and it walks out).{red_line} A plain *Agreed.* accepts what is on the
table; to conclude, accept the roadmap as a whole (*We accept the roadmap.*) or the delegation's
own proposal to close.

While you type, the line under the message box reads your draft back: *reading: reciprocal: you
offer …; you ask …*. If sending it would end the talks, give away an item you did not name, or
the reading is unsure, the first Enter only warns you (⚠): Enter again sends it, Esc goes back to
editing. If a message was read wrongly, F4 replays your last turn with the reading you meant.

{KEYS}"""


class HelpScreen(ModalScreen[None]):
    """Move kinds by example (from the delegation being rehearsed), and the keys."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,f1,q", "close", "Close")]

    def __init__(self, persona: Playbook | None = None) -> None:
        super().__init__()
        self.persona = persona

    def compose(self) -> ComposeResult:
        """Lay out the help text."""
        with VerticalScroll(id="help-box"):
            yield Markdown(help_text(self.persona))

    def on_mount(self) -> None:
        """Focus the text so the arrow keys and Page Up/Down scroll it on a small terminal."""
        self.query_one("#help-box", VerticalScroll).focus()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
