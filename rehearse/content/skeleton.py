"""`rehearse new persona ID`: a small working playbook to start a delegation from."""

from __future__ import annotations

import re
from pathlib import Path

from rehearse.errors import RehearseError

SKELETON = """\
# A new delegation for rehearse. Format: docs/playbooks.md; tutorial: docs/authoring.md.
id: {id}
name: {name} delegation
title: "{name}: a first negotiation"
difficulty: standard
delegation: {name} delegation
leader: the head of delegation
user_role: You lead the other side's delegation.
briefing: |
  Describe the situation here: who the user plays, what each side wants, what moves the talks
  (reciprocal steps) and what breaks them (unilateral demands, threats).
sides:                     # how each side is named in talk, so the reader knows who "we" and "you" are
  user: [our government]             # names, capitals, leaders of the user's side
  persona: [{name}, the {name} government]   # names, capitals, leaders of this delegation
meters:
  trust: 40
  tension: 40
strategy:
  opening_ratio: 1.1       # what it wants to gain over what it gives, at first
  reservation_ratio: 0.8   # what it settles for by the horizon
items:
  ceasefire:
    label: a ceasefire
    side: persona          # the delegation gives it; the user asks for it
    value: 20
    phase: 1
    phrases: [ceasefire*, stop .. fighting, halt .. fire]
  aid:
    label: humanitarian aid
    side: user             # the user gives it; the delegation asks for it
    value: 25
    phase: 1
    phrases: [aid, food, medicine*, humanitarian]
initial: opening
states:
  opening: {{outcome: ongoing, mood: wary, description: The delegation waits for your first proposal.}}
  bargaining: {{outcome: ongoing, mood: engaged, description: Trades are on the table.}}
  walkout: {{outcome: derailed, mood: gone, description: The delegation has left.}}
  agreement: {{outcome: agreement, mood: pleased, description: The deal is done.}}
transitions:
  - move: reciprocal
    from: "*"
    when: offer.verdict == 'accept'
    to: bargaining
    effects: {{trust: 8, tension: -5}}
    action: agree_offer
    reply: accept_offer
    reason: balanced offer
  - move: reciprocal
    from: "*"
    to: bargaining
    effects: {{trust: 3}}
    action: counter
    reply: counter_offer
    reason: offer rebalanced
  - move: demand
    from: "*"
    when: streak.demands >= 3
    to: walkout
    effects: {{trust: -10, tension: 15}}
    reply: walkout
    reason: third demand in a row
  - move: demand
    from: "*"
    effects: {{trust: -8, tension: 12}}
    reply: demand_rebuff
    reason: unilateral demand
  - move: accept
    from: "*"
    when: table.open
    action: agree_table
    effects: {{trust: 5}}
    reply: accept_table
    reason: proposal accepted
  - move: accept
    from: bargaining
    when: ledger.exchanges >= 1
    to: agreement
    reply: agreed
    reason: deal accepted
transitions_end: true
"""

REPLIES = """\
replies:
  unmatched:
    - "{{ leader|upfirst }} waits. \\"Propose something, and say what you want in return.\\""
    - "\\"We are listening,\\" says {{ leader }}. \\"What is your offer?\\""
    - "{{ leader|upfirst }} folds their hands. \\"A step from you, a step from us.\\""
  accept_offer:
    - "\\"{{ you_ask|and_list|upfirst }} for {{ you_give|and_list }}: agreed.\\""
    - "\\"That is fair,\\" says {{ leader }}. \\"{{ you_ask|and_list|upfirst }} in return for {{ you_give|and_list }}.\\""
    - "{{ leader|upfirst }} nods. \\"We accept: {{ you_ask|and_list }} for {{ you_give|and_list }}.\\""
  counter_offer:
    - "\\"Not quite. {{ we_give|and_list|upfirst }} from us for {{ we_want|and_list }} from you.\\""
    - "\\"Let us balance it,\\" says {{ leader }}: \\"{{ we_give|and_list }} for {{ we_want|and_list }}.\\""
    - "{{ leader|upfirst }} counters: \\"we give {{ we_give|and_list }}, you give {{ we_want|and_list }}.\\""
  demand_rebuff:
    - "\\"You ask for {{ you_ask|and_list }} and offer nothing,\\" says {{ leader }}."
    - "\\"Demands will not move us. What do you offer?\\""
    - "{{ leader|upfirst }} frowns. \\"Nothing for nothing.\\""
  walkout:
    - "\\"Enough,\\" says {{ leader }}, and the delegation leaves the room."
    - "The delegation gathers its papers and walks out."
    - "\\"We are done here,\\" says {{ leader }}. The delegation leaves."
  accept_table:
    - "\\"Agreed: {{ roadmap|last }}.\\""
    - "\\"Then it is settled,\\" says {{ leader }}: {{ roadmap|last }}."
    - "{{ leader|upfirst }} writes it down: {{ roadmap|last }}."
  agreed:
    - "\\"We have a deal: {{ roadmap|join('; ') }}.\\""
    - "{{ leader|upfirst }} offers a hand. \\"Agreed: {{ roadmap|join('; ') }}.\\""
    - "\\"Then this is our agreement,\\" says {{ leader }}: {{ roadmap|join('; ') }}."
"""


def new_persona(persona_id: str, folder: Path) -> Path:
    """Write ``folder/<id>.yaml``, a small playbook that loads, validates and can reach agreement."""
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", persona_id):
        raise RehearseError(f"'{persona_id}' is not a persona id: use lower-case letters, digits, '-' or '_'")
    path = folder / f"{persona_id}.yaml"
    if path.exists():
        raise RehearseError(f"'{path}' already exists; choose another id or folder")
    name = persona_id.replace("_", " ").replace("-", " ").title()
    text = SKELETON.format(id=persona_id, name=name).replace("transitions_end: true\n", "") + REPLIES
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise RehearseError(f"cannot write '{path}': {exc.strerror}") from None
    return path
