"""The persona's finite-state machine: one shared ``transitions`` Machine per playbook.

Each session is a model added to the shared machine (and removed when the session is dropped);
triggers are ``move_<kind>`` for the user's move and ``check`` for after-turn checks. Conditions
are the playbook's compiled conditions; the rule that fired is recorded on the turn context.
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


def _recorder(rule: Rule) -> Callable[[dict[str, Any]], None]:
    def record(context: dict[str, Any]) -> None:
        context["_fired"] = rule

    return record


def _tester(rule: Rule) -> Callable[[dict[str, Any]], bool]:
    condition = rule.condition
    assert condition is not None

    def test(context: dict[str, Any]) -> bool:
        return condition(context)

    return test


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
        for rule in (*playbook.rules, *playbook.checks):
            if not rule.sources:
                continue
            self.machine.add_transition(
                rule.trigger,
                source=list(rule.sources),
                dest=rule.dest,
                conditions=[_tester(rule)] if rule.condition else None,
                after=[_recorder(rule)],
            )

    def new_model(self, owner: object) -> tuple[SessionModel, weakref.finalize]:
        """Add a fresh model in the initial state.

        The returned finalizer removes it from the shared machine: call it to release the model
        early; it also runs by itself when ``owner`` is collected, so no session leaks.
        """
        model = SessionModel()
        self.machine.add_model(model, initial=self.playbook.initial)
        return model, weakref.finalize(owner, self.machine.remove_model, model)

    def fire(self, model: SessionModel, trigger: str, context: dict[str, Any]) -> Rule | None:
        """Fire ``trigger``; return the rule that fired, or None when no rule's condition held."""
        context["_fired"] = None
        getattr(model, "trigger")(trigger, context)
        fired: Rule | None = context["_fired"]
        return fired


def machine_for(playbook: Playbook) -> PersonaMachine:
    """Return the shared machine of a playbook, building it on first use."""
    machine = playbook.cache.get("machine")
    if machine is None:
        machine = playbook.cache["machine"] = PersonaMachine(playbook)
    return machine  # type: ignore[no-any-return]
