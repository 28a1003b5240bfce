"""The persona's finite-state machine: one shared ``transitions`` Machine per playbook.

Each session is a model added to the shared machine (and removed when the session is dropped).
Each destination state gets one transition, triggered by ``enter_<state>``, from every state a
playbook rule leads there from. To move, the engine takes the rules for the move's kind (or the
after-turn checks) that leave the current state, in playbook order, tests their compiled
conditions, and fires the first that holds (a rule that keeps the current state fires nothing).
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Any

from transitions import Machine

from rehearse.content.playbook import Playbook, Rule

logging.getLogger("transitions").setLevel(logging.ERROR)


class SessionModel:
    """The object a session's machine state lives on."""

    state: str
    trigger: Callable[..., bool]  # bound by transitions when the model is added


class PersonaMachine:
    """The machine built from a playbook's states, transitions and checks."""

    def __init__(self, playbook: Playbook) -> None:
        self.playbook = playbook
        self.machine = Machine(
            model=None,
            states=list(playbook.states),
            initial=playbook.initial,
            auto_transitions=False,
            ignore_invalid_triggers=True,
            send_event=False,
        )
        self._candidates: dict[tuple[str, str], list[tuple[str | None, Rule]]] = {}
        sources_by_dest: dict[str, set[str]] = {}
        for rule in (*playbook.rules, *playbook.checks):
            name = f"enter_{rule.dest}" if rule.dest else None
            if rule.dest:
                sources_by_dest.setdefault(rule.dest, set()).update(rule.sources)
            for source in rule.sources:
                self._candidates.setdefault((rule.trigger, source), []).append((name, rule))
        for dest, sources in sources_by_dest.items():
            self.machine.add_transition(f"enter_{dest}", source=list[Any](sorted(sources)), dest=dest)

    def new_model(self, owner: object) -> tuple[SessionModel, weakref.finalize[Any, Any]]:
        """Add a fresh model in the initial state.

        The returned finalizer removes it from the shared machine: call it to release the model
        early; it also runs by itself when ``owner`` is collected, so no session leaks.
        """
        model = SessionModel()
        self.machine.add_model(model, initial=self.playbook.initial)
        return model, weakref.finalize(owner, self.machine.remove_model, model)

    def has_rules(self, trigger: str, state: str) -> bool:
        """Return whether any rule for ``trigger`` leaves ``state``."""
        return (trigger, state) in self._candidates

    def fire(self, model: SessionModel, trigger: str, context: dict[str, Any]) -> Rule | None:
        """Fire the first rule for ``trigger`` from the model's state whose condition holds."""
        for name, rule in self._candidates.get((trigger, model.state), ()):
            if rule.condition is None or _holds(rule.condition, context):
                if name is not None and rule.dest != model.state:
                    model.trigger(name)
                return rule
        return None


def _holds(condition: Callable[[dict[str, Any]], bool], context: dict[str, Any]) -> bool:
    """Test a condition; one that cannot be evaluated (checked at load, so rare) does not hold."""
    try:
        return bool(condition(context))
    except (TypeError, ValueError, KeyError, ArithmeticError, RecursionError):
        return False


def machine_for(playbook: Playbook) -> PersonaMachine:
    """Return the shared machine of a playbook, building it on first use."""
    machine = playbook.cache.get("machine")
    if machine is None:
        machine = playbook.cache["machine"] = PersonaMachine(playbook)
    return machine
