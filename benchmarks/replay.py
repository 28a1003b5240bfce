"""`replay --check` speed: a 10,000-turn dialogue checked, as turns per second, beside the live
engine's turns per second on the same messages in the same run.

usage: python benchmarks/replay.py [--turns 10000]      (target: the check adds <= 25% over the engine)
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from rehearse import Negotiation, __version__, load_persona
from rehearse.records.check import check_dialogue
from rehearse.records.dialogue_file import DialogueWriter

SCRIPT = [
    "Good morning.",
    "If you halt ICBM tests, we will scale down the joint exercises.",
    "That is not acceptable to us.",
    "What does denuclearization mean to your side?",
    "we might be in a position to look at easing some sanctions if there is movement on yongbyon",
    "How would you sequence the steps?",
    "As a goodwill gesture we will send food aid this winter.",
    "That is not acceptable to us.",
]


def messages(turns: int) -> list[str]:
    """A long session that never ends: varied messages, each one new to the classifier."""
    return [f"{SCRIPT[i % len(SCRIPT)]} (point {i})" for i in range(turns)]


def main() -> None:
    parser = argparse.ArgumentParser(description="replay --check benchmark")
    parser.add_argument("--turns", type=int, default=10_000)
    args = parser.parse_args()
    persona = load_persona("dprk")
    texts = messages(args.turns)
    with tempfile.TemporaryDirectory() as folder:
        writer = DialogueWriter.create(Path(folder), persona, 0, __version__)
        neg = Negotiation(persona, seed=0)
        start = time.perf_counter()
        for text in texts:
            writer.write_turn(persona, neg.say(text))
        live = args.turns / (time.perf_counter() - start)
        writer.close()
        assert neg.outcome == "ongoing", "the script must keep the session going"
        engine = checked = 0.0
        for _ in range(3):  # best of three for each, measured alternately, so noise hits both alike
            persona.cache.clear()  # no classifier memo hits: every message is new again
            fresh = Negotiation(persona, seed=0)
            start = time.perf_counter()
            for text in texts:
                fresh.say(text)
            engine = max(engine, args.turns / (time.perf_counter() - start))
            persona.cache.clear()
            start = time.perf_counter()
            result = check_dialogue(writer.path)
            checked = max(checked, result.turns / (time.perf_counter() - start))
    assert result.identical, result.divergences[:3]
    print(f"engine alone: {engine:,.0f} turns/s; live with saving: {live:,.0f} turns/s")
    print(f"replay --check: {checked:,.0f} turns/s over {result.turns:,} turns")
    print(f"check overhead over the engine: {engine / checked - 1:+.0%} (target <= +25%)")


if __name__ == "__main__":
    main()
