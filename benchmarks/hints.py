"""How long `neg.hint(3)` takes, on every shipped persona, at every turn of a hint-led session.

    python benchmarks/hints.py

A hint must appear without a visible pause (the target is under 150 ms). Each persona is played
from the opening by sending the first hint every turn; every call is timed (memos of the reader
are on, as in the app, but each hint's candidates are new messages on the first call).
"""

from __future__ import annotations

import statistics
import time

from rehearse import Negotiation, load_persona

PERSONAS = ("dprk", "usa", "rok", "china", "harbor", "japan", "russia", "rok_ally")


def main() -> None:
    """Print the median and worst time of a hint per persona."""
    for persona_id in PERSONAS:
        persona = load_persona(persona_id)
        neg = Negotiation(persona, seed=0)
        neg.say("Good morning.")  # the reader is warm, as after the first turn in the app
        times = []
        while neg.outcome == "ongoing" and len(neg.turns) < 20:
            start = time.perf_counter()
            found = neg.hint(3)
            times.append(time.perf_counter() - start)
            neg.say(found[0].text)
        print(
            f"{persona_id:7s} {len(times):2d} hints  median {statistics.median(times) * 1000:6.1f} ms  "
            f"max {max(times) * 1000:6.1f} ms  ({neg.outcome} after {len(neg.turns)} turns)"
        )


if __name__ == "__main__":
    main()
