"""The names a playbook's conditions and reply templates may read (documented in docs/playbooks.md)."""

from __future__ import annotations

from rehearse.moves import MOVE_KINDS

CONDITION_NAMES: dict[str, str] = {
    "turn": "number of this turn, from 1",
    "state": "the machine's state before this turn",
    "move.kind": "the kind of the user's move",
    "move.gives": "set of item ids the user offers",
    "move.asks": "set of item ids the user asks for",
    "move.red_line": "true when the user asks for a red-line item",
    "offer.verdict": "the persona's verdict on a reciprocal offer: accept, counter, more or none",
    "offer.ratio": "what the persona gains over what it gives, by its own values",
    "offer.gross": "true when the offer is grossly unbalanced (ratio under gross_ratio)",
    "offer.premature": "true when the user asks for items of a phase not yet reached",
    "proposal.ready": "true when the persona has an exchange of its own to propose",
    "topic": "the first topic the message names ('' if none)",
    "topics": "set of every topic the message names, in any sentence ('security' in topics)",
    "streak.demands": "demands and threats in a row, this turn included",
    "ledger.size": "number of agreed exchanges",
    "ledger.exchanges": "agreed exchanges in which both sides give something",
    "ledger.phase": "highest phase agreed so far (0 when none)",
    "table.open": "true when a proposal is on the table",
    "table.by": "who put it there: user, persona or ''",
    "table.closing": "true when the persona has proposed to close on the roadmap as it stands",
    "move.closes": "true when the message names the whole deal ('we accept the roadmap')",
    "move.amends": "true when the message accepts the proposal on the table with a change",
    **{f"count.{kind}": f"{kind} moves so far, this turn included" for kind in MOVE_KINDS},
}

TEMPLATE_NAMES: dict[str, str] = {
    "name": "the persona's display name",
    "delegation": "the delegation",
    "leader": "the delegation's leader",
    "you_give": "labels of what the user offers in this message",
    "you_ask": "labels of what the user asks for in this message",
    "we_give": "labels of what the persona offers in its proposal this turn",
    "we_want": "labels of what the persona wants from the user in its proposal this turn",
    "table_we_give": "labels of what the persona gives in what is on the table after the turn",
    "table_you_give": "labels of what the user gives in what is on the table after the turn",
    "roadmap": "the ledger as lines of prose, in order",
    "parked": "labels of the items this message puts off for a later phase",
    "verdict": "the verdict on a reciprocal offer",
    "topic": "the topic of a question",
    "stage": "the machine's state after the turn",
    "mood": "the mood word of that state",
    "turn": "number of this turn",
    "trust": "trust after the turn",
    "tension": "tension after the turn",
}
