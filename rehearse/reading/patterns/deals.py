"""Talk about the deal as a whole: closing the roadmap, amending a proposal, striking an item."""

from __future__ import annotations

import re

# Words that name the whole deal when accepting it: the roadmap, the package, what we have.
# Example: "We accept the roadmap."
WHOLE_DEAL = re.compile(
    r"\b(?:(?:accept|sign|signing|adopt|endorse|approve|close on|conclude|seal|initial|ratify|agree to|"
    r"agree on|settle on|go with|take|wrap up|lock in) (?:\w+ ){0,3}?"
    r"(?:roadmap|road map|package|deal|agreement|accord|contract|whole (?:thing|plan)|full plan|"
    r"entire (?:package|deal|plan|agreement|roadmap)|package as a whole|what we have|everything agreed|"
    r"all (?:we have |that we have )?agreed|final (?:deal|agreement|text|package)|joint statement|"
    r"agreement as it stands|deal as it stands|plan as it stands)|"
    r"deal on the (?:whole|full|entire) (?:package|roadmap|plan)|(?:let us|we can|shall we) close (?:here|now|it|"
    r"this|the talks|the deal|the summit)|close the (?:deal|talks|summit)|sign what we have|"
    r"that (?:completes|concludes|closes) (?:it|the deal|the roadmap|our business|the talks))\b"
)

# Words opening a message that accept before they amend: "Agreed, ...", "Yes, if ...", "Fine, but ...".
# Example: "Fine, but drop the sanctions relief."
ASSENT_OPENING = re.compile(
    r"^(?:(?:ok|okay|yes|yeah|yep|fine|agreed|deal|sure|very well|all right|alright|good|accepted|"
    r"in principle yes|we (?:can )?(?:accept|agree)(?: that| this| it)?|that works|we can live with (?:that|it))"
    r"\b(?! (?:to|that we|with you that)\b))"
)

# Words just before an item that strike it from what is proposed: "drop", "without", "leave out".
# Example: "Yes, but without the inspections."
STRIKING = re.compile(
    r"\b(?:drop|dropping|without|minus|except|excluding|leave out|leaving out|take out|taking out|remove|"
    r"removing|strike|scrap|no|not|cut)(?: \w+){0,4}$"
)
