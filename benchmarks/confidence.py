"""How well the reader's confidence tells right readings from wrong ones, on the held-out sets.

usage: python benchmarks/confidence.py

For each persona's held-out set: kind accuracy among readings at or above the 'unsure' line
(0.6, where chat and the TUI flag a reading) and below it, and how many fall below.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from rehearse import load_persona
from rehearse.chat import LOW_CONFIDENCE
from rehearse.reading.reader import Reader

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    total_low = total_low_right = total_high = total_high_right = 0
    for persona in ("dprk", "usa", "rok", "china", "harbor"):
        path = ROOT / "tests" / "corpus" / f"{persona}_heldout.yaml"
        if not path.is_file():
            continue
        reader = Reader(load_persona(persona))
        rows = yaml.load(
            path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        )
        low = low_right = high = high_right = 0
        for row in rows:
            reading = reader.read(str(row["text"]))
            right = reading.move.kind == row["kind"]
            if reading.confidence < LOW_CONFIDENCE:
                low, low_right = low + 1, low_right + right
            else:
                high, high_right = high + 1, high_right + right
        total_low, total_low_right = total_low + low, total_low_right + low_right
        total_high, total_high_right = total_high + high, total_high_right + high_right
        print(
            f"{persona:8} sure: {high_right}/{high} right ({high_right / max(high, 1):.1%})   "
            f"unsure: {low_right}/{low} right ({low_right / max(low, 1):.1%})"
        )
    print(
        f"all      sure: {total_high_right / max(total_high, 1):.1%} right of {total_high}   "
        f"unsure: {total_low_right / max(total_low, 1):.1%} right of {total_low}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
