"""Questions: how a sentence asks, even without a question mark."""

from __future__ import annotations

import re

# A sentence that opens like a question: a wh-word, or an auxiliary and then a verb.
# Example: "Would you accept a freeze?"
QUESTION_OPENERS = re.compile(
    # the fillers are separated by a comma or by spaces, never both ways at once: no backtracking
    r"^(?:(?:so|ok|okay|well|and|but|then|now|look|listen|tell me|honestly|frankly|sorry|"
    r"excuse me)(?:\s*,\s*|\s+)){0,8}(?:what|how|why|when|where|which|who|whom|whose|is there|are there|suppose|"
    r"supposing|imagine|hypothetically|"
    r"(?:would|could|can|will|shall|may|might|do|does|did|is|are|was|have|has)\s+(?!be\b|not\b|like\b|love\b|"
    r"also\b|really\b|rather\b|just\b|need\b|have\b|been\b)[a-z]+)\b"
)

# A statement that opens with a wh-word ('what we need is'): not a question.
# Example: "What we need is a freeze."
WH_STATEMENT = re.compile(
    r"^(?:what|how|why|where|when) (?:we|i|they|you) "
    r"(?!would|could|can|will|should|do|did|does|might|may)\w+|"
    r"^what (?:we|i) (?:can|could|will) (?:\w+ ){0,3}?(?:is|are)\b|"
    r"^what (?:has|have|needs?|must|ought) to \w+ (?:\w+ )?(?:is|are)\b"
)

# A question asked indirectly ('I wonder', 'can you tell us', 'please explain').
# Example: "Can you tell us what you need?"
INDIRECT_QUESTION = re.compile(
    r"\b(?:i wonder|we wonder|wondering|i would like to know|we would like to know|may i ask|let me ask|"
    r"permit me to ask|allow me to ask|i would like to ask|i want to ask|"
    r"ask (?:how|what|why|whether|if|when)|can you tell|could you tell|"
    r"tell (?:me|us) (?:what|how|why|whether|if|when)|curious (?:to know|whether|if|about)|"
    r"explain (?:to us )?(?:what|how|why)|help (?:me|us) understand|please explain|"
    r"explain (?:me|us|please))\b|"
    # a request for information: "Explain your dual-track idea to me."
    r"^(?:please )?(?:explain|clarify|elaborate on|describe|walk (?:me|us) through|"
    r"tell (?:me|us) (?:more )?about)\b"
)

# A sentence that ends in a question tag ('is that possible', 'right').
# Example: "We lift sanctions, is that acceptable?"
TAG_QUESTION = re.compile(
    r"(?:\b(?:is|would) (?:that|it) (?:something you can do|possible|ok|okay|doable|feasible|acceptable)|"
    r"\bwhat then|\bthen what|\bwhat do you say|\bhow about it|\bright)$"
)
