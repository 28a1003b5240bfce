"""The message box: history with Up/Down, completion of item phrases, a bounded length.

It only posts what the trainee submits; the screen decides whether to send it, then calls ``sent``.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input

from rehearse.content.playbook import Playbook

MAX_LENGTH = 2000


class ItemSuggester(Suggester):
    """Completes the word being typed with an item label or phrase of the persona."""

    def __init__(self, persona: Playbook) -> None:
        super().__init__(use_cache=True, case_sensitive=False)
        words: list[str] = []
        for item in persona.items.values():
            words.append(item.label)
            words.extend(p for p in item.phrases if "*" not in p and ".." not in p)
        self._written = {w.lower(): w for w in sorted(words, reverse=True) if len(w) > 3}
        """Each phrase as written (so "Mount Kumgang" keeps its capitals), by its lower-case form."""
        self._phrases = sorted(self._written, key=lambda w: (len(w), w))

    async def get_suggestion(self, value: str) -> str | None:
        """Return ``value`` with its last word(s) completed, or None."""
        lowered = value.lower()
        for size in (3, 2, 1):
            tail = " ".join(lowered.split(" ")[-size:])
            if len(tail) < 3 or lowered.endswith(" "):
                continue
            for phrase in self._phrases:
                if phrase.startswith(tail) and phrase != tail:
                    return value + self._written[phrase][len(tail) :]
        return None


class MessageInput(Input):
    """An input that posts a ``Said`` message on Enter and remembers what was sent."""

    BINDINGS = [
        Binding("up", "history(-1)", "Previous", show=False),
        Binding("down", "history(1)", "Next", show=False),
    ]

    @dataclass
    class Said(Message):
        """The user pressed Enter on a draft (the screen decides whether it is sent)."""

        text: str

    def __init__(self, persona: Playbook, **kwargs: object) -> None:
        super().__init__(
            placeholder="Make your move: an offer, a question, a demand... (F1 for help)",
            suggester=ItemSuggester(persona),
            max_length=MAX_LENGTH,
            **kwargs,  # type: ignore[arg-type]
        )
        self.history: list[str] = []
        self._position = 0
        self._told_full = False

    def _on_paste(self, event: events.Paste) -> None:
        """Paste every line (joined by spaces), cut to what fits, and say so when it was cut."""
        event.stop()
        text = " ".join(event.text.split())
        selected = abs(self.selection.end - self.selection.start)
        room = MAX_LENGTH - len(self.value) + selected
        if len(text) > room:
            text = text[: max(room, 0)]
            self.notify(
                f"The pasted text was cut to fit the {MAX_LENGTH}-character message box.", markup=False
            )
        if not text:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)

    def on_key(self, event: events.Key) -> None:
        """Say so when a keystroke would go past the box's limit (Input drops it silently)."""
        if event.is_printable and len(self.value) >= MAX_LENGTH and self.selection.is_empty:
            if not self._told_full:
                self._told_full = True
                self.notify(
                    f"The message box holds {MAX_LENGTH:,} characters; send or shorten it.", markup=False
                )
        else:
            self._told_full = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Turn a submitted line into a ``Said`` message (blank lines do nothing)."""
        event.stop()
        if event.value.strip():
            self.post_message(self.Said(event.value))

    def sent(self, text: str) -> None:
        """Remember ``text`` as said and empty the box (called once the message was played)."""
        self.history.append(text)
        self._position = len(self.history)
        if self.value == text:
            self.value = ""

    def action_history(self, step: int) -> None:
        """Walk through earlier messages."""
        if not self.history:
            return
        self._position = max(0, min(len(self.history), self._position + step))
        self.value = self.history[self._position] if self._position < len(self.history) else ""
        self.cursor_position = len(self.value)
